import 'reflect-metadata';
import { expect } from 'chai';
import { types, type EntityManager } from '@mikro-orm/core';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, registry, useMikroOrm } from 'fixtory';
import { Entity, Enum, PrimaryKey, Property } from '../../samples/mikro-orm-major.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

/** Properties typed with MikroORM's built-in Type classes (`type: IntegerType`), the way a project may write them. */
@Entity({ tableName: 'pf_typed' })
class PfTyped {
  @PrimaryKey() id!: number;
  @Property({ type: types.integer }) count!: number;
  @Property({ type: types.smallint }) small!: number;
  @Property({ type: types.double }) ratio!: number;
  @Property({ type: types.boolean }) active!: boolean;
  @Property({ type: types.datetime }) seenAt!: Date;
  @Property({ type: types.string, length: 20 }) code!: string;
  @Property({ type: types.uuid }) ref!: string;
  @Property({ type: types.json }) tags!: string[];
  @Property({ type: types.json }) settings!: Record<string, unknown>;
  @Property({ type: types.bigint }) big!: string;
  @Property({ type: 'Date', columnType: 'timestamp' }) due!: Date;
  @Enum({ items: ['read', 'write'], array: true, type: types.enumArray }) rights!: ('read' | 'write')[];
}

@Factory(PfTyped)
@Persist(MikroOrmPersistence)
class PfTypedFactory extends BaseFactory<PfTyped> {}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('MikroORM: properties typed with built-in Type classes', function () {
  this.timeout(30_000);
  let db: TestDatabase;

  before(async () => {
    db = await openTestDatabase({ entities: [PfTyped] });
    useMikroOrm(db.orm);
  });
  after(async () => {
    registry.unregister(PfTypedFactory);
    await db.close();
  });

  it('are generated as the kind each Type stands for, and saved', async () => {
    const rows = await PfTypedFactory.createBatchAsync(5);
    for (const row of rows) {
      expect(Number.isInteger(row.count), 'count').to.equal(true);
      expect(Number.isInteger(row.small) && Math.abs(row.small) <= 32767, 'small').to.equal(true);
      expect(row.ratio).to.be.a('number');
      expect(row.active).to.be.a('boolean');
      expect(row.seenAt).to.be.instanceOf(Date);
      expect(row.due).to.be.instanceOf(Date);
      expect(row.code).to.be.a('string').with.length.within(1, 20);
      expect(row.ref).to.match(uuid);
      // A json property typed as an array holds an array; one typed as an object, an object.
      expect(Array.isArray(row.tags), 'tags').to.equal(true);
      expect(row.settings).to.be.an('object');
      expect(Array.isArray(row.settings), 'settings').to.equal(false);
      expect(String(row.big)).to.match(/^-?\d+$/);
      expect(row.rights).to.be.an('array');
      for (const right of row.rights) expect(['read', 'write']).to.include(right);
    }
    const fresh = db.orm.em.fork() as EntityManager;
    const read = await fresh.find(PfTyped, { id: rows.map((r) => r.id) }, { orderBy: { id: 'asc' } });
    expect(read.map((r) => [r.count, r.active, r.code, r.ref, r.tags])).to.deep.equal(rows.map((r) => [r.count, r.active, r.code, r.ref, r.tags]));
  });

  it('take a provider registered for their type name, whether the type is given as a Type class or by name', () => {
    const noon = new Date('2030-01-01T12:00:00.000Z');
    @Factory(PfTyped, { providers: [['datetime', () => noon], ['enumarray', () => ['provided']], ['smallint', () => 7]] })
    class ProvidedFactory extends BaseFactory<PfTyped> {}
    try {
      const built = ProvidedFactory.build();
      expect([built.seenAt, built.due, built.rights, built.small]).to.deep.equal([noon, noon, ['provided'], 7]);
    } finally {
      registry.unregister(ProvidedFactory);
    }
  });
});
