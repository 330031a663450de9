import { faker } from '@faker-js/faker';
import { BaseFactory, Factory, forgetMikroOrms, MikroOrmBulkPersistence, MikroOrmPersistence, Related, useMikroOrm } from '../../../dist/lib/index.js';
import { postValues, postsPerUser, userValues } from '../data.js';
import { BenchPost, BenchUser } from '../entities.js';
import { countRows, openOrm, type BenchOrm, type Target } from '../targets.js';
import { fail, type BenchCase, type Prepared, type Workload } from '../workload.js';

@Factory(BenchUser, { default: true })
class UserFactory extends BaseFactory<BenchUser> {}

@Factory(BenchUser)
class UserWithPostsFactory extends BaseFactory<BenchUser> {
  @Related({ size: postsPerUser }) posts!: unknown;
}

type Seeder = typeof import('./seeder.js');
const seederModule = (): Promise<Seeder> => import('./seeder.js');

/** Users (and their posts) written: the rows the database holds after the timed work must be exactly these. */
async function expectRows(target: Target, users: number, posts: number): Promise<void> {
  const [u, p] = [await countRows(target, 'bench_user'), await countRows(target, 'bench_post')];
  if (u !== users || p !== posts) fail(`expected ${users} users and ${posts} posts, the database has ${u} and ${p}`);
}

/** Every returned entity got its database key. */
function expectKeys(entities: { id?: number }[], n: number): void {
  if (entities.length !== n || entities.some((entity) => typeof entity.id !== 'number')) fail('entities without their keys');
}

type Writer<L> = (orm: BenchOrm, users: number, withPosts: boolean, library: L) => Promise<{ id?: number }[] | void>;

/**
 * A case writing through MikroORM: the ORM is initialised, the tables made and the peer library
 * loaded (`load`) before the clock starts.
 */
function throughOrm<L = undefined>(id: string, role: BenchCase['role'], label: string, write: Writer<L>, options: { scale?: number; load?: () => Promise<L> } = {}): (withPosts: boolean) => BenchCase {
  const { scale, load } = options;
  return (withPosts) => ({
    id,
    role,
    label,
    scale,
    prepare: async ({ n, target }) => {
      const users = Math.max(1, Math.round(n * (scale ?? 1)));
      const library = (await load?.()) as L;
      const orm = await openOrm(target!);
      useMikroOrm(orm);
      let written: { id?: number }[] | void;
      return {
        run: async () => (written = await write(orm, users, withPosts, library)),
        verify: async () => {
          if (written) expectKeys(written, users);
          await expectRows(target!, users, withPosts ? users * postsPerUser : 0);
        },
        close: async () => {
          forgetMikroOrms();
          await orm.close(true);
        },
      };
    },
  });
}

type Open = (target: Target, users: number, withPosts: boolean) => Promise<Prepared>;

function direct(id: string, role: BenchCase['role'], label: string, load: () => Promise<Open>) {
  return (withPosts: boolean): BenchCase => ({
    id,
    role,
    label,
    prepare: async ({ n, target }) => {
      const prepared = await (await load())(target!, n, withPosts);
      return { ...prepared, verify: () => expectRows(target!, n, withPosts ? n * postsPerUser : 0) };
    },
  });
}

const fixtoryFactory = (withPosts: boolean) => (withPosts ? UserWithPostsFactory : UserFactory);

