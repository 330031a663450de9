// README "MikroORM 7": ES decorators for the factories of EntitySchema entities (here on MikroORM 6).
import { EntitySchema, MikroORM } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, Sequence, useMikroOrm } from 'fixtory';

class Shelf {
  id!: number;
  label!: string;
  capacity!: number;
}
class Volume {
  id!: number;
  title!: string;
  shelf!: Shelf;
}
const ShelfSchema = new EntitySchema<Shelf>({
  class: Shelf,
  properties: { id: { type: 'number', primary: true }, label: { type: 'string', length: 40 }, capacity: { type: 'integer' } },
});
const VolumeSchema = new EntitySchema<Volume>({
  class: Volume,
  properties: { id: { type: 'number', primary: true }, title: { type: 'string', length: 80 }, shelf: { kind: 'm:1', entity: () => Shelf } },
});

// README block

const orm = await MikroORM.init({ dbName: process.env['README_SCRATCH_DB']!, entities: [ShelfSchema, VolumeSchema] });
await orm.schema.refreshDatabase();
useMikroOrm(orm);
const volume = await VolumeFactory.createAsync();
expect(volume).to.be.instanceOf(Volume);
expect(volume.shelf.label).to.match(/^Shelf \d+$/);
expect(ShelfFactory.build().capacity).to.be.a('number');
await orm.close();
