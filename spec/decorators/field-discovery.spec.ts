import 'reflect-metadata';
import { cpSync, copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { BaseFactory, ConfigurationException, Factory, Field, Use } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';
import { runOutcomes, type Outcome } from '../support/fixture-outcomes.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const root = here('../../../');

function runFixture(entry: string): Record<string, Outcome> {
  return runOutcomes([here(`./fixtures/${entry}`)], root);
}

describe('field discovery', () => {
  describe('two copies of fixtory in one process', () => {
    const copy = here('./second-copy');
    let second: typeof import('fixtory');

    before(async () => {
      cpSync(here('../../lib'), `${copy}/lib`, { recursive: true });
      second = (await import(`${copy}/lib/index.js`)) as typeof import('fixtory');
      expect(second.Field).to.not.equal(Field);
    });
    after(() => rmSync(copy, { recursive: true, force: true }));

    it('share one store: a model decorated through one copy is built by a factory of the other', () => {
      const SecondField = second.Field as typeof Field;
      const SecondUse = second.Use as typeof Use;
      const SecondFactory = second.Factory as typeof Factory;
      class Reader {
        @SecondField() name!: string;
        @SecondField() joined!: Date;
      }
      @Factory(Reader)
      class ReaderFactory extends BaseFactory<Reader> {
        @SecondUse(() => 'Ada') name!: string;
      }
      const reader = ReaderFactory.build();
      expect(reader.name).to.equal('Ada');
      expect(reader.joined).to.be.instanceOf(Date);

      @SecondFactory(Reader)
      class OtherReaderFactory extends (second.BaseFactory as typeof BaseFactory)<Reader> {}
      expect(Object.keys(OtherReaderFactory.build()).sort()).to.deep.equal(['joined', 'name']);
    });
  });

  describe('a second copy of reflect-metadata loaded after fixtory', () => {
    const saved = Object.getOwnPropertyDescriptors(Reflect);
    const copy = here('./second-reflect-metadata.cjs');
    after(() => {
      for (const [key, descriptor] of Object.entries(saved)) Object.defineProperty(Reflect, key, descriptor);
      rmSync(copy, { force: true });
    });

    it('replaces Reflect.decorate: building a plain model is a ConfigurationException that says why, not missing fields', () => {
      copyFileSync(createRequire(import.meta.url).resolve('reflect-metadata'), copy);
      createRequire(import.meta.url)(copy);
      expect(Reflect.decorate).to.not.equal(saved.decorate!.value);

      class Visitor {
        @Field() name!: string;
      }
      @Factory(Visitor)
      class VisitorFactory extends BaseFactory<Visitor> {}
      expectThrows(() => VisitorFactory.build(), ConfigurationException, 'VisitorFactory', 'Reflect.decorate was replaced', 'second copy of reflect-metadata', 'npm dedupe');
    });

    it('is wrapped again when another copy of fixtory is imported after it, so later classes are seen', async () => {
      const third = here('./third-copy');
      cpSync(here('../../lib'), `${third}/lib`, { recursive: true });
      try {
        await import(`${third}/lib/index.js`);
        const Column = (): PropertyDecorator => () => undefined;
        class Member {
          @Column() name!: string;
        }
        @Factory(Member)
        class MemberFactory extends BaseFactory<Member> {}
        expect(MemberFactory.build().name).to.be.a('string').and.not.equal('');
      } finally {
        rmSync(third, { recursive: true, force: true });
      }
    });
  });

  describe('another library wrapping Reflect.decorate after fixtory', () => {
    const saved = Reflect.decorate;
    after(() => {
      Reflect.decorate = saved;
    });

    it('leaves discovery working when the wrapper still calls through', () => {
      const calls: (string | symbol | undefined)[] = [];
      Reflect.decorate = function wrapped(this: unknown, ...args: Parameters<typeof saved>) {
        calls.push(args[2]);
        return (saved as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof saved;
      class Guest {
        @Field() name!: string;
      }
      @Factory(Guest)
      class GuestFactory extends BaseFactory<Guest> {}
      expect(GuestFactory.build().name).to.be.a('string').and.not.equal('');
      expect(calls).to.include('name');
    });
  });

  describe('a model module evaluated before fixtory', () => {
    it('is a ConfigurationException explaining the import order, for declared fields and for overrides', () => {
      const results = runFixture('model-first.js');
      for (const name of ['declared', 'override']) {
        expect(results[name]!.error, name).to.equal('ConfigurationException');
        expect(results[name]!.message).to.include('Customer.tier').and.include("Import 'fixtory'").and.include('before the module that defines Customer');
      }
    });

    it('builds every field when fixtory comes first', () => {
      const results = runFixture('fixtory-first.js');
      expect(Object.keys(results['declared']!.built!).sort()).to.deep.equal(['email', 'name', 'tier']);
      expect(results['declared']!.built!['tier']).to.equal('gold');
      expect(results['declared']!.built!['email']).to.match(/@/);
      expect(results['override']!.built!['tier']).to.equal('gold');
    });
  });
});
