import 'reflect-metadata';
import { allFakers } from '@faker-js/faker';
import { expect } from 'chai';
import {
  BaseFactory,
  ConfigurationException,
  Factory,
  Field,
  HookException,
  ParameterException,
  PersistenceException,
  currentSeed,
  resetSequences,
  resetStubKeys,
  seedAll,
} from 'fixtory';
import type { CallSetup, HookPhase } from '../../lib/runner/call-setup.js';
import { FakerSource } from '../../lib/runner/faker-source.js';
import { nestedBuild, refuseAsyncHooks, runHooksAsync, runHooksSync } from '../../lib/runner/hooks.js';
import { attachSaveFailure } from '../../lib/persistence/save-failure.js';
import { expectSync, persisting, persistingAsync, refuseThenables, savedRows } from '../../lib/runner/persisting.js';
import { checkSeed, deriveSeed } from '../../lib/runner/seeds.js';
import { nextSequence } from '../../lib/runner/sequences.js';
import { nextStubKey, stubKeyValue } from '../../lib/runner/stub-keys.js';
import { expectRejects, expectThrows } from '../support/expect-error.js';

type Hook = (instance: unknown, info: unknown) => unknown;

function setupWith(hooks: Partial<Record<HookPhase, Hook[]>>): CallSetup {
  return { hooks: { afterBuild: [], beforeCreate: [], afterCreate: [], ...hooks } } as unknown as CallSetup;
}

const info = (index: number) => ({ factory: 'TicketFactory', index }) as never;

const firstNames = (locale: keyof typeof allFakers) => {
  const names = allFakers[locale].definitions.person!.first_name as { generic?: string[]; female?: string[]; male?: string[] };
  return new Set([...(names.generic ?? []), ...(names.female ?? []), ...(names.male ?? [])]);
};

