import { expect } from 'chai';
import { ConfigurationException, FactoryException, ParameterException } from 'fixtory';
import { builtCreateCall, createCallBuilt, createCallFailed, createCallStarted, failCreateCall, startCreateCall } from '../../lib/persistence/create-call.js';
import { HandlerSlots, checkedKind } from '../../lib/persistence/handler-slots.js';
import { HandlerSource, protocolKindOf } from '../../lib/persistence/handler-source.js';
import { attachSaveFailure, saveFailureOf, type SaveFailure } from '../../lib/persistence/save-failure.js';
import { expectThrows } from '../support/expect-error.js';
import { MemoryAsync, MemorySync } from '../support/memory-persistence.js';

const source = (input: unknown, options?: { kind?: 'sync' | 'async' }) => HandlerSource.from('OwnerFactory', 'setPersistence', input, options);

/** The handler a slot set gives for a kind, or undefined. */
const handlerIn = (slots: HandlerSlots, kind: 'sync' | 'async') => slots.resolve(kind)?.handler;

describe('handler slots', () => {
  describe('swap (a default lent for a while, as TestTransaction does)', () => {
    it('puts back the handler that was there before', () => {
      const slots = new HandlerSlots('the global default handler');
      const before = new MemoryAsync();
      const lent = new MemoryAsync();
      slots.add(source(before), 'runtime');
      const restore = slots.swap('async', source(lent), 'runtime');
      expect(handlerIn(slots, 'async')).to.equal(lent);
      restore();
      expect(handlerIn(slots, 'async')).to.equal(before);
    });

    it('leaves the slot empty again when it was empty, and leaves the other kind alone', () => {
      const slots = new HandlerSlots('the global default handler');
      const sync = new MemorySync();
      slots.add(source(sync), 'runtime');
      const restore = slots.swap('async', source(new MemoryAsync()), 'runtime');
      restore();
      expect(slots.has('async')).to.equal(false);
      expect(handlerIn(slots, 'sync')).to.equal(sync);
    });

    it('keeps a handler set while the loan ran: putting back never undoes a later choice', () => {
      const slots = new HandlerSlots('the global default handler');
      const restore = slots.swap('async', source(new MemoryAsync()), 'runtime');
      const chosenMeanwhile = new MemoryAsync();
      slots.add(source(chosenMeanwhile), 'runtime');
      restore();
      expect(handlerIn(slots, 'async')).to.equal(chosenMeanwhile);
      slots.clear('async');
      const again = slots.swap('async', source(new MemoryAsync()), 'runtime');
      slots.clear('async');
      again();
      expect(slots.has('async')).to.equal(false);
    });
  });

  describe('add and clear', () => {
    it('lets a later handler of a kind replace an earlier one, but refuses two decorators of one kind', () => {
      const slots = new HandlerSlots('OwnerFactory');
      const first = new MemorySync();
      const second = new MemorySync();
      slots.add(source(first), 'decorator');
      slots.add(source(second), 'runtime');
      expect(handlerIn(slots, 'sync')).to.equal(second);
      const decorated = new HandlerSlots('OwnerFactory');
      decorated.add(source(first), 'decorator');
      expectThrows(() => decorated.add(source(second), 'decorator'), ConfigurationException, 'OwnerFactory has two sync persistence handlers', 'setPersistence');
      const runtimeFirst = new HandlerSlots('OwnerFactory');
      runtimeFirst.add(source(first), 'runtime');
      runtimeFirst.add(source(second), 'decorator');
      expect(handlerIn(runtimeFirst, 'sync')).to.equal(second);
    });

    it('clears one kind, or both kinds and the providers not resolved yet', () => {
      const slots = new HandlerSlots('OwnerFactory');
      slots.add(source(new MemorySync()), 'runtime');
      slots.add(source(new MemoryAsync()), 'runtime');
      slots.clear('sync');
      expect([slots.has('sync'), slots.has('async')]).to.deep.equal([false, true]);
      const lazy = new HandlerSlots('OwnerFactory');
      lazy.add(source(() => new MemoryAsync()), 'runtime');
      lazy.add(source(new MemorySync()), 'runtime');
      lazy.clear();
      expect([lazy.has('sync'), lazy.has('async')]).to.deep.equal([false, false]);
    });

    it('never lets a provider configured before a clear of its kind take the slot', () => {
      const slots = new HandlerSlots('OwnerFactory');
      slots.add(source(() => new MemoryAsync()), 'runtime');
      slots.clear('async');
      expect(slots.has('async')).to.equal(false);
      const later = new MemoryAsync();
      slots.add(source(() => later), 'runtime');
      expect(handlerIn(slots, 'async')).to.equal(later);
    });
  });

  describe('lazy providers', () => {
    it('are resolved once to learn their kind, and produce a handler per create call', () => {
      const slots = new HandlerSlots('OwnerFactory');
      let made = 0;
      slots.add(source(() => (made++, new MemoryAsync())), 'runtime');
      expect(slots.has('sync')).to.equal(false);
      expect(made).to.equal(1);
      expect(slots.has('async')).to.equal(true);
      expect(made).to.equal(1);
      const first = handlerIn(slots, 'async');
      const second = handlerIn(slots, 'async');
      expect(first).to.be.instanceOf(MemoryAsync);
      expect(second).to.be.instanceOf(MemoryAsync);
      expect(second).not.to.equal(first);
    });

    it('matter only when no handler of the kind is found without them', () => {
      const slots = new HandlerSlots('OwnerFactory');
      const sync = new MemorySync();
      slots.add(source(sync), 'runtime');
      slots.add(
        source(() => {
          throw new Error('no database yet');
        }),
        'runtime',
      );
      expect(handlerIn(slots, 'sync')).to.equal(sync);
      expectThrows(() => slots.resolve('async', 'CallerFactory'), ConfigurationException, 'CallerFactory could not get its persistence handler', 'configured on OwnerFactory', 'no database yet');
    });

    it('a provider that now returns the other kind is refused', () => {
      let kind: 'sync' | 'async' = 'sync';
      const provider = source(() => (kind === 'sync' ? new MemorySync() : new MemoryAsync()));
      expect(provider.knownKind).to.equal(undefined);
      expect(provider.resolve().kind).to.equal('sync');
      expect(provider.knownKind).to.equal('sync');
      kind = 'async';
      expectThrows(() => provider.resolve(), ConfigurationException, 'returned a SyncPersistenceProtocol before and an AsyncPersistenceProtocol now');
    });
  });

  it('checks the kind argument: sync, async or nothing', () => {
    expect(checkedKind('clearPersistence', 'sync')).to.equal('sync');
    expect(checkedKind('clearPersistence', 'async')).to.equal('async');
    expect(checkedKind('clearPersistence', undefined)).to.equal(undefined);
    expectThrows(() => checkedKind('clearPersistence', 'both'), ParameterException, 'clearPersistence', "'sync', 'async' or nothing");
  });
});

