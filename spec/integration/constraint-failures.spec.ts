import 'reflect-metadata';
import { expect } from 'chai';
import { types, type Opt, type Rel } from '@mikro-orm/core';
import { BaseFactory, Factory, MikroOrmPersistence, PersistenceException, registry } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '../../samples/mikro-orm-major.js';
import { currentDatabase, type DatabaseName } from './support/databases.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

@Entity({ tableName: 'crew' })
class Crew {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) name!: string;
}

/** A column named apart from its field (mail_address / email), so a message naming one for the other shows. */
@Entity({ tableName: 'sailor' })
@Check({ name: 'sailor_age_check', expression: 'age >= 0' })
class Sailor {
  @PrimaryKey() id!: number;
  @Property({ length: 60, fieldName: 'mail_address' }) @Unique() email!: string;
  @Property({ length: 5 }) code!: string;
  @Property({ type: types.smallint }) age!: number;
  @ManyToOne(() => Crew) crew!: Rel<Crew>;
  @Property({ length: 20, default: 'deckhand' }) rank!: string & Opt;
  @Property({ type: types.integer, nullable: true }) wage?: number | null;
  @Property({ type: new types.bigint('bigint'), nullable: true }) tonnage?: bigint | null;
}

const database = currentDatabase();

/** What the database says, per database; undefined: it stores the value (SQLite checks neither lengths nor ranges). */
function on<T>(expected: Record<DatabaseName, T>): T {
  return expected[database];
}

describe(`MikroORM: a value ${database} refuses is named by its constraint, table, column, model and field`, function () {
  this.timeout(30_000);
  let db: TestDatabase;

  @Factory(Sailor)
  class SailorFactory extends BaseFactory<Sailor> {}

  before(async () => {
    db = await openTestDatabase({ entities: [Crew, Sailor] });
    SailorFactory.setPersistence(new MikroOrmPersistence(db.orm));
  });
  after(async () => {
    registry.unregister(SailorFactory);
    await db.close();
  });

  async function refused(call: Promise<unknown>): Promise<string> {
    const error = await expectRejects(call, PersistenceException);
    expect(await db.numbers('select count(*) as n from sailor where code = ?', ['abcdefgh'])).to.deep.equal([{ n: 0 }]);
    return error.message.slice(error.message.indexOf('\nThe '));
  }

  it('a unique value already in the table: the column, not the field, is what the database names', async () => {
    await SailorFactory.createAsync({ email: 'taken@example.org' });
    const message = await refused(SailorFactory.createAsync({ email: 'taken@example.org' }));
    const constraint = on({ sqlite: '', postgresql: ' sailor_mail_address_unique', mariadb: ' sailor_mail_address_unique' });
    expect(message).to.include(`The unique constraint${constraint} on sailor.mail_address refused Sailor.email = "taken@example.org" (its value came from the overrides`);
  });

  it('a unique value two rows of a batch share, the second row given it', async () => {
    const message = await refused(SailorFactory.createBatchAsync(3, (i) => (i > 0 ? { email: 'twice@example.org' } : {})));
    expect(message).to.match(/^\nThe unique constraint( sailor_mail_address_unique)? on sailor\.mail_address refused Sailor\.email = "twice@example\.org" \(its value came from the overrides/);
  });

  it('a text longer than its column: the row whose value is too long, among rows whose values fit', async function () {
    if (database === 'sqlite') this.skip(); // SQLite stores it
    const message = await refused(SailorFactory.createBatchAsync(3, (i) => (i === 1 ? { code: 'abcdefgh' } : {})));
    expect(message).to.include('The too long constraint on sailor.code refused Sailor.code = "abcdefgh" (its value came from the overrides');
  });

  it('a number out of its column type\'s range', async function () {
    if (database === 'sqlite') this.skip(); // SQLite stores it
    const message = await refused(SailorFactory.createBatchAsync(2, (i) => (i === 1 ? { age: 40_000 } : { age: 30 })));
    // PostgreSQL names the type (smallint), not the column: the field is the smallint one whose value does not fit.
    const value = on({ sqlite: '', postgresql: ' = 40000', mariadb: '' });
    expect(message).to.include(`The out of range constraint on sailor.age refused Sailor.age${value} (its value came from`);
  });

  it('integers beyond their column type: an integer column, a 64-bit one', async function () {
    if (database === 'sqlite') this.skip(); // SQLite stores them
    for (const [field, value] of [['wage', 3_000_000_000], ['tonnage', 2n ** 63n]] as const) {
      const message = await refused(SailorFactory.createAsync({ [field]: value }));
      expect(message).to.include(`The out of range constraint on sailor.${field} refused Sailor.${field} = ${value} (its value came from the overrides`);
    }
  });

  it('a check constraint: its name, and the column it names', async () => {
    const message = await refused(SailorFactory.createAsync({ age: -3 }));
    expect(message).to.include('The check constraint sailor_age_check on sailor.age refused Sailor.age = -3 (its value came from the overrides');
  });

  it('a reference to a row that does not exist: the foreign key and the relation, not the primary key', async () => {
    const message = await refused(SailorFactory.createAsync({ crew: db.orm.em.fork().getReference(Crew, 999) }));
    const expected = on({
      sqlite: 'The foreign key constraint failed.', // SQLite names neither the key nor the column
      postgresql: 'The foreign key constraint sailor_crew_id_foreign on sailor.crew_id refused Sailor.crew (its value came from the overrides',
      mariadb: 'The foreign key constraint sailor_crew_id_foreign on sailor.crew_id refused Sailor.crew (its value came from the overrides',
    });
    expect(message).to.include(expected);
  });

  it('a required value left null: MikroORM refuses it before any SQL, by entity and property', async () => {
    const message = await refused(SailorFactory.createBatchAsync(2, (i) => (i === 1 ? { code: null as never } : {})));
    expect(message).to.include('The not null constraint on sailor.code refused Sailor.code = null (its value came from the overrides');
  });
});
