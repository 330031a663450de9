import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, ParameterException, Persist, Use, type Traits } from 'fixtory';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import { MemoryAsync } from '../support/memory-persistence.js';

class Maker {
  @Field() name!: string;
}
class Gadget {
  @Field() name!: string;
  @Field() price!: number;
  @Field() maker!: Maker;
  describe(): string {
    return `${this.name} (${this.price})`;
  }
}

@Factory(Maker)
class MakerFactory extends BaseFactory<Maker> {}

/** Trait overrides as a user might load them from a JSON file. */
const fromJson = JSON.parse('{ "__proto__": { "polluted": "yes", "describe": "attacker" }, "name": "from json" }');

const savedGadgets = new MemoryAsync<Gadget>();

@Factory(Gadget)
@Persist(savedGadgets)
class GadgetFactory extends BaseFactory<Gadget> {
  static traits = { imported: { overrides: fromJson } } satisfies Traits<Gadget>;
}

interface Widget {
  label: string;
  size: number;
}

@Factory()
class WidgetFactory extends BaseFactory<Widget> {
  @Field({ type: () => String }) label!: string;
  @Use(() => 1) size!: number;
}

const reserved = ['__proto__', 'constructor', 'prototype'];
/** An overrides object with `key` as an own data property, as JSON.parse makes it. */
const own = (key: string) => Object.defineProperty({}, key, { value: { polluted: 'yes' }, enumerable: true, writable: true, configurable: true });

function expectNothingPolluted(): void {
  expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  expect(Object.getPrototypeOf(MakerFactory.build())).to.equal(Maker.prototype);
}

describe('hostile input: prototype keys are refused', () => {
  afterEach(expectNothingPolluted);

  it('has own __proto__ keys in its fixtures (the JSON.parse shape)', () => {
    for (const key of reserved) expect(Object.keys(own(key))).to.deep.equal([key]);
    expect(Object.keys(JSON.parse('{ "__proto__": {} }'))).to.deep.equal(['__proto__']);
    expect(Object.keys(fromJson)).to.include('__proto__');
  });

  for (const key of reserved) {
    describe(`the key '${key}'`, () => {
      it('in the overrides of a class model', () => {
        expectThrows(() => GadgetFactory.build(own(key)), ParameterException, 'GadgetFactory.build', `'${key}'`);
      });

      it('in the overrides of a plain-object factory', () => {
        expectThrows(() => WidgetFactory.build(own(key)), ParameterException, 'WidgetFactory.build', `'${key}'`);
      });

      it('in nested overrides', () => {
        expectThrows(() => GadgetFactory.build({ maker: own(key) }), ParameterException, 'GadgetFactory', `'${key}'`, 'maker');
      });

      it('in per-item overrides, as a list and as a function', () => {
        expectThrows(() => GadgetFactory.batch(2, [{}, own(key)]), ParameterException, 'GadgetFactory.batch', `'${key}'`);
        expectThrows(() => WidgetFactory.batch(2, (i) => (i === 1 ? own(key) : {})), ParameterException, 'WidgetFactory.batch', `'${key}'`);
      });

      it('in the overrides of an async create call: a rejection, nothing saved', async () => {
        await expectRejects(GadgetFactory.createAsync(own(key)), ParameterException, `'${key}'`);
        await expectRejects(GadgetFactory.createBatchAsync(2, (i) => (i === 1 ? own(key) : {})), ParameterException, `'${key}'`);
        expect(savedGadgets.rows).to.have.length(0);
      });
    });
  }

  it('refuses symbol keys, which no field has (they would be dropped silently)', () => {
    const key = Symbol('name');
    expectThrows(() => GadgetFactory.build({ [key]: 'lost' } as never), ParameterException, 'GadgetFactory.build', 'Symbol(name)');
    expectThrows(() => GadgetFactory.build({ maker: { [key]: 'lost' } } as never), ParameterException, 'Symbol(name)', "'maker'");
  });

  it('reads build options and transient parameters once, as data: what cannot be read is a ParameterException', () => {
    const throwing = (key: string) => Object.defineProperty({}, key, { enumerable: true, get: () => { throw new TypeError('no'); } });
    expectThrows(() => GadgetFactory.build({}, throwing('traits') as never), ParameterException, 'GadgetFactory.build', 'the build options could not be read', 'no');
    expectThrows(() => GadgetFactory.build({}, { transient: throwing('x') } as never), ParameterException, 'the transient parameters could not be read');
    expectThrows(() => GadgetFactory.build({}, JSON.parse('{ "__proto__": { "traits": ["imported"] } }')), ParameterException, "'__proto__'");
    expectThrows(() => GadgetFactory.build({}, new Map() as never), ParameterException, 'GadgetFactory.build: expected the build options as a plain object');
  });

  it('in trait overrides loaded from JSON', () => {
    expectThrows(() => GadgetFactory.build({}, { traits: ['imported'] }), ParameterException, 'GadgetFactory', "trait 'imported'", "'__proto__'");
  });

  it('keeps the prototype of every built instance, even given a JSON __proto__ payload', () => {
    expectThrows(() => GadgetFactory.build(JSON.parse('{ "__proto__": { "describe": "attacker" } }')), ParameterException, "'__proto__'");
    const gadget = GadgetFactory.build();
    expect(gadget).to.be.instanceOf(Gadget);
    expect(gadget.describe()).to.match(/ \(\d+(\.\d+)?\)$/); // a price: two decimals
  });
});

describe('hostile input: self-referencing overrides', () => {
  it('copies self-referencing trait overrides without a stack overflow, keeping the shape', () => {
    const settings: Record<string, unknown> = { theme: 'dark' };
    settings['self'] = settings;
    class Profile {
      @Field() name!: string;
      @Use(() => ({})) @Field() settings!: Record<string, unknown>;
    }
    @Factory(Profile)
    class ProfileFactory extends BaseFactory<Profile> {
      static traits = { looped: { overrides: { settings } } } satisfies Traits<Profile>;
    }
    const [a, b] = ProfileFactory.batch(2, {}, { traits: ['looped'] });
    expect(a!.settings).not.to.equal(settings); // a copy per instance
    expect(a!.settings['self']).to.equal(a!.settings);
    expect(a!.settings['theme']).to.equal('dark');
    expect(b!.settings).not.to.equal(a!.settings);
  });

  it('refuses a nested partial that contains itself with a FactoryException, not a stack overflow', () => {
    class Person {
      @Field() name!: string;
      @Field() friend?: Person;
    }
    @Factory(Person)
    class PersonFactory extends BaseFactory<Person> {}
    const partial: Record<string, unknown> = { name: 'Narcissus' };
    partial['friend'] = partial;
    expectThrows(() => PersonFactory.build(partial as never), Error);
    try {
      PersonFactory.build(partial as never);
    } catch (error) {
      expect(error).not.to.be.instanceOf(RangeError);
      expect((error as Error).name).to.be.oneOf(['ConfigurationException', 'ParameterException']);
    }
  });
});
