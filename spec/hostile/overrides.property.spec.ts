import 'reflect-metadata';
import { expect } from 'chai';
import fc from 'fast-check';
import { BaseFactory, Factory, FactoryException, Field, Persist } from 'fixtory';
import { MemoryAsync } from '../support/memory-persistence.js';

/**
 * Property-based: whatever keys, values and shapes a caller passes as overrides, a call either
 * gives back exactly the values asked for or fails with a FactoryException — never another error
 * type, never a hang, never a polluted Object.prototype or a swapped prototype.
 */

class Piece {
  @Field() title!: string;
}
class Probe {
  @Field() name!: string;
  @Field() count!: number;
  @Field() part!: Piece;
}

@Factory(Piece)
class PieceFactory extends BaseFactory<Piece> {}

@Factory(Probe)
@Persist(new MemoryAsync<Probe>())
class ProbeFactory extends BaseFactory<Probe> {}

interface Shape {
  label: string;
  amount: number;
}

@Factory()
@Persist(new MemoryAsync<Shape>())
class ShapeFactory extends BaseFactory<Shape> {
  @Field({ type: () => String }) label!: string;
  @Field({ type: () => Number }) amount!: number;
}

const keys = fc.oneof(
  fc.constantFrom('name', 'count', 'part', 'title', 'label', 'amount'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'then', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', ''),
  fc.string({ maxLength: 6 }),
);

function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = { title: 'loop' };
  value['self'] = value;
  return value;
}

/**
 * A hostile value made only when a run uses it, with a label for fast-check's report (printing a
 * throwing Proxy or getter would itself throw).
 */
class Lazy<V = unknown> {
  constructor(
    private readonly label: string,
    readonly make: () => V,
  ) {}
  [fc.toStringMethod](): string {
    return this.label;
  }
}

const specials = fc.constantFrom<Lazy>(
  new Lazy('a cyclic object', cyclic),
  new Lazy('a function', () => () => undefined), // a thenable's `then` when under that key
  new Lazy('a thenable that never settles', () => ({ then: () => undefined })),
  new Lazy('a symbol', () => Symbol('s')),
  new Lazy('a Proxy whose traps throw', () => new Proxy({}, { ownKeys: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } })),
  new Lazy('an object with a throwing getter', () => Object.defineProperty({}, 'title', { enumerable: true, get: () => { throw new Error('getter'); } })),
  new Lazy('a JSON __proto__ payload', () => JSON.parse('{ "__proto__": { "polluted": true } }')),
  new Lazy('a frozen object', () => Object.freeze({ title: 'frozen' })),
  new Lazy('a Map', () => new Map([['title', 'map']])),
);

const values: fc.Arbitrary<Lazy> = fc.oneof(
  fc
    .anything({
      key: keys,
      maxDepth: 2,
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withBoxedValues: true,
      withTypedArray: true,
      withSparseArray: true,
      withObjectString: true,
    })
    .map((value) => new Lazy(fc.stringify(value), () => value)),
  specials,
);

/** Overrides given as own data properties (as JSON.parse makes them), with the values asked for. */
const entries = fc.array(fc.tuple(keys, values), { maxLength: 5 });

type Shaped = { overrides: unknown; asked?: Map<string, unknown> };

function dataOverrides(list: [string, Lazy][], nullPrototype: boolean): { overrides: object; asked: Map<string, unknown> } {
  const overrides: object = nullPrototype ? Object.create(null) : {};
  const asked = new Map<string, unknown>();
  for (const [key, lazy] of list) {
    const value = lazy.make();
    Object.defineProperty(overrides, key, { value, enumerable: true, writable: true, configurable: true });
    asked.set(key, value);
  }
  return { overrides, asked };
}

const shapes: fc.Arbitrary<Lazy<Shaped>> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(entries, fc.boolean()).map(([list, bare]) => new Lazy(`${bare ? 'null-prototype ' : ''}${fc.stringify(list)}`, () => dataOverrides(list, bare))),
  },
  {
    weight: 1,
    arbitrary: entries.map((list) => new Lazy(`a Proxy of ${fc.stringify(list)}`, () => {
      const { overrides, asked } = dataOverrides(list, false);
      return { overrides: new Proxy(overrides, {}), asked };
    })),
  },
  { weight: 1, arbitrary: values.map((value) => new Lazy(`the value ${String(value[fc.toStringMethod]())}`, () => ({ overrides: value.make() }))) },
  {
    weight: 1,
    arbitrary: fc.constant(new Lazy('a getter that throws', () => ({ overrides: Object.defineProperty({}, 'name', { enumerable: true, get: () => { throw new TypeError('getter'); } }) }))),
  },
  { weight: 1, arbitrary: fc.constant(new Lazy('a symbol key', () => ({ overrides: { [Symbol('name')]: 'dropped?' } }))) },
  { weight: 1, arbitrary: fc.constant(new Lazy('a Proxy whose ownKeys throws', () => ({ overrides: new Proxy({}, { ownKeys: () => { throw new RangeError('trap'); } }) }))) },
);

