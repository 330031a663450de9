import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Faker, allFakers, faker as sharedFaker } from '@faker-js/faker';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, FactoryRunner } from 'fixtory';

class Customer {
  @Field() name!: string;
  @Field() city!: string;
  @Field() visits!: number;
  @Field() since!: Date;
}

describe('faker instances and seeds', () => {
  it('uses the faker instance it is given', () => {
    const own = new Faker({ locale: allFakers.de.rawDefinitions });
    @Factory(Customer, { faker: own })
    class GivenFakerFactory extends BaseFactory<Customer> {}
    expect(FactoryRunner.of(GivenFakerFactory).faker).to.equal(own);
  });

  it('never reseeds a faker it is given: seeded streams are derived from it', () => {
    @Factory(Customer, { faker: sharedFaker, seed: 5 })
    class SharedSeededFactory extends BaseFactory<Customer> {}
    sharedFaker.seed(99);
    const expected = [sharedFaker.number.int(), sharedFaker.number.int()];
    sharedFaker.seed(99);
    SharedSeededFactory.batch(3);
    SharedSeededFactory.seed(6);
    expect([sharedFaker.number.int(), sharedFaker.number.int()]).to.deep.equal(expected);
    expect(sharedFaker.defaultRefDate().getTime()).to.be.closeTo(Date.now(), 60_000);
  });

  it('uses the faker of a locale given by its key', () => {
    @Factory(Customer, { locale: 'de' })
    class GermanFactory extends BaseFactory<Customer> {}
    expect(FactoryRunner.of(GermanFactory).faker).to.equal(allFakers.de);
    expect(GermanFactory.build().city).to.be.a('string');
  });

  it('gives the same values for the same seed, and different values for another', () => {
    @Factory(Customer, { seed: 7 })
    class SeededFactory extends BaseFactory<Customer> {}
    const first = SeededFactory.batch(3);
    SeededFactory.seed(7);
    expect(SeededFactory.batch(3)).to.deep.equal(first);
    SeededFactory.seed(8);
    expect(SeededFactory.batch(3)).not.to.deep.equal(first);
  });

  it('seeding one factory leaves the shared faker and other factories alone', () => {
    @Factory(Customer)
    class UnseededFactory extends BaseFactory<Customer> {}
    UnseededFactory.seed(1);
    sharedFaker.seed(99);
    const before = sharedFaker.number.int();
    sharedFaker.seed(99);
    UnseededFactory.build();
    expect(sharedFaker.number.int()).to.equal(before);
  });

  it('nested models without a factory of their own use the seeded faker of the factory that nests them', () => {
    class Guest {
      @Field() name!: string;
      @Field() arrivedAt!: Date;
    }
    class Visit {
      @Field() guest!: Guest;
    }
    @Factory(Visit, { seed: 3 })
    class VisitFactory extends BaseFactory<Visit> {}
    const first = VisitFactory.build();
    VisitFactory.seed(3);
    expect(VisitFactory.build()).to.deep.equal(first);
  });

  it('reproduces the same values in a separate process', () => {
    const script = fileURLToPath(new URL('../support/seeded-output.js', import.meta.url));
    const run = () => execFileSync(process.execPath, [script], { encoding: 'utf8' });
    const [a, b] = [run(), run()];
    expect(JSON.parse(a)).to.have.length(5);
    expect(a).to.equal(b);
  });
});
