// README "Decorators and compilers": a plain class under ES decorators, types given with @Field.
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Use } from 'fixtory';

// README block

const publisher = PublisherFactory.build();
expect(publisher).to.be.instanceOf(Publisher);
expect(publisher.name).to.equal('Penguin');
expect(publisher.founded).to.be.instanceOf(Date);