describe('handler sources', () => {
  it('tell the kind of instances and classes from the protocol they extend, or from the kind option', () => {
    expect(protocolKindOf(new MemorySync())).to.equal('sync');
    expect(protocolKindOf(new MemoryAsync())).to.equal('async');
    expect(protocolKindOf({ save() {}, saveMany() {} })).to.equal(undefined);
    expect(source(MemorySync).knownKind).to.equal('sync');
    expect(source(MemoryAsync).knownKind).to.equal('async');
    const plain = { save: (x: unknown) => x, saveMany: (x: unknown[]) => x };
    expect(source(plain, { kind: 'async' }).knownKind).to.equal('async');
    expect(source(plain, { kind: 'async' }).resolve().handler).to.equal(plain);
    expectThrows(() => source(plain), ConfigurationException, 'The persistence handler of OwnerFactory', 'extends neither');
    expectThrows(() => source(new MemorySync(), { kind: 'async' }), ConfigurationException, "declared { kind: 'async' } but extends SyncPersistenceProtocol");
    expectThrows(() => source(new MemorySync(), { kind: 'both' as never }), ParameterException, 'setPersistence', 'kind', "'sync' or 'async'");
  });

  it('make a new instance of a handler class per create call; a plain class that implements the methods needs its kind', () => {
    const fromClass = source(MemoryAsync);
    const a = fromClass.resolve().handler;
    expect(a).to.be.instanceOf(MemoryAsync);
    expect(fromClass.resolve().handler).not.to.equal(a);
    class Plain {
      save(x: unknown) {
        return x;
      }
      saveMany(x: unknown[]) {
        return x;
      }
    }
    expect(source(Plain, { kind: 'sync' }).resolve().handler).to.be.instanceOf(Plain);
    expectThrows(() => source(Plain), ConfigurationException, 'extends neither');
    class NeedsArguments extends MemorySync<unknown> {
      constructor(readonly table: string) {
        super();
      }
    }
    expectThrows(() => source(NeedsArguments), ConfigurationException, 'NeedsArguments', 'declares parameters');
    class NoMethods {}
    expectThrows(() => source(NoMethods), ParameterException, 'setPersistence', 'expected a persistence handler');
  });

  it('refuse what is not a handler, and a provider that returns none', () => {
    for (const bad of [null, 42, 'handler', { save() {} }, { saveMany() {} }]) {
      expectThrows(() => source(bad), ParameterException, 'setPersistence', 'expected a persistence handler');
    }
    expectThrows(() => source((table: string) => table), ParameterException, 'setPersistence');
    expectThrows(() => source(() => ({ save() {} })).resolve(), ParameterException, 'setPersistence (the value its provider returned)');
    expectThrows(() => source(() => null).resolve(), ParameterException, 'the value its provider returned');
  });

  it('name the provider or the class that failed, and let fixtory errors through unchanged', () => {
    function openDatabase(): never {
      throw new Error('connection refused');
    }
    expectThrows(() => source(openDatabase).resolve(), ConfigurationException, 'its handler provider openDatabase threw: connection refused');
    class Broken extends MemorySync<unknown> {
      constructor() {
        super();
        throw new Error('no table');
      }
    }
    expectThrows(() => source(Broken).resolve('ItemFactory'), ConfigurationException, 'the constructor of handler class Broken', 'no table');
    const own = new ConfigurationException('already explained');
    const error = expectThrows(
      () =>
        source(() => {
          throw own;
        }).resolve(),
      FactoryException,
    );
    expect(error).to.equal(own);
  });
});

