import 'reflect-metadata';
import { expect } from 'chai';
import {
  AsyncPersistenceProtocol,
  BaseFactory,
  ConfigurationException,
  Factory,
  FactoryException,
  Field,
  HookException,
  ParameterException,
  Persist,
  PersistenceException,
  SyncPersistenceProtocol,
} from 'fixtory';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import { MemoryAsync, MemorySync } from '../support/memory-persistence.js';

interface Part {
  label: string;
  then?: unknown;
}

/** A fresh plain-object factory class per test, so handlers never leak between tests. */
function partFactory(name: string) {
  const cls = { [name]: class extends BaseFactory<Part> {} }[name]!;
  Field({ type: () => String })(cls.prototype as { label?: unknown }, 'label');
  return cls;
}

/** An async handler whose saveMany resolves to `result` after keeping the rows. */
function asyncReturning(result: (data: Part[]) => unknown) {
  return new (class extends MemoryAsync<Part> {
    override async saveMany(data: Part[]): Promise<Part[]> {
      await super.saveMany(data);
      return result(data) as Part[];
    }
  })();
}

function syncReturning(result: (data: Part[]) => unknown) {
  return new (class extends MemorySync<Part> {
    override saveMany(data: Part[]): Part[] {
      super.saveMany(data);
      return result(data) as Part[];
    }
  })();
}

describe('hostile input: failing handlers, hooks and results', () => {
  describe('saveMany returning the wrong thing', () => {
    const wrong: [string, (data: Part[]) => unknown][] = [
      ['undefined', () => undefined],
      ['an object', () => ({ saved: true })],
      ['a shorter array', (data) => data.slice(1)],
      ['a longer array', (data) => [...data, ...data]],
    ];
    for (const [what, result] of wrong) {
      it(`async: ${what} → PersistenceException that says the rows may already be saved`, async () => {
        const handler = asyncReturning(result);
        const PartFactory = partFactory('AsyncPartFactory');
        Persist(handler)(PartFactory);
        Factory<Part>()(PartFactory);
        const error = await expectRejects(PartFactory.createBatchAsync(3), PersistenceException, 'AsyncPartFactory.createBatchAsync', 'saveMany', '3', 'may already be saved');
        expect(handler.rows).to.have.length(3);
        expect(error).not.to.be.instanceOf(TypeError);
      });

      it(`sync: ${what} → PersistenceException`, () => {
        const PartFactory = partFactory('SyncPartFactory');
        Persist(syncReturning(result))(PartFactory);
        Factory<Part>()(PartFactory);
        expectThrows(() => PartFactory.createBatchSync(3), PersistenceException, 'SyncPartFactory.createBatchSync', 'saveMany', 'may already be saved');
      });
    }

    it('accepts an empty array for an empty batch', async () => {
      const PartFactory = partFactory('EmptyPartFactory');
      Persist(asyncReturning((data) => data))(PartFactory);
      Factory<Part>()(PartFactory);
      expect(await PartFactory.createBatchAsync(0)).to.deep.equal([]);
    });
  });

  it('a handler class whose constructor throws → ConfigurationException naming the factory, the original as cause', async () => {
    const boom = new Error('no database');
    class BrokenHandler extends AsyncPersistenceProtocol<Part> {
      constructor() {
        super();
        throw boom;
      }
      async save(data: Part): Promise<Part> {
        return data;
      }
      async saveMany(data: Part[]): Promise<Part[]> {
        return data;
      }
    }
    const PartFactory = partFactory('BrokenHandlerPartFactory');
    Persist(BrokenHandler)(PartFactory);
    Factory<Part>()(PartFactory);
    const error = await expectRejects(PartFactory.createAsync(), ConfigurationException, 'BrokenHandlerPartFactory', 'BrokenHandler', 'no database');
    expect(error.cause).to.equal(boom);
  });

  it('a provider that throws → ConfigurationException naming the factory, the original as cause', () => {
    const boom = new Error('pool closed');
    const PartFactory = partFactory('ProviderPartFactory');
    Persist((): SyncPersistenceProtocol<Part> => {
      throw boom;
    })(PartFactory);
    Factory<Part>()(PartFactory);
    const error = expectThrows(() => PartFactory.createSync(), ConfigurationException, 'ProviderPartFactory', 'provider', 'pool closed');
    expect(error.cause).to.equal(boom);
  });

  it('a provider that throws something that is not an Error is still a FactoryException', async () => {
    const PartFactory = partFactory('OddProviderPartFactory');
    const thrown = Object.create(null);
    Persist((): AsyncPersistenceProtocol<Part> => {
      throw thrown;
    }, { kind: 'async' })(PartFactory);
    Factory<Part>()(PartFactory);
    const error = await expectRejects(PartFactory.createAsync(), FactoryException, 'OddProviderPartFactory');
    expect(error.cause).to.equal(thrown);
  });

  for (const [what, reason] of [
    ['a null-prototype object', () => Object.assign(Object.create(null), { code: 'E_WEIRD' })],
    ['a string', () => 'plain string failure'],
    ['undefined', () => undefined],
    ['an object whose toString throws', () => ({ toString: () => { throw new Error('no'); } })],
  ] as const) {
    it(`a handler that rejects with ${what} → PersistenceException with it as cause`, async () => {
      const cause = reason();
      const PartFactory = partFactory('RejectingPartFactory');
      Persist(
        new (class extends MemoryAsync<Part> {
          override save(): Promise<Part> {
            return Promise.reject(cause);
          }
        })(),
      )(PartFactory);
      Factory<Part>()(PartFactory);
      const error = await expectRejects(PartFactory.createAsync(), PersistenceException, 'RejectingPartFactory.createAsync');
      expect(error.cause).to.equal(cause);
    });
  }

  it('an afterCreate hook that throws after the save → HookException that says the rows were saved', async () => {
    const boom = new Error('audit log unavailable');
    const handler = new MemoryAsync<Part>();
    const PartFactory = partFactory('AuditedPartFactory');
    Object.assign(PartFactory, {
      afterCreate(part: Part) {
        if (part.label === 'second') throw boom;
      },
    });
    Persist(handler)(PartFactory);
    Factory<Part>()(PartFactory);
    const error = await expectRejects(
      PartFactory.createBatchAsync(2, [{ label: 'first' }, { label: 'second' }]),
      HookException,
      'AuditedPartFactory',
      'afterCreate',
      'were saved',
      'audit log unavailable',
    );
    expect(error.cause).to.equal(boom);
    expect(handler.rows).to.have.length(2);
  });

  it('an afterCreate hook that throws in a sync call → HookException too', () => {
    const PartFactory = partFactory('SyncAuditedPartFactory');
    Object.assign(PartFactory, {
      afterCreate() {
        throw 'not even an Error';
      },
    });
    Persist(new MemorySync<Part>())(PartFactory);
    Factory<Part>()(PartFactory);
    const error = expectThrows(() => PartFactory.createSync(), HookException, 'SyncAuditedPartFactory', 'afterCreate', 'were saved');
    expect(error.cause).to.equal('not even an Error');
  });

  it('a beforeCreate hook that throws → HookException that says nothing was saved', async () => {
    const handler = new MemoryAsync<Part>();
    const PartFactory = partFactory('CheckedPartFactory');
    Object.assign(PartFactory, {
      beforeCreate() {
        throw new Error('refused');
      },
    });
    Persist(handler)(PartFactory);
    Factory<Part>()(PartFactory);
    await expectRejects(PartFactory.createAsync(), HookException, 'CheckedPartFactory', 'beforeCreate', 'nothing was saved', 'refused');
    expect(handler.rows).to.have.length(0);
  });

  it('an afterBuild hook that throws in build() → HookException, which speaks of no save', () => {
    const PartFactory = partFactory('BuiltPartFactory');
    Object.assign(PartFactory, {
      afterBuild() {
        throw new RangeError('bad part');
      },
    });
    Factory<Part>()(PartFactory);
    const error = expectThrows(() => PartFactory.batch(2), HookException, "BuiltPartFactory's afterBuild hook threw for instance 0: bad part");
    expect(error.cause).to.be.instanceOf(RangeError);
  });
});

