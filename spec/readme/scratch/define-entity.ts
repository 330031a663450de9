// README "MikroORM 7": a factory of a defineEntity schema (defineEntity exists in MikroORM 6.6 too).
import 'reflect-metadata';
import { defineEntity, EntitySchema, MikroORM, p, type InferEntity } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, useMikroOrm } from 'fixtory';
import { dbName } from '../support/db.js';

class Gadget {
  id!: number;
  label!: string;
  weight!: number;
}
const GadgetSchema = new EntitySchema<Gadget>({
  class: Gadget,
  properties: {
    id: { type: 'number', primary: true },
    label: { type: 'string', length: 40 },
    weight: { type: 'decimal', precision: 6, scale: 2, runtimeType: 'number' },
  },
});

// README block

// README block

const orm = await MikroORM.init({ dbName, entities: [GadgetSchema, Tool] });
await orm.schema.refreshDatabase();
useMikroOrm(orm);
const tool = await ToolFactory.createAsync();
expect(tool.id).to.be.a('number');
expect(tool.name.length).to.be.within(1, 50);
expect(tool.gadget).to.be.instanceOf(Gadget);
expect(await orm.em.fork().count(Tool)).to.equal(1);
await orm.close();
