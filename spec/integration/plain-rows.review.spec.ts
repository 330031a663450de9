import 'reflect-metadata';
import { expect } from 'chai';
import { Collection, MikroORM, type Opt, type Options, type Rel } from '@mikro-orm/core';
import { BaseFactory, Factory, Lazy, MikroOrmBulkPersistence, Related, registry, useMikroOrm } from 'fixtory';
import { clearSchema, Embeddable, Embedded, Entity, ManyToOne, OneToMany, OneToOne, PrimaryKey, Property } from '../../samples/mikro-orm-major.js';
import { currentDatabase } from './support/databases.js';
import { openTestDatabase } from './support/orm.js';

// A hostile review of seedRows(n, { plain: true }) (commit 66f24c1). Its promise (README, "Plain
// rows"): the rows written are exactly the rows the entity path (the same call without plain, the
// same seed) writes, or the call is refused with a ConfigurationException before anything is
// written. Each case below seeds one factory both ways on a fresh schema and compares the tables;
// every case failed on 66f24c1 (the review); each now holds, by the same rows or by a refusal.

const database = currentDatabase();

// ---------------------------------------------------------------- entities

/** A write-only virtual property (MikroORM's documented `persist: false` setter) that fills a column. */
@Entity({ tableName: 'rv_login' })
class RvLogin {
  @PrimaryKey() id!: number;
  @Property({ length: 80 }) passwordHash!: string;
  @Property({ persist: false })
  set password(value: string) {
    this.passwordHash = `hash:${value}`;
  }
}

/** An onCreate that reads a getter of the class. */
@Entity({ tableName: 'rv_person' })
class RvPerson {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) first!: string;
  @Property({ length: 40 }) last!: string;
  @Property({ length: 90, onCreate: (person: RvPerson) => `${person.fullName}`.toLowerCase() }) searchName!: string & Opt;
  @OneToOne(() => RvPassport, (passport) => passport.holder, { nullable: true }) passport?: Rel<RvPassport> | null;
  get fullName(): string {
    return `${this.first} ${this.last}`;
  }
}

@Entity({ tableName: 'rv_passport' })
class RvPassport {
  @PrimaryKey() id!: number;
  @Property({ length: 20 }) number!: string;
  @OneToOne(() => RvPerson, (person) => person.passport, { owner: true }) holder!: Rel<RvPerson>;
}

/** An onCreate that calls a method of the class. */
@Entity({ tableName: 'rv_article' })
class RvArticle {
  @PrimaryKey() id!: number;
  @Property({ length: 60 }) title!: string;
  @Property({ length: 80, onCreate: (article: RvArticle) => article.slugify() }) slug!: string & Opt;
  slugify(): string {
    return this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  }
}

/** A date, an optional self reference, an optional relation to a class plain rows refuse. */
@Entity({ tableName: 'rv_note' })
class RvNote {
  @PrimaryKey() id!: number;
  @Property({ length: 60 }) title!: string;
  @Property() publishedAt!: Date;
  @ManyToOne(() => RvNote, { nullable: true }) previous?: Rel<RvNote> | null;
  @ManyToOne(() => RvOdd, { nullable: true }) odd?: Rel<RvOdd> | null;
}

/** A class plain rows refuse (its constructor takes parameters); the entity path writes it. */
@Entity({ tableName: 'rv_odd' })
class RvOdd {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) label: string;
  constructor(label: string) {
    this.label = label;
  }
}

/** A child whose factory derives a column from its parent (a getter of the parent's class) with @Lazy. */
@Entity({ tableName: 'rv_visa' })
class RvVisa {
  @PrimaryKey() id!: number;
  @Property({ length: 90 }) label!: string;
  @ManyToOne(() => RvPerson) person!: Rel<RvPerson>;
}

let tickets = 0;
/** An initialiser with a side effect (a counter), as a running number or a code generator has. */
@Entity({ tableName: 'rv_ticket' })
class RvTicket {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) title!: string;
  @Property({ length: 20, nullable: true }) code: string | null = `T${++tickets}`;
}

const defaultEntities = [RvLogin, RvPerson, RvPassport, RvVisa, RvArticle, RvNote, RvOdd, RvTicket];

@Embeddable()
class RvAddress {
  @Property({ length: 40 }) city!: string;
}

/** A nullable column with a default, and an embeddable (the entity path builds it with em.create). */
@Entity({ tableName: 'rv_member' })
class RvMember {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) name!: string;
  @Property({ length: 20, nullable: true, default: 'none' }) nickname?: string | null;
  @Embedded(() => RvAddress) address!: RvAddress;
}

/** A counter cache filled by onCreate from the one-to-many collection. */
@Entity({ tableName: 'rv_owner' })
class RvOwner {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) name!: string;
  @Property({ onCreate: (owner: RvOwner) => owner.pets.length }) petCount!: number & Opt;
  @OneToMany(() => RvPet, (pet) => pet.owner) pets = new Collection<RvPet>(this);
}

@Entity({ tableName: 'rv_pet' })
class RvPet {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) name!: string;
  @ManyToOne(() => RvOwner) owner!: Rel<RvOwner>;
}