type Call = (factory: typeof ProbeFactory | typeof ShapeFactory, overrides: unknown) => unknown;
const calls: Record<string, Call> = {
  build: (f, o) => [f.build(o as never)],
  batch: (f, o) => f.batch(2, o as never),
  'batch (list)': (f, o) => f.batch(2, [o, o] as never),
  'batch (function)': (f, o) => f.batch(2, () => o as never),
  coverage: (f, o) => f.coverage(o as never),
  createAsync: async (f, o) => [await f.createAsync(o as never)],
  createBatchAsync: (f, o) => f.createBatchAsync(2, o as never),
};

const objectPrototypeKeys = Reflect.ownKeys(Object.prototype);

function isPartial(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  try {
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  } catch {
    return false; // a Proxy whose getPrototypeOf throws: a value, not a partial
  }
}

function expectAskedFor(instance: Record<string, unknown>, asked: Map<string, unknown>, relations: Record<string, Function>): void {
  for (const [key, value] of asked) {
    const target = Object.hasOwn(relations, key) ? relations[key] : undefined;
    if (target && isPartial(value)) {
      expect(instance[key], key).to.be.instanceOf(target);
    } else {
      expect(Object.is(instance[key], value), `the override of '${key}'`).to.equal(true);
    }
  }
}

async function attempt(call: Call, factory: typeof ProbeFactory | typeof ShapeFactory, overrides: unknown): Promise<{ built?: unknown[]; error?: unknown }> {
  try {
    return { built: (await call(factory, overrides)) as unknown[] };
  } catch (error) {
    return { error };
  }
}

describe('hostile input: overrides, property-based (fast-check)', () => {
  afterEach(() => {
    expect(Reflect.ownKeys(Object.prototype)).to.deep.equal(objectPrototypeKeys);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  const factories = [
    ['a class model', ProbeFactory, Probe.prototype, { part: Piece }],
    ['a plain-object factory', ShapeFactory, Object.prototype, {}],
  ] as const;

  for (const [kind, factory, prototype, relations] of factories) {
    for (const [name, call] of Object.entries(calls)) {
      it(`${name} on ${kind}: the values asked for, or a FactoryException`, async () => {
        await fc.assert(
          fc.asyncProperty(shapes, async (shape) => {
            const { overrides, asked } = shape.make();
            const { built, error } = await attempt(call, factory as never, overrides);
            if (error !== undefined) {
              expect(error, String((error as Error)?.stack ?? error)).to.be.instanceOf(FactoryException);
              return;
            }
            if (asked === undefined) {
              // Only nothing, or an object (whose own keys were taken as asked), can be overrides; a batch (of 2)
              // also takes a function or a list of one per instance (a list of holes: no overrides for either).
              const perItem = /batch|Batch/.test(name) && (typeof overrides === 'function' || (Array.isArray(overrides) && overrides.length === 2));
              expect(overrides === undefined || perItem || (typeof overrides === 'object' && overrides !== null && !Array.isArray(overrides)), 'accepted as overrides').to.equal(true);
              return;
            }
            for (const instance of built!) {
              expect(Object.getPrototypeOf(instance)).to.equal(prototype);
              expectAskedFor(instance as Record<string, unknown>, asked!, relations as Record<string, Function>);
            }
          }),
          { numRuns: 150, plugins: [fc.timeout(2_000)] },
        );
      });
    }
  }

  for (const [kind, factory, prototype, relations] of factories) {
    it(`trait overrides on ${kind}: copies of the values asked for, or a FactoryException`, async () => {
      const statics = factory as unknown as { traits?: unknown };
      try {
        await fc.assert(
          fc.asyncProperty(shapes, async (shape) => {
            const { overrides, asked } = shape.make();
            statics.traits = { hostile: { overrides } };
            const { built, error } = await attempt((f) => f.batch(2, {}, { traits: ['hostile'] } as never), factory as never, undefined);
            if (error !== undefined) {
              expect(error, String((error as Error)?.stack ?? error)).to.be.instanceOf(FactoryException);
              return;
            }
            for (const instance of built!) {
              expect(Object.getPrototypeOf(instance)).to.equal(prototype);
              for (const [key, value] of asked ?? []) {
                const target = Object.hasOwn(relations, key) ? (relations as Record<string, Function>)[key] : undefined;
                const got = (instance as Record<string, unknown>)[key];
                if (target && isPartial(value)) expect(got, key).to.be.instanceOf(target);
                else if (Array.isArray(value) || isPartial(value)) expect(got, key).to.deep.equal(value); // each instance gets a copy
                else expect(Object.is(got, value), `the trait's override of '${key}'`).to.equal(true);
              }
            }
          }),
          { numRuns: 150, plugins: [fc.timeout(2_000)] },
        );
      } finally {
        delete statics.traits;
      }
    });
  }

  it('keeps PieceFactory usable throughout', () => {
    expect(PieceFactory.build().title).to.be.a('string');
  });
});
