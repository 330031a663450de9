import { faker } from '@faker-js/faker';
import { Factory as Fishery } from 'fishery';
import { Factory as Forge } from 'interface-forge';
import { BaseFactory, Factory, forgetMikroOrms, useMikroOrm } from '../../../dist/lib/index.js';
import { userValues, type UserValues } from '../data.js';
import { BenchUser, PlainUser } from '../entities.js';
import { openOrm } from '../targets.js';
import { fail, type BenchCase, type Workload } from '../workload.js';

@Factory(PlainUser)
class PlainUserFactory extends BaseFactory<PlainUser> {}

@Factory(BenchUser)
class EntityUserFactory extends BaseFactory<BenchUser> {}

function expectLength(built: unknown[], n: number): void {
  if (built.length !== n || built.some((item) => typeof (item as UserValues).email !== 'string')) fail(`built ${built.length} of ${n}`);
}

/** A case that builds `n` objects and checks it got them. */
function building(id: string, role: BenchCase['role'], label: string, build: (n: number) => unknown[]): BenchCase {
  return {
    id,
    role,
    label,
    prepare: ({ n }) => {
      let built: unknown[] = [];
      return { run: () => (built = build(n)), verify: () => expectLength(built, n) };
    },
  };
}

const floor = building('faker-loop', 'floor', 'hand-written faker loop (floor)', (n) => Array.from({ length: n }, () => userValues(faker)));

export const buildPlain: Workload = {
  id: 'build-plain',
  title: 'Build plain objects (no database)',
  persists: false,
  rows: (n) => n,
  size: { full: 100_000, quick: 5_000 },
  cases: [
    floor,
    building('fixtory', 'fixtory', 'fixtory `batch(n)`', (n) => PlainUserFactory.batch(n)),
    building('fishery', 'peer', 'fishery `buildList(n)`', (n) => Fishery.define<UserValues>(() => userValues(faker)).buildList(n)),
    building('interface-forge', 'peer', 'interface-forge `batch(n)`', (n) => new Forge<UserValues>((f) => userValues(f)).batch(n)),
  ],
};

type Orm = Awaited<ReturnType<typeof openOrm>>;

/** A case that builds entities with an ORM (on an in-memory SQLite) and its library loaded beforehand, untimed. */
function withOrm<L = undefined>(id: string, role: BenchCase['role'], label: string, build: (n: number, orm: Orm, library: L) => unknown[], load?: () => Promise<L>): BenchCase {
  return {
    id,
    role,
    label,
    prepare: async ({ n }) => {
      const library = (await load?.()) as L;
      const orm = await openOrm({ kind: 'sqlite', file: ':memory:' });
      let built: unknown[] = [];
      return {
        run: () => (built = build(n, orm, library)),
        verify: () => {
          expectLength(built, n);
          if (!built.every((entity) => entity instanceof BenchUser)) fail('not entities');
        },
        close: async () => {
          forgetMikroOrms();
          await orm.close(true);
        },
      };
    },
  };
}

export const buildEntities: Workload = {
  id: 'build-entity',
  title: 'Build MikroORM entities (no database writes)',
  persists: false,
  rows: (n) => n,
  size: { full: 100_000, quick: 5_000 },
  cases: [
    floor,
    withOrm('fixtory', 'fixtory', 'fixtory `batch(n)`', (n, orm) => {
      useMikroOrm(orm);
      return EntityUserFactory.batch(n);
    }),
    withOrm(
      'seeder-makeEntity',
      'peer',
      '@mikro-orm/seeder `makeEntity()` × n',
      (n, orm, { SeederUserFactory }: typeof import('./seeder.js')) => {
        const factory = new SeederUserFactory(orm.em.fork());
        return Array.from({ length: n }, (_, i) => factory.makeEntity(undefined, i));
      },
      () => import('./seeder.js'),
    ),
    withOrm('em-create', 'peer', 'faker loop + `em.create`', (n, orm) => {
      const em = orm.em.fork();
      return Array.from({ length: n }, () => em.create(BenchUser, userValues(faker), { persist: false }));
    }),
  ],
};