describe('hostile input: async create calls never throw synchronously', () => {
  it('an unregistered factory class: createAsync and createBatchAsync reject', async () => {
    class Unregistered extends BaseFactory<Part> {}
    let promise: Promise<unknown> | undefined;
    expect(() => (promise = Unregistered.createAsync())).not.to.throw();
    await expectRejects(promise!, ConfigurationException, 'Unregistered');
    expect(() => (promise = Unregistered.createBatchAsync(2))).not.to.throw();
    await expectRejects(promise!, ConfigurationException, 'Unregistered');
  });

  it('bad arguments reject', async () => {
    const PartFactory = partFactory('ArgumentsPartFactory');
    Persist(new MemoryAsync<Part>())(PartFactory);
    Factory<Part>()(PartFactory);
    let promise: Promise<unknown> | undefined;
    expect(() => (promise = PartFactory.createBatchAsync(-1))).not.to.throw();
    await expectRejects(promise!, ParameterException, 'size');
    expect(() => (promise = PartFactory.createAsync(42 as never))).not.to.throw();
    await expectRejects(promise!, ParameterException, 'overrides');
  });

  it('a thenable instance is refused before the save instead of hanging', async () => {
    const handler = new MemoryAsync<Part>();
    const PartFactory = partFactory('ThenablePartFactory');
    Field({ type: () => Function })(PartFactory.prototype as { then?: unknown }, 'then');
    Persist(handler)(PartFactory);
    Factory<Part>()(PartFactory);
    const then = () => undefined; // never settles: resolving a promise with it would hang
    await expectRejects(PartFactory.createAsync({ then }), ParameterException, 'ThenablePartFactory.createAsync', 'then');
    await expectRejects(PartFactory.createBatchAsync(2, { then }), ParameterException, 'ThenablePartFactory.createBatchAsync', 'then');
    expect(handler.rows).to.have.length(0);
    expect(PartFactory.build({ then }).then).to.equal(then); // building one is fine: no promise involved
  });
});