describe('create call participants', () => {
  it('are told when a call starts, is built, or failed; a failing clean-up never hides the call’s error', () => {
    const told: string[] = [];
    const call = {};
    const participant = {
      [createCallStarted]: (c: object) => told.push(`started ${c === call}`),
      [createCallBuilt]: (c: object) => told.push(`built ${c === call}`),
      [createCallFailed]: (c: object) => {
        told.push(`failed ${c === call}`);
        throw new Error('clean-up broke');
      },
    };
    startCreateCall(participant, call);
    builtCreateCall(participant, call);
    expect(() => failCreateCall(participant, call)).not.to.throw();
    expect(told).to.deep.equal(['started true', 'built true', 'failed true']);
    // The keys are registered symbols: a handler written against another copy of fixtory takes part too.
    expect([createCallStarted, createCallBuilt, createCallFailed]).to.deep.equal(
      ['fixtory.createCallStarted', 'fixtory.createCallBuilt', 'fixtory.createCallFailed'].map((key) => Symbol.for(key)),
    );
    // A handler that takes no part is fine.
    expect(() => [startCreateCall({}, call), builtCreateCall({}, call), failCreateCall({}, call)]).not.to.throw();
  });
});

describe('what a failed save says', () => {
  it('travels on the error, unseen by its enumeration, and only on objects that can carry it', () => {
    const failure: SaveFailure = { kind: 'unique', column: 'email', hasValue: true, value: 'a@b.c' };
    const error = new Error('duplicate key');
    attachSaveFailure(error, failure);
    expect(saveFailureOf(error)).to.equal(failure);
    expect(Object.keys(error)).to.deep.equal([]);
    attachSaveFailure(error, { ...failure, column: 'name' });
    expect(saveFailureOf(error)?.column).to.equal('name');
    const frozen = Object.freeze(new Error('frozen'));
    attachSaveFailure(frozen, failure);
    expect(saveFailureOf(frozen)).to.equal(undefined);
    expect(() => attachSaveFailure('text', failure)).not.to.throw();
    expect(() => attachSaveFailure(null, failure)).not.to.throw();
    expect(saveFailureOf(null)).to.equal(undefined);
    expect(saveFailureOf('text')).to.equal(undefined);
    expect(saveFailureOf(new Error('plain'))).to.equal(undefined);
    // A handler built against another copy of fixtory attaches it under the same registered symbol.
    const elsewhere = Object.assign(new Error('from another copy'), { [Symbol.for('fixtory.saveFailure')]: failure });
    expect(saveFailureOf(elsewhere)).to.equal(failure);
  });
});
