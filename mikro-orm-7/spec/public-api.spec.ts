import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Entity, PrimaryKey, Property, ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { MikroORM, type EntityManager } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import { BaseFactory, Factory, forgetMikroOrms, MikroOrmPersistence, MikroOrmSyncPersistence, TestTransaction, useMikroOrm } from 'fixtory';

@Entity()
class Reader {
  @PrimaryKey() id!: number;
  @Property() name!: string;
}

// Compiled against MikroORM 7's types: fixtory's MikroORM API takes v7's ORM and EntityManagers.
@Factory(Reader)
class ReaderFactory extends BaseFactory<Reader> {}

describe("fixtory's MikroORM API on MikroORM 7", () => {
  let orm: MikroORM;

  before(async () => {
    const dbName = join(mkdtempSync(join(tmpdir(), 'fixtory-v7-api-')), 'api.sqlite');
    orm = await MikroORM.init({ dbName, entities: [Reader], metadataProvider: ReflectMetadataProvider });
    await orm.schema.create();
    useMikroOrm(orm);
  });
  after(async () => {
    await orm.close(true);
    forgetMikroOrms();
  });

  it('writes through an EntityManager, a MikroORM instance and a provider', async () => {
    const em = orm.em.fork();
    ReaderFactory.setPersistence(new MikroOrmPersistence(em));
    const viaEm = await ReaderFactory.createAsync();
    ReaderFactory.setPersistence(new MikroOrmPersistence(orm));
    const viaOrm = await ReaderFactory.createAsync();
    ReaderFactory.setPersistence(new MikroOrmPersistence(() => em));
    const viaProvider = await ReaderFactory.createAsync();
    const ids = (await orm.em.fork().find(Reader, {}, { orderBy: { id: 'asc' } })).map((w) => w.id);
    expect(ids).to.deep.equal([viaEm.id, viaOrm.id, viaProvider.id]);
  });

  it('MikroOrmSyncPersistence writes nothing before the flush', async () => {
    const em = orm.em.fork();
    ReaderFactory.setPersistence(new MikroOrmSyncPersistence(em));
    const before = await orm.em.fork().count(Reader);
    const readers = ReaderFactory.createBatchSync(2);
    expect(readers.every((w) => w.id === undefined)).to.equal(true);
    expect(await orm.em.fork().count(Reader)).to.equal(before);
    await em.flush();
    expect(await orm.em.fork().count(Reader)).to.equal(before + 2);
    expect(readers.every((w) => typeof w.id === 'number')).to.equal(true);
  });

  it('TestTransaction rolls back what a test wrote', async () => {
    ReaderFactory.clearPersistence();
    const tx = new TestTransaction(orm);
    const before = await orm.em.fork().count(Reader);
    await tx.begin();
    await ReaderFactory.createBatchAsync(3);
    expect(await (tx.em as EntityManager).count(Reader)).to.equal(before + 3);
    await tx.rollback();
    expect(await orm.em.fork().count(Reader)).to.equal(before);
  });
});
