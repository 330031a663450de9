// README "Seeding from the command line": a seed module's default export, called with a SeedContext.
import 'reflect-metadata';
import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, useMikroOrm, type SeedContext } from 'fixtory';
import { openOrm } from '../support/db.js';

@Entity()
class Shop {
  @PrimaryKey() id!: number;
  @Property() name!: string;
}

@Entity()
class Item {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @Property({ length: 40 }) @Unique() sku!: string;
  @ManyToOne(() => Shop) shop!: Rel<Shop>;
}

@Factory(Shop)
@Persist(MikroOrmPersistence)
class ShopFactory extends BaseFactory<Shop> {}

@Factory(Item)
@Persist(MikroOrmPersistence)
class ItemFactory extends BaseFactory<Item> {}

// README block

const { orm } = await openOrm({ entities: [Shop, Item] });
useMikroOrm(orm);
await seed({ orm, count: 12, seed: 42, dryRun: false });
const em = orm.em.fork();
expect([await em.count(Shop), await em.count(Item)]).to.deep.equal([2, 12]);
await orm.close();
