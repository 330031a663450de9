import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, ParameterException, registry, useMikroOrm } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';
import { Publisher } from './support/entities.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

describe('MikroORM: an override of a key the entity does not have', () => {
  let db: TestDatabase;
  let PublisherOverridesFactory: typeof BaseFactory<Publisher> & (new () => BaseFactory<Publisher>);

  beforeEach(async () => {
    db = await openTestDatabase();
    useMikroOrm(db.orm);
    @Factory(Publisher)
    class OverridesFactory extends BaseFactory<Publisher> {}
    PublisherOverridesFactory = OverridesFactory;
  });
  afterEach(async () => {
    registry.unregister(PublisherOverridesFactory);
    await db.close();
  });

  it('is a ParameterException naming the key and the fields of the entity, instead of vanishing in em.create', () => {
    expectThrows(() => PublisherOverridesFactory.build({ nickname: 'Penguin' } as never), ParameterException, "no field 'nickname'", 'name');
    expect(PublisherOverridesFactory.build({ name: 'Penguin' }).name).to.equal('Penguin');
  });
});
