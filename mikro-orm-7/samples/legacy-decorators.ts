/** MikroORM 7 with legacy (experimentalDecorators) entity decorators: the README's "MikroORM 7" example. */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property, ReflectMetadataProvider, Unique } from '@mikro-orm/decorators/legacy';
import { MikroORM } from '@mikro-orm/sqlite';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, useMikroOrm } from 'fixtory';

@Entity()
export class Writer {
  @PrimaryKey() id!: number;
  @Property({ length: 60 }) name!: string;
  @Property() @Unique() email!: string;
  @Property({ default: true }) active!: boolean & Opt;
  @OneToMany(() => Novel, (novel) => novel.writer) novels = new Collection<Novel>(this);
}

@Entity()
export class Novel {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @Property({ length: 13 }) @Unique() isbn!: string;
  @ManyToOne(() => Writer) writer!: Rel<Writer>;
}

// No field declarations: every column and relation comes from MikroORM 7's metadata.
@Factory(Writer)
@Persist(MikroOrmPersistence)
class WriterFactory extends BaseFactory<Writer> {}

@Factory(Novel)
@Persist(MikroOrmPersistence)
class NovelFactory extends BaseFactory<Novel> {} // each Novel gets a new Writer in the same flush

export async function main(dbName = join(mkdtempSync(join(tmpdir(), 'fixtory-v7-')), 'v7.sqlite')) {
  const orm = await MikroORM.init({
    dbName,
    entities: [Writer, Novel],
    metadataProvider: ReflectMetadataProvider, // MikroORM 7 reads design:type only when told to
  });
  await orm.schema.refresh(); // MikroORM 6: orm.schema.refreshDatabase()
  useMikroOrm(orm);

  const ada = await WriterFactory.createAsync({ name: 'Ada Lovelace' });
  const novels = await NovelFactory.createBatchAsync(3);
  const adasNovels = await NovelFactory.createBatchAsync(2, { writer: ada });

  const em = orm.em.fork();
  const writers = await em.find(Writer, {}, { populate: ['novels'], orderBy: { id: 'asc' } });
  await orm.close();
  return { ada, novels, adasNovels, writers };
}