const configuredEntities = [RvAddress, RvMember, RvOwner, RvPet];

// ---------------------------------------------------------------- factories

class LoginFactory extends BaseFactory<RvLogin> {}
class PersonFactory extends BaseFactory<RvPerson> {}
class PassportFactory extends BaseFactory<RvPassport> {
  @Related({ factory: () => PersonFactory }) holder!: unknown;
}
class VisaFactory extends BaseFactory<RvVisa> {
  @Related({ factory: () => PersonFactory }) person!: unknown;
  @Lazy(({ values }) => `visa of ${(values['person'] as RvPerson).fullName}`) label!: string;
}
class ArticleFactory extends BaseFactory<RvArticle> {}
class NoteFactory extends BaseFactory<RvNote> {}
class OddFactory extends BaseFactory<RvOdd> {}
class TicketFactory extends BaseFactory<RvTicket> {}
class MemberFactory extends BaseFactory<RvMember> {}
class OwnerFactory extends BaseFactory<RvOwner> {
  @Related({ size: 2, factory: () => PetFactory }) pets!: unknown;
}
class PetFactory extends BaseFactory<RvPet> {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- factories of several models
type AnyFactory = any;

// ---------------------------------------------------------------- databases

interface Db {
  orm: MikroORM;
  tables: string[];
  sql<R = Record<string, unknown>>(query: string): Promise<R[]>;
  close(): Promise<void>;
}

/** A MikroORM with its own options on a new database of the run's kind (openTestDatabase takes no ORM options). */
async function openDb(entities: unknown[], tables: string[], extra: Partial<Options> = {}): Promise<Db> {
  const db = await openTestDatabase({ entities, orm: extra });
  return { orm: db.orm as unknown as MikroORM, tables, sql: (query) => db.sql(query), close: () => db.close() };
}

interface Outcome {
  error?: string;
  rows: Record<string, unknown[]>;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (typeof value === 'bigint') return `bigint:${value}`;
  return value;
}

async function dump(db: Db): Promise<Outcome['rows']> {
  const rows: Outcome['rows'] = {};
  for (const table of db.tables) {
    const found = await db.sql(`select * from ${table} order by id`);
    rows[table] = found.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, normalise(v)])));
  }
  return rows;
}

/** Seeds `factory` on an empty schema (keys from 1, every factory reseeded), with or without plain rows. */
async function seedOnce(db: Db, factories: AnyFactory[], factory: AnyFactory, count: number, options: Record<string, unknown>, plain: boolean, setup?: () => Promise<void>): Promise<Outcome> {
  await clearSchema(db.orm);
  if (database === 'sqlite') await db.sql('delete from sqlite_sequence');
  for (const each of factories) {
    each.setPersistence(new MikroOrmBulkPersistence(db.orm as never));
    each.seed(20261129);
    each.resetSequence();
  }
  tickets = 0;
  await setup?.();
  try {
    await factory.seedRows(count, { ...options, plain });
    return { rows: await dump(db) };
  } catch (error) {
    return { error: `${(error as Error).constructor.name}: ${(error as Error).message}`, rows: await dump(db) };
  }
}

/**
 * The promise: plain rows write what entities write (`same`), or are refused with a
 * ConfigurationException before writing (`refused`): each case says which it must be.
 */
async function expectSameRows(db: Db, factories: AnyFactory[], factory: AnyFactory, count: number, options: Record<string, unknown> = {}, setup?: () => Promise<void>, outcome: 'same' | 'refused' = 'same'): Promise<void> {
  const entities = await seedOnce(db, factories, factory, count, options, false, setup);
  expect(entities.error === undefined, `the entity path fails: ${entities.error}`).to.equal(true);
  const plain = await seedOnce(db, factories, factory, count, options, true, setup);
  expect(plain.error?.startsWith('ConfigurationException') ? 'refused' : 'same', plain.error).to.equal(outcome);
  if (plain.error?.startsWith('ConfigurationException')) {
    for (const [table, rows] of Object.entries(plain.rows)) expect(rows, `${table}: refused, yet written`).to.deep.equal([]);
    return;
  }
  expect(plain.error === undefined, `plain rows: neither the same rows nor a ConfigurationException: ${plain.error}`).to.equal(true);
  expect(plain.rows).to.deep.equal(entities.rows);
}

// ---------------------------------------------------------------- specs

