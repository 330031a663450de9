import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { BaseFactory, Factory, Field } from 'fixtory';
import { CustomerFactory, explainCustomer } from '../../samples/explain.js';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

describe('explain()', () => {
  it('says for every field where its value comes from, the generator, the unique strategy and the traits', () => {
    const byField = Object.fromEntries(CustomerFactory.explain().map((row) => [row.field, row]));
    expect(Object.keys(byField)).to.deep.equal(['number', 'email', 'companyName', 'age', 'createdAt', 'plan', 'balance', 'shop']);
    expect(byField.number).to.include({ from: 'decorator', generator: '@Sequence(...)' });
    expect(byField.email).to.include({ from: 'hint', unique: "redraw, then the 'email' fallback" });
    expect(byField.companyName).to.include({ from: 'hint', generator: "faker.company.name() (hint 'company name')" });
    expect(byField.age).to.include({ from: 'hint', generator: "integer 0..120 (hint 'age')" });
    expect(byField.createdAt).to.include({ from: 'hint' });
    expect(byField.plan).to.deep.include({ from: 'enum', traits: ['pro'] });
    expect(byField.balance).to.include({ from: 'provider', generator: 'provider for Money' });
    expect(byField.shop).to.include({ from: 'relation', generator: 'built by the factory of Shop' });
  });

  it('names a field’s type, or why it cannot be generated (a factory planned in the test)', () => {
    class Gadget {
      @Field() active!: boolean;
      @Field() settings!: Record<string, unknown>;
    }
    @Factory(Gadget)
    class GadgetFactory extends BaseFactory<Gadget> {}
    const byField = Object.fromEntries(GadgetFactory.explain().map((row) => [row.field, row]));
    expect(byField.active).to.include({ from: 'type', generator: 'faker.datatype.boolean()' });
    expect(byField.settings!.from).to.equal('unset');
    expect(byField.settings!.generator).to.match(/^cannot be generated: .*Object/);
  });

  it('is what the README shows', () => {
    expect(readme).to.include('```text\n' + explainCustomer() + '\n```');
  });
});
