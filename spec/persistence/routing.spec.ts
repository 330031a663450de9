import 'reflect-metadata';
import { expect } from 'chai';
import {
  AsyncPersistenceProtocol,
  BaseFactory,
  ConfigurationException,
  Factory,
  Field,
  ParameterException,
  Persist,
  registry,
  SyncPersistenceProtocol,
} from 'fixtory';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import { MemoryAsync, MemorySync } from '../support/memory-persistence.js';

interface Item {
  label: string;
}

/** A fresh plain-object factory class per test, so handler configuration never leaks between tests. */
function itemFactory(name = 'ItemFactory') {
  const cls = { [name]: class extends BaseFactory<Item> {} }[name]!;
  Field({ type: () => String })(cls.prototype as { label?: unknown }, 'label');
  Factory<Item>()(cls);
  return cls;
}

describe('persistence routing', () => {
  afterEach(() => registry.clearDefaultPersistence());

  describe('create calls', () => {
    it('createSync is save(build()) and returns what save returned', () => {
      const handler = new (class extends MemorySync<Item> {
        override save(data: Item): Item {
          super.save(data);
          return { label: `saved ${data.label}` };
        }
      })();
      const ItemFactory = itemFactory();
      Persist(handler)(ItemFactory);
      expect(ItemFactory.createSync({ label: 'a' })).to.deep.equal({ label: 'saved a' });
      expect(handler.calls).to.deep.equal(['save']);
      expect(handler.rows).to.deep.equal([{ label: 'a' }]);
    });

    it('createBatchSync calls saveMany exactly once with the whole batch', () => {
      const handler = new MemorySync<Item>();
      const ItemFactory = itemFactory();
      Persist(handler)(ItemFactory);
      const saved = ItemFactory.createBatchSync(4);
      expect(handler.calls).to.deep.equal(['saveMany(4)']);
      expect(saved).to.have.length(4).and.deep.equal(handler.rows);
    });

    it('createAsync and createBatchAsync go to the async handler, saveMany once', async () => {
      const handler = new MemoryAsync<Item>();
      const ItemFactory = itemFactory();
      Persist(handler)(ItemFactory);
      const one = await ItemFactory.createAsync({ label: 'x' });
      const many = await ItemFactory.createBatchAsync(3);
      expect(one).to.deep.equal({ label: 'x' });
      expect(many).to.have.length(3);
      expect(handler.calls).to.deep.equal(['save', 'saveMany(3)']);
    });

    it('validates size and overrides of create calls before persisting anything', async () => {
      const sync = new MemorySync<Item>();
      const async = new MemoryAsync<Item>();
      const ItemFactory = itemFactory();
      Persist(sync)(ItemFactory);
      Persist(async)(ItemFactory);
      expectThrows(() => ItemFactory.createBatchSync(-2), ParameterException, 'ItemFactory.createBatchSync', 'size');
      expectThrows(() => ItemFactory.createSync(null as never), ParameterException, 'ItemFactory.createSync', 'overrides');
      await expectRejects(ItemFactory.createBatchAsync(0.5), ParameterException, 'ItemFactory.createBatchAsync');
      await expectRejects(ItemFactory.createAsync({ lable: 'typo' } as never), ParameterException, "no field 'lable'");
      expect(sync.calls).to.deep.equal([]);
      expect(async.calls).to.deep.equal([]);
    });
  });

  describe('what @Persist accepts', () => {
    it('a handler class: a new instance per create call', () => {
      const instances: unknown[] = [];
      class Tracked extends MemorySync<Item> {
        constructor() {
          super();
          instances.push(this);
        }
      }
      const ItemFactory = itemFactory();
      Persist(Tracked)(ItemFactory);
      expect(instances).to.have.length(0);
      ItemFactory.createSync();
      ItemFactory.createBatchSync(2);
      expect(instances).to.have.length(2);
      expect(instances[0]).not.to.equal(instances[1]);
      expect((instances[1] as Tracked).calls).to.deep.equal(['saveMany(2)']);
    });

    it('a lazy provider: not called at decoration, called per create call, its kind checked then', async () => {
      let calls = 0;
      const handler = new MemoryAsync<Item>();
      const ItemFactory = itemFactory();
      Persist(() => {
        calls += 1;
        return handler;
      })(ItemFactory);
      expect(calls).to.equal(0);
      await ItemFactory.createAsync();
      await ItemFactory.createAsync();
      expect(calls).to.equal(2);
      expect(handler.calls).to.deep.equal(['save', 'save']);
      expectThrows(() => ItemFactory.createSync(), ConfigurationException, 'ItemFactory has an async handler only: use createAsync');
    });

    it('a lazy provider that fails stays configured and is tried again on the next call', () => {
      let ready = false;
      const handler = new MemorySync<Item>();
      const ItemFactory = itemFactory();
      Persist(() => {
        if (!ready) throw new Error('database not initialised');
        return handler;
      })(ItemFactory);
      expect(() => ItemFactory.createSync()).to.throw('database not initialised');
      ready = true;
      ItemFactory.createSync();
      expect(handler.calls).to.deep.equal(['save']);
    });

    it('a lazy provider whose handler changes kind between calls is a ConfigurationException', () => {
      let call = 0;
      const ItemFactory = itemFactory();
      Persist((() => (call++ === 0 ? new MemorySync<Item>() : new MemoryAsync<Item>())) as () => MemorySync<Item>)(ItemFactory);
      ItemFactory.createSync();
      expectThrows(() => ItemFactory.createSync(), ConfigurationException, 'provider of ItemFactory returned a SyncPersistenceProtocol before and an AsyncPersistenceProtocol now');
    });

    it('a lazy provider that returns something that is not a handler is a ParameterException', () => {
      const ItemFactory = itemFactory();
      Persist((() => 'nope') as never)(ItemFactory);
      expectThrows(() => ItemFactory.createSync(), ParameterException, '@Persist on ItemFactory', 'the value its provider returned', 'the string "nope"');
    });

    it('one sync and one async handler on the same factory, each used by its own calls', async () => {
      const sync = new MemorySync<Item>();
      const async = new MemoryAsync<Item>();
      const ItemFactory = itemFactory();
      Persist(sync)(ItemFactory);
      Persist(async)(ItemFactory);
      ItemFactory.createSync();
      await ItemFactory.createAsync();
      expect(sync.calls).to.deep.equal(['save']);
      expect(async.calls).to.deep.equal(['save']);
    });

    it('two handlers of one kind is a ConfigurationException, also when a provider turns out to be the second', () => {
      const ItemFactory = itemFactory();
      Persist(new MemorySync<Item>())(ItemFactory);
      expectThrows(() => Persist(MemorySync)(ItemFactory), ConfigurationException, 'ItemFactory has two sync persistence handlers');
      const Other = itemFactory('OtherFactory');
      Persist(new MemorySync<Item>())(Other);
      Persist(() => new MemorySync<Item>())(Other);
      expectThrows(() => Other.createSync(), ConfigurationException, 'OtherFactory has two sync persistence handlers');
      expectThrows(() => Other.createSync(), ConfigurationException, 'OtherFactory has two sync persistence handlers');
    });

    it('a failing provider of another kind does not stop a create call whose handler is known', async () => {
      const async = new MemoryAsync<Item>();
      const ItemFactory = itemFactory();
      Persist((): MemorySync<Item> => {
        throw new Error('sync store not open yet');
      })(ItemFactory);
      Persist(async)(ItemFactory);
      await ItemFactory.createAsync();
      expect(async.calls).to.deep.equal(['save']);
      expect(() => ItemFactory.createSync()).to.throw('sync store not open yet');
    });

    it('clearPersistence(kind) also removes a provider whose kind is not known yet', () => {
      const global = new MemorySync<Item>();
      const own = new MemorySync<Item>();
      registry.setDefaultPersistence(global);
      const ItemFactory = itemFactory();
      Persist(() => own)(ItemFactory);
      ItemFactory.clearPersistence('sync');
      ItemFactory.createSync();
      expect(global.calls).to.deep.equal(['save']);
      expect(own.calls).to.deep.equal([]);
    });

    it('a handler that only implements the protocol needs its kind stated', () => {
      const implementsOnly = {
        saved: [] as Item[],
        save(data: Item) {
          this.saved.push(data);
          return data;
        },
        saveMany(data: Item[]) {
          return data.map((d) => this.save(d));
        },
      };
      const Unstated = itemFactory('UnstatedFactory');
      expectThrows(
        () => Persist(implementsOnly)(Unstated),
        ConfigurationException,
        'UnstatedFactory',
        'extends neither SyncPersistenceProtocol nor AsyncPersistenceProtocol',
        "@Persist(handler, { kind: 'sync' })",
      );
      const Stated = itemFactory('StatedFactory');
      Persist(implementsOnly, { kind: 'sync' })(Stated);
      Stated.createBatchSync(2);
      expect(implementsOnly.saved).to.have.length(2);
    });

    it('a class that implements SyncPersistenceProtocol type-checks and routes with { kind }', () => {
      class Implementing implements SyncPersistenceProtocol<Item> {
        save(data: Item): Item {
          return { label: `implemented ${data.label}` };
        }
        saveMany(data: Item[]): Item[] {
          return data.map((d) => this.save(d));
        }
      }
      const ItemFactory = itemFactory();
      Persist(Implementing, { kind: 'sync' })(ItemFactory);
      expect(ItemFactory.createSync({ label: 'x' }).label).to.equal('implemented x');
    });

    it('a stated kind that contradicts the protocol class is a ConfigurationException', () => {
      const ItemFactory = itemFactory();
      expectThrows(
        () => Persist(new MemorySync<Item>(), { kind: 'async' })(ItemFactory),
        ConfigurationException,
        "declared { kind: 'async' }",
        'extends SyncPersistenceProtocol',
      );
    });

    it('a handler class whose constructor needs arguments is a ConfigurationException suggesting an instance or provider', () => {
      class NeedsPath extends MemorySync<Item> {
        constructor(readonly path: string) {
          super();
        }
      }
      const ItemFactory = itemFactory();
      expectThrows(
        () => Persist(NeedsPath as never)(ItemFactory),
        ConfigurationException,
        '@Persist(NeedsPath) on ItemFactory',
        'new NeedsPath(...)',
        '() => new NeedsPath(...)',
      );
    });

    for (const bad of [42, 'handler', null, { save() {} }, (a: number) => a]) {
      it(`rejects ${typeof bad === 'function' ? 'a function with parameters' : JSON.stringify(bad)} with ParameterException`, () => {
        const ItemFactory = itemFactory();
        expectThrows(() => Persist(bad as never)(ItemFactory), ParameterException, '@Persist on ItemFactory', 'expected a persistence handler');
      });
    }

    it('rejects an unknown kind option', () => {
      const ItemFactory = itemFactory();
      expectThrows(() => Persist(new MemorySync<Item>(), { kind: 'both' as never })(ItemFactory), ParameterException, "option 'kind'", "'sync' or 'async'");
    });

    it('a sync handler that returns a Promise is a ConfigurationException pointing at AsyncPersistenceProtocol', () => {
      const sneaky = { save: async (d: Item) => d, saveMany: async (d: Item[]) => d };
      const ItemFactory = itemFactory();
      Persist(sneaky as never, { kind: 'sync' })(ItemFactory);
      expectThrows(() => ItemFactory.createSync(), ConfigurationException, 'returned a Promise from save()', 'AsyncPersistenceProtocol');
      expectThrows(() => ItemFactory.createBatchSync(1), ConfigurationException, 'returned a Promise from saveMany()');
    });
  });

  describe('missing handlers', () => {
    it('no handler at all: ConfigurationException saying how to add one', async () => {
      const ItemFactory = itemFactory();
      expectThrows(
        () => ItemFactory.createSync(),
        ConfigurationException,
        'ItemFactory has no sync persistence handler',
        '@Persist(handler)',
        'ItemFactory.setPersistence(handler)',
        'registry.setDefaultPersistence(handler)',
      );
      await expectRejects(ItemFactory.createBatchAsync(2), ConfigurationException, 'ItemFactory has no async persistence handler');
    });

    it('only the other kind: the message says which call to use', async () => {
      const SyncOnly = itemFactory('SyncOnlyFactory');
      Persist(new MemorySync<Item>())(SyncOnly);
      await expectRejects(SyncOnly.createAsync(), ConfigurationException, 'SyncOnlyFactory has a sync handler only: use createSync');
    });
  });

  describe('runtime configuration and precedence', () => {
    it('setPersistence replaces the handler of its kind; clearPersistence removes it', () => {
      const first = new MemorySync<Item>();
      const second = new MemorySync<Item>();
      const ItemFactory = itemFactory();
      Persist(first)(ItemFactory);
      ItemFactory.createSync();
      ItemFactory.setPersistence(second);
      ItemFactory.createSync();
      expect(first.calls).to.deep.equal(['save']);
      expect(second.calls).to.deep.equal(['save']);
      ItemFactory.clearPersistence('sync');
      expectThrows(() => ItemFactory.createSync(), ConfigurationException, 'no sync persistence handler');
    });

    it('validates what setPersistence is given', () => {
      const ItemFactory = itemFactory();
      expectThrows(() => ItemFactory.setPersistence(7 as never), ParameterException, 'ItemFactory.setPersistence', 'expected a persistence handler');
    });

    it("uses the factory's own handler, then its parent factory's, then the global default", () => {
      const global = new MemorySync<Item>();
      const parentHandler = new MemorySync<Item>();
      const childHandler = new MemorySync<Item>();
      registry.setDefaultPersistence(global);
      const Parent = itemFactory('ParentFactory');
      class Child extends Parent {}
      Child.createSync();
      expect(global.calls).to.deep.equal(['save']);
      Parent.setPersistence(parentHandler);
      Child.createSync();
      expect(parentHandler.calls).to.deep.equal(['save']);
      Child.setPersistence(childHandler);
      Child.createSync();
      Parent.createSync();
      expect(childHandler.calls).to.deep.equal(['save']);
      expect(parentHandler.calls).to.deep.equal(['save', 'save']);
      Child.clearPersistence();
      Parent.clearPersistence();
      Child.createSync();
      expect(global.calls).to.deep.equal(['save', 'save']);
    });

    it('resolves precedence per kind: an own async handler does not hide an inherited sync one', async () => {
      const parentSync = new MemorySync<Item>();
      const childAsync = new MemoryAsync<Item>();
      const Parent = itemFactory('ParentFactory');
      Persist(parentSync)(Parent);
      class Child extends Parent {}
      Persist(childAsync)(Child);
      Child.createSync();
      await Child.createAsync();
      expect(parentSync.calls).to.deep.equal(['save']);
      expect(childAsync.calls).to.deep.equal(['save']);
    });

    it('a global default serves factories without handlers and can be cleared per kind', async () => {
      const globalAsync = new MemoryAsync<Item>();
      registry.setDefaultPersistence(() => globalAsync);
      const ItemFactory = itemFactory();
      await ItemFactory.createBatchAsync(2);
      expect(globalAsync.calls).to.deep.equal(['saveMany(2)']);
      registry.clearDefaultPersistence('async');
      await expectRejects(ItemFactory.createAsync(), ConfigurationException, 'no async persistence handler');
    });

    it('a runtime handler wins over a lazy decorated provider of the same kind, whenever the provider resolves', () => {
      const decorated = new MemorySync<Item>();
      const runtime = new MemorySync<Item>();
      const ItemFactory = itemFactory();
      Persist(() => decorated)(ItemFactory);
      ItemFactory.setPersistence(runtime);
      ItemFactory.createSync();
      expect(runtime.calls).to.deep.equal(['save']);
      expect(decorated.calls).to.deep.equal([]);
    });
  });

  it('AsyncPersistenceProtocol subclasses type-check as handlers', async () => {
    class Delayed extends AsyncPersistenceProtocol<Item> {
      async save(data: Item): Promise<Item> {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return data;
      }
      async saveMany(data: Item[]): Promise<Item[]> {
        return Promise.all(data.map((d) => this.save(d)));
      }
    }
    const ItemFactory = itemFactory();
    Persist(Delayed)(ItemFactory);
    expect(await ItemFactory.createBatchAsync(2)).to.have.length(2);
  });
});