const caseMakers = [
  direct('raw', 'floor', 'raw driver, one transaction (floor)', async () => (await import('./raw.js')).rawInsert),
  throughOrm('fixtory-bulk', 'fixtory', 'fixtory `createBatchAsync` + `MikroOrmBulkPersistence`', async (orm, users, withPosts) => {
    const factory = fixtoryFactory(withPosts);
    factory.setPersistence(new MikroOrmBulkPersistence(orm));
    return factory.createBatchAsync(users);
  }),
  throughOrm('fixtory-flush', 'fixtory', 'fixtory `createBatchAsync` + `MikroOrmPersistence`', async (orm, users, withPosts) => {
    const factory = fixtoryFactory(withPosts);
    factory.setPersistence(new MikroOrmPersistence(orm));
    return factory.createBatchAsync(users);
  }),
  throughOrm(
    'seeder-create',
    'peer',
    '@mikro-orm/seeder `create(n)`',
    async (orm, users, withPosts, { SeederUserFactory, SeederPostFactory }: Seeder) => {
      const em = orm.em.fork();
      const factory = new SeederUserFactory(em);
      if (withPosts) factory.each((user) => user.posts.set(new SeederPostFactory(em).make(postsPerUser)));
      return factory.create(users);
    },
    { load: seederModule },
  ),
  throughOrm('em-flush', 'peer', 'faker loop + `em.create` + one `em.flush()`', async (orm, users, withPosts) => {
    const em = orm.em.fork();
    const created = Array.from({ length: users }, () => {
      const user = em.create(BenchUser, userValues(faker));
      if (withPosts) for (let j = 0; j < postsPerUser; j++) em.create(BenchPost, { ...postValues(faker), author: user });
      return user;
    });
    await em.flush();
    return created;
  }),
  throughOrm('em-insertMany', 'peer', 'faker loop + `em.insertMany` (plain rows)', async (orm, users, withPosts) => {
    await orm.em.fork().transactional(async (em) => {
      // A statement per 1,000 rows: SQLite caps the parameters of one statement.
      for (let start = 0; start < users; start += 1_000) {
        const rows = Array.from({ length: Math.min(1_000, users - start) }, () => userValues(faker));
        await em.insertMany(BenchUser, rows);
      }
      if (!withPosts) return;
      // insertMany of plain rows returns one id per statement, not one per row: read the keys back.
      const ids = (await em.find(BenchUser, {}, { fields: ['id'], orderBy: { id: 'asc' } })).map((user) => user.id);
      for (let start = 0; start < ids.length; start += 200) {
        const posts = ids.slice(start, start + 200).flatMap((author) => Array.from({ length: postsPerUser }, () => ({ ...postValues(faker), author })));
        await em.insertMany(BenchPost, posts);
      }
    });
  }),
  direct('drizzle-seed', 'peer', 'drizzle-seed `seed().refine()`', async () => (await import('./drizzle.js')).drizzleSeed),
];

/** Chunked seeds (`seedRows`, its default chunk): one create call per chunk, in flat memory, through each MikroORM handler. */
const seedCaseMakers = [
  throughOrm('fixtory-seedRows-bulk', 'fixtory', 'fixtory `seedRows(n)` + `MikroOrmBulkPersistence`', async (orm, users) => {
    UserFactory.setPersistence(new MikroOrmBulkPersistence(orm));
    const summary = await UserFactory.seedRows(users);
    if (summary.created !== users) fail(`seedRows created ${summary.created} of ${users}`);
  }),
  throughOrm('fixtory-seedRows', 'fixtory', 'fixtory `seedRows(n)` + `MikroOrmPersistence`', async (orm, users) => {
    UserFactory.setPersistence(new MikroOrmPersistence(orm));
    const summary = await UserFactory.seedRows(users);
    if (summary.created !== users) fail(`seedRows created ${summary.created} of ${users}`);
  }),
];

/** One-row-per-call loops: n/10 rows (ratios are per row). */
const loopCaseMakers = [
  throughOrm('fixtory-createAsync-loop', 'fixtory', 'fixtory `createAsync()` × n/10', async (orm, users) => {
    UserFactory.setPersistence(new MikroOrmPersistence(orm));
    const created: BenchUser[] = [];
    for (let i = 0; i < users; i++) created.push(await UserFactory.createAsync());
    return created;
  }, { scale: 0.1 }),
  throughOrm(
    'seeder-createOne-loop',
    'peer',
    '@mikro-orm/seeder `createOne()` × n/10',
    async (orm, users, _withPosts, { SeederUserFactory }: Seeder) => {
      const factory = new SeederUserFactory(orm.em.fork());
      const created: BenchUser[] = [];
      for (let i = 0; i < users; i++) created.push(await factory.createOne());
      return created;
    },
    { scale: 0.1, load: seederModule },
  ),
];

export const persistUsers: Workload = {
  id: 'users',
  title: 'Persist users',
  persists: true,
  rows: (n) => n,
  size: { full: 10_000, quick: 1_000 },
  cases: [...caseMakers, ...seedCaseMakers, ...loopCaseMakers].map((make) => make(false)),
};

export const persistUsersWithPosts: Workload = {
  id: 'users-posts',
  title: `Persist users with ${postsPerUser} posts each`,
  persists: true,
  rows: (n) => n * (1 + postsPerUser),
  size: { full: 2_000, quick: 200 },
  cases: caseMakers.map((make) => make(true)),
};

/** The cases of the growth section (1k → 100k, 1M on request), on users alone: the chunked seeds are the ones meant for 1M. */
export const growthCases = ['raw', 'fixtory-bulk', 'fixtory-flush', 'fixtory-seedRows-bulk', 'fixtory-seedRows', 'em-insertMany'];