describe('the parts of a call', () => {
  // Some of these reseed the run: the specs after them keep the run's seed.
  const runSeed = currentSeed();
  after(() => seedAll(runSeed));

  describe("a factory's faker streams", () => {
    class Person {
      @Field() firstName!: string;
    }

    it("draw from the factory's locale", () => {
      @Factory(Person, { locale: 'de', seed: 11 })
      class GermanPersonFactory extends BaseFactory<Person> {}
      const german = firstNames('de');
      const drawn = GermanPersonFactory.batch(40).map((person) => person.firstName);
      expect(drawn.filter((name) => !german.has(name))).to.deep.equal([]);
      expect(new Set(drawn).size).to.be.above(10);
    });

    it('are one per field and seed, derived again for another seed base or after seedAll', () => {
      const source = new FakerSource('StreamFactory', { locale: 'fr' });
      const a = source.streamFor('name', 1);
      expect(source.streamFor('name', 1)).to.equal(a);
      expect(source.streamFor('city', 1)).not.to.equal(a);
      const other = source.streamFor('name', 2);
      expect(other).not.to.equal(a);
      expect(source.streamFor('name', 1).number.int()).to.equal(new FakerSource('StreamFactory', { locale: 'fr' }).streamFor('name', 1).number.int());
      expect(source.faker).to.equal(allFakers.fr);
      const before = source.streamFor('name', 2);
      seedAll(currentSeed());
      expect(source.streamFor('name', 2)).not.to.equal(before);
    });

    it("follow the factory's own seed once it has one, else the run's", () => {
      const source = new FakerSource('OwnSeedFactory', {});
      expect(source.hasOwnSeed).to.equal(false);
      expect(source.seedBase()).to.equal(currentSeed());
      source.seed(42);
      expect(source.hasOwnSeed).to.equal(true);
      expect(source.seedBase()).to.equal(42);
      expect(new FakerSource('SeededFactory', { seed: 9 }).seedBase()).to.equal(9);
    });
  });

  describe('seeds', () => {
    it('are safe integers', () => {
      expect(checkSeed('seedAll', 0)).to.equal(0);
      expect(checkSeed('seedAll', -5)).to.equal(-5);
      for (const bad of [1.5, Number.NaN, 2 ** 53, '7', undefined]) {
        expectThrows(() => checkSeed('seedAll', bad), ParameterException, 'seedAll: a seed must be a safe integer');
      }
      expectThrows(() => seedAll(0.5), ParameterException, 'seedAll');
    });

    it('derive repeatable, independent seeds from a seed and names', () => {
      expect(deriveSeed(1, 'AuthorFactory', 'name')).to.equal(deriveSeed(1, 'AuthorFactory', 'name'));
      const derived = [deriveSeed(1, 'AuthorFactory', 'name'), deriveSeed(2, 'AuthorFactory', 'name'), deriveSeed(1, 'AuthorFactory', 'email'), deriveSeed(1, 'BookFactory', 'name')];
      expect(new Set(derived).size).to.equal(4);
      // The parts stay apart: ('ab', 'c') is not ('a', 'bc').
      expect(deriveSeed('ab', 'c')).not.to.equal(deriveSeed('a', 'bc'));
      for (const seed of derived) expect(seed >= 0 && seed < 2 ** 32 && Number.isInteger(seed), String(seed)).to.equal(true);
      // FNV-1a of the empty input is its offset basis.
      expect(deriveSeed()).to.equal(0x811c9dc5);
    });

    it('seedAll restarts sequences and stub keys and reports the seed', () => {
      const owner = {};
      nextSequence(owner as never);
      nextStubKey(owner as never);
      seedAll(1234);
      expect(currentSeed()).to.equal(1234);
      expect(nextSequence(owner as never)).to.equal(1);
      expect(nextStubKey(owner as never)).to.equal(2_147_483_647);
    });
  });

  describe('sequences and stub keys', () => {
    it('count per owner, and restart for one owner or all', () => {
      expect([nextSequence('A'), nextSequence('A'), nextSequence('B')]).to.deep.equal([1, 2, 1]);
      resetSequences('A');
      expect([nextSequence('A'), nextSequence('B')]).to.deep.equal([1, 2]);
      resetSequences();
      expect(nextSequence('B')).to.equal(1);
    });

    it('give stub keys counting down from the top of a 32-bit column, as numbers, bigints or UUID-shaped text', () => {
      resetStubKeys();
      expect([nextStubKey('K'), nextStubKey('K'), nextStubKey('L')]).to.deep.equal([2_147_483_647, 2_147_483_646, 2_147_483_647]);
      resetStubKeys();
      expect(nextStubKey('K')).to.equal(2_147_483_647);
      expect(stubKeyValue('number', 255)).to.equal(255);
      expect(stubKeyValue('bigint', 255)).to.equal(255n);
      expect(stubKeyValue('string', 255)).to.equal('00000000-0000-4000-8000-0000000000ff');
    });
  });

  describe('saving', () => {
    const context = { factory: 'TicketFactory', model: 'Ticket', method: 'createAsync' };

    it("wraps a handler's error in a PersistenceException naming the factory; fixtory's own errors pass through", async () => {
      const failure = expectThrows(
        () =>
          persisting(context, () => {
            throw new Error('disk full');
          }),
        PersistenceException,
        'TicketFactory',
        'disk full',
      );
      expect(failure.cause).to.be.instanceOf(Error);
      const own = new ConfigurationException('explained');
      expect(expectThrows(() => persisting(context, () => { throw own; }), ConfigurationException)).to.equal(own);
      expect(persisting(context, () => 'saved')).to.equal('saved');
      await expectRejects(persistingAsync(context, async () => Promise.reject(new Error('lost connection'))), PersistenceException, 'TicketFactory', 'lost connection');
      expect(await persistingAsync(context, async () => 'saved')).to.equal('saved');
    });

    it('says which generator made the value the database refused, only for a field of the model saved', () => {
      const explain = () => [{ field: 'email', from: 'hint', generator: 'faker.internet.email()' }] as never;
      const refused = (model: string | undefined, field: string | undefined) => () => {
        const error = new Error('UNIQUE constraint failed');
        attachSaveFailure(error, { kind: 'unique', column: 'email', model, field, hasValue: true, value: 'a@b.c' });
        throw error;
      };
      const withSource = expectThrows(() => persisting({ ...context, explain }, refused('Ticket', 'email')), PersistenceException, 'its value came from hint: faker.internet.email()');
      expect(withSource.message).to.include(`FIXTORY_SEED=${currentSeed()}`);
      const otherModel = expectThrows(() => persisting({ ...context, explain }, refused('Customer', 'email')), PersistenceException, 'refused Customer.email');
      expect(otherModel.message).not.to.include('its value came from');
      const noField = expectThrows(() => persisting({ ...context, explain }, refused('Ticket', undefined)), PersistenceException, 'The unique constraint on email failed');
      expect(noField.message).not.to.include('its value came from');
      // Without a way to explain the factory, the message still names the field.
      const unexplained = expectThrows(() => persisting(context, refused('Ticket', 'email')), PersistenceException, 'refused Ticket.email');
      expect(unexplained.message).not.to.include('its value came from');
    });

    it("checks saveMany's result: an array of one instance per built one", () => {
      expect(savedRows('TicketFactory', 'createBatchSync', 2, ['a', 'b'])).to.deep.equal(['a', 'b']);
      expectThrows(() => savedRows('TicketFactory', 'createBatchSync', 2, ['a']), PersistenceException, 'returned an array of 1 for 2 instance(s)');
      expectThrows(() => savedRows('TicketFactory', 'createBatchSync', 2, undefined), PersistenceException, 'TicketFactory.createBatchSync');
    });

    it('refuses instances a promise cannot carry, naming the instance', () => {
      expect(() => refuseThenables('TicketFactory', 'createBatchAsync', 'Ticket', [{ then: 'not a function' }, {}])).not.to.throw();
      expectThrows(
        () => refuseThenables('TicketFactory', 'createBatchAsync', 'Ticket', [{}, { then: () => undefined }]),
        ParameterException,
        'TicketFactory.createBatchAsync: the built Ticket (instance 1)',
      );
    });

    it('refuses a promise from a sync handler', async () => {
      expect(expectSync('TicketFactory', 'save', 'row')).to.equal('row');
      const rejected = Promise.reject(new Error('never awaited'));
      expectThrows(() => expectSync('TicketFactory', 'save', rejected), ConfigurationException, 'returned a Promise from save()');
      await new Promise((resolve) => setImmediate(resolve)); // its rejection was handled: no unhandled rejection
    });
  });

  describe('hooks', () => {
    it('run in order, each error becoming a HookException that names the phase and the instance', async () => {
      const ran: string[] = [];
      const setup = setupWith({ beforeCreate: [() => ran.push('first'), () => ran.push('second')] });
      runHooksSync('TicketFactory', 'createSync', setup, 'beforeCreate', {}, info(0));
      await runHooksAsync(setup, 'beforeCreate', {}, info(0));
      expect(ran).to.deep.equal(['first', 'second', 'first', 'second']);
      const failing = setupWith({
        afterCreate: [
          () => {
            throw new Error('boom');
          },
        ],
      });
      expectThrows(() => runHooksSync('TicketFactory', 'createSync', failing, 'afterCreate', {}, info(2)), HookException, "TicketFactory's afterCreate hook threw for instance 2", 'stay saved', 'boom');
      await expectRejects(runHooksAsync(failing, 'afterCreate', {}, info(3)), HookException, 'for instance 3', 'boom');
    });

    it('refuse async hooks on a synchronous path, before anything runs', () => {
      const asyncHook = async () => undefined;
      const setup = setupWith({ afterBuild: [asyncHook] });
      expectThrows(() => refuseAsyncHooks('TicketFactory', 'createSync', setup, ['afterBuild']), ConfigurationException, 'TicketFactory.createSync ran an async afterBuild hook');
      expect(() => refuseAsyncHooks('TicketFactory', 'createSync', setup, ['beforeCreate'])).not.to.throw();
      expectThrows(() => runHooksSync('TicketFactory', 'createSync', setup, 'afterBuild', {}, info(0)), ConfigurationException, 'ran an async afterBuild hook');
      expectThrows(() => runHooksSync('TicketFactory', nestedBuild, setup, 'afterBuild', {}, info(0)), ConfigurationException, 'built a nested instance');
      const promising = setupWith({ afterBuild: [() => Promise.resolve()] });
      expectThrows(() => runHooksSync('TicketFactory', 'build', promising, 'afterBuild', {}, info(0)), ConfigurationException, 'TicketFactory.build ran an async afterBuild hook');
    });
  });
});