describe(`seedRows with plain: true, hostile review (${database})`, function () {
  this.timeout(120_000);

  describe('default MikroORM options', () => {
    let db: Db;
    const factories = [LoginFactory, PersonFactory, PassportFactory, VisaFactory, ArticleFactory, NoteFactory, OddFactory, TicketFactory];
    before(async () => {
      Factory(RvLogin)(LoginFactory);
      Factory(RvPerson)(PersonFactory);
      Factory(RvPassport)(PassportFactory);
      Factory(RvVisa)(VisaFactory);
      Factory(RvArticle)(ArticleFactory);
      Factory(RvNote)(NoteFactory);
      Factory(RvOdd)(OddFactory);
      Factory(RvTicket)(TicketFactory);
      db = await openDb(defaultEntities, ['rv_visa', 'rv_passport', 'rv_person', 'rv_login', 'rv_article', 'rv_note', 'rv_odd', 'rv_ticket']);
    });
    beforeEach(() => useMikroOrm(db.orm as never));
    after(async () => {
      for (const factory of factories) registry.unregister(factory);
      await db?.close();
    });

    it('a value given for a persist: false setter property reaches the column it sets', async () => {
      // Entities: the setter runs, password_hash = 'hash:secret'. Plain rows: the value is kept on the row and never written; password_hash is random.
      await expectSameRows(db, factories, LoginFactory, 3, { overrides: { password: 'secret' } }, undefined, 'refused');
    });

    it('an onCreate that reads a getter of the class sees the getter', async () => {
      // Plain rows have no getters: search_name is silently 'undefined' on every row.
      await expectSameRows(db, factories, PersonFactory, 3);
    });

    it("a factory's @Lazy field that reads a getter of a related instance sees the getter", async () => {
      // Fixtory's own feature, no MikroORM hook: the related value is a plain row, label is silently 'visa of undefined'.
      await expectSameRows(db, factories, VisaFactory, 2);
    });

    it('an onCreate that calls a method of the class', async () => {
      // Plain rows: "PersistenceException: ... could not save RvArticle: article.slugify is not a function".
      await expectSameRows(db, factories, ArticleFactory, 3);
    });

    it('a many-to-one given as a primary key (README: an override of a relation may be its key)', async () => {
      // Plain rows: "Cannot read properties of undefined (reading '__managed')" from the insert plan.
      const existing = async () => void (await NoteFactory.seedRows(1));
      await expectSameRows(db, factories, NoteFactory, 3, { overrides: { previous: 1 as never } }, existing);
    });

    it('an inverse one-to-one given as data (em.create builds it on the entity path)', async () => {
      // Plain rows: the object reaches the insert plan as it was given: "reading '__managed'".
      await expectSameRows(db, factories, PersonFactory, 2, { overrides: { passport: { number: 'P-1' } } }, undefined, 'refused');
    });

    it('a date given as an ISO string is written as the entity path writes a date', async () => {
      // SQLite: entities store the instant (epoch milliseconds), plain rows the text itself. MariaDB: plain rows fail (Incorrect datetime value).
      await expectSameRows(db, factories, NoteFactory, 2, { overrides: { publishedAt: '2020-05-06T07:08:09.000Z' as never } }, undefined, 'refused');
    });

    it('a class plain rows refuse, reached only in a later chunk, stops the seed there as any failed chunk does', async () => {
      // Refusals come as a row of the class is built: the chunks before stay written (README, "Plain rows"), nothing of this one is.
      const outcome = await seedOnce(db, factories, NoteFactory, 6, { chunk: 2, overrides: (index: number) => (index >= 4 ? { odd: { label: 'late' } } : {}) }, true);
      expect(outcome.error ?? '', outcome.error).to.match(/^ConfigurationException: .*RvOdd/);
      expect(outcome.rows['rv_note'], 'the two chunks before').to.have.length(4);
      expect(outcome.rows['rv_odd']).to.deep.equal([]);
    });

    it('an initialiser with a side effect runs once per row, as on the entity path', async () => {
      // Entities: `new RvTicket()` per row (the counter moves on every row); plain rows make a fresh instance only for a row that lacks the value.
      await expectSameRows(db, factories, TicketFactory, 4, { overrides: (index: number) => (index % 2 ? { code: undefined } : { code: 'given' }) });
    });
  });

  for (const [name, options] of [
    ['forceUndefined', { forceUndefined: true }],
    ['processOnCreateHooksEarly (the default of MikroORM 7)', { processOnCreateHooksEarly: true }],
  ] as [string, Partial<Options>][]) {
    describe(`MikroORM option ${name}`, () => {
      let db: Db;
      const factories = [MemberFactory, OwnerFactory, PetFactory];
      before(async () => {
        Factory(RvMember)(MemberFactory);
        Factory(RvOwner)(OwnerFactory);
        Factory(RvPet)(PetFactory);
        db = await openDb(configuredEntities, ['rv_member', 'rv_pet', 'rv_owner'], options);
      });
      beforeEach(() => useMikroOrm(db.orm as never));
      after(async () => {
        for (const factory of factories) registry.unregister(factory);
        await db?.close();
      });

      if (name === 'forceUndefined') {
        it('a null given for a nullable column with a default leaves the default, as em.create does', async () => {
          // Entities (em.create): null becomes undefined, the column's default 'none' is written. Plain rows: NULL.
          await expectSameRows(db, factories, MemberFactory, 3, { overrides: { nickname: null } });
        });
      } else {
        it('onCreate runs when em.create would run it (at build time)', async () => {
          // Entities: pet_count = 0 (onCreate ran in em.create, before the pets were added). Plain rows: 2 (ran at insert time).
          await expectSameRows(db, factories, OwnerFactory, 2);
        });
      }
    });
  }
});
