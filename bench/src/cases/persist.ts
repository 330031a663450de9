import { faker } from '@faker-js/faker';
import { BaseFactory, Factory, forgetMikroOrms, MikroOrmBulkPersistence, MikroOrmPersistence, Related, Use, useMikroOrm } from '../../../dist/lib/index.js';
import { cheapRows, fakerRows, postsPerUser, type RowValues } from '../data.js';
import { BenchPost, BenchUser } from '../entities.js';
import { countRows, openOrm, type BenchOrm, type Target } from '../targets.js';
import { fail, type BenchCase, type Prepared, type Workload } from '../workload.js';

@Factory(BenchUser, { default: true })
class UserFactory extends BaseFactory<BenchUser> {}

@Factory(BenchUser)
class UserWithPostsFactory extends BaseFactory<BenchUser> {
  @Related({ size: postsPerUser }) posts!: unknown;
}

// The cheap values (see data.ts), one generator per process as every other case of those workloads has.
const cheap = cheapRows();

@Factory(BenchPost)
class CheapPostFactory extends BaseFactory<BenchPost> {
  @Use(cheap.title) title!: string;
}

@Factory(BenchUser)
class CheapUserFactory extends BaseFactory<BenchUser> {
  @Use(cheap.name) name!: string;
  @Use(cheap.email) email!: string;
  @Use(cheap.bio) bio!: string;
}

@Factory(BenchUser)
class CheapUserWithPostsFactory extends CheapUserFactory {
  @Related({ size: postsPerUser, factory: () => CheapPostFactory }) posts!: unknown;
}

/** Which values a workload's cases write: faker's (the name hints') or the cheap ones. */
type Values = 'faker' | 'cheap';
const rowsOf = (values: Values): RowValues => (values === 'cheap' ? cheap : fakerRows(faker));

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

type Writer<L> = (orm: BenchOrm, users: number, withPosts: boolean, library: L, values: Values) => Promise<{ id?: number }[] | void>;

/**
 * A case writing through MikroORM: the ORM is initialised, the tables made and the peer library
 * loaded (`load`) before the clock starts.
 */
function throughOrm<L = undefined>(id: string, role: BenchCase['role'], label: string, write: Writer<L>, options: { scale?: number; load?: () => Promise<L> } = {}): (withPosts: boolean, values?: Values) => BenchCase {
  const { scale, load } = options;
  return (withPosts, values = 'faker') => ({
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
        run: async () => (written = await write(orm, users, withPosts, library, values)),
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

type Open = (target: Target, users: number, withPosts: boolean, rows: RowValues) => Promise<Prepared>;

function direct(id: string, role: BenchCase['role'], label: string, load: () => Promise<Open>, targets?: string[]) {
  return (withPosts: boolean, values: Values = 'faker'): BenchCase => ({
    id,
    role,
    label,
    targets,
    prepare: async ({ n, target }) => {
      const prepared = await (await load())(target!, n, withPosts, rowsOf(values));
      return { ...prepared, verify: () => expectRows(target!, n, withPosts ? n * postsPerUser : 0) };
    },
  });
}

const fixtoryFactory = (withPosts: boolean, values: Values = 'faker') =>
  values === 'cheap' ? (withPosts ? CheapUserWithPostsFactory : CheapUserFactory) : withPosts ? UserWithPostsFactory : UserFactory;

const caseMakers = [
  direct('raw', 'floor', 'raw driver, one transaction (floor)', async () => (await import('./raw.js')).rawInsert),
  direct('raw-sqlite3', 'peer', 'raw `sqlite3` (MikroORM 6\'s SQLite driver), 300-row INSERTs, one transaction', async () => (await import('./raw.js')).rawSqlite3, ['sqlite']),
  throughOrm('fixtory-bulk', 'fixtory', 'fixtory `createBatchAsync` + `MikroOrmBulkPersistence`', async (orm, users, withPosts, _library, values) => {
    const factory = fixtoryFactory(withPosts, values);
    factory.setPersistence(new MikroOrmBulkPersistence(orm));
    return factory.createBatchAsync(users);
  }),
  throughOrm('fixtory-plain', 'fixtory', 'fixtory `seedRows(n, { plain: true })` (one chunk of n) + `MikroOrmBulkPersistence`', async (orm, users, withPosts, _library, values) => {
    const factory = fixtoryFactory(withPosts, values);
    factory.setPersistence(new MikroOrmBulkPersistence(orm));
    const summary = await factory.seedRows(users, { plain: true, chunk: users });
    if (summary.created !== users) fail(`seedRows created ${summary.created} of ${users}`);
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
      const user = em.create(BenchUser, fakerRows(faker).user());
      if (withPosts) for (let j = 0; j < postsPerUser; j++) em.create(BenchPost, { ...fakerRows(faker).post(), author: user });
      return user;
    });
    await em.flush();
    return created;
  }),
  throughOrm('em-insertMany', 'peer', 'value loop + `em.insertMany` (plain rows)', async (orm, users, withPosts, _library, values) => {
    const rows = rowsOf(values);
    await orm.em.fork().transactional(async (em) => {
      // A statement per 1,000 rows: SQLite caps the parameters of one statement.
      for (let start = 0; start < users; start += 1_000) {
        await em.insertMany(BenchUser, Array.from({ length: Math.min(1_000, users - start) }, () => rows.user()));
      }
      if (!withPosts) return;
      // insertMany of plain rows returns one id per statement, not one per row: read the keys back.
      const ids = (await em.find(BenchUser, {}, { fields: ['id'], orderBy: { id: 'asc' } })).map((user) => user.id);
      for (let start = 0; start < ids.length; start += 200) {
        const posts = ids.slice(start, start + 200).flatMap((author) => Array.from({ length: postsPerUser }, () => ({ ...rows.post(), author })));
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
  throughOrm('fixtory-seedRows-plain', 'fixtory', 'fixtory `seedRows(n, { plain: true })` + `MikroOrmBulkPersistence`', async (orm, users) => {
    UserFactory.setPersistence(new MikroOrmBulkPersistence(orm));
    const summary = await UserFactory.seedRows(users, { plain: true });
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

/**
 * The same users (and posts) with cheap values (see data.ts) for every case: drizzle-seed's own
 * generators are of this kind, so here the seeding pipeline and the write path are compared.
 */
const cheapCaseIds = ['raw', 'raw-sqlite3', 'fixtory-bulk', 'fixtory-plain', 'em-insertMany', 'drizzle-seed'];
const cheapCaseMakers = caseMakers.filter((make) => cheapCaseIds.includes(make(false).id));

export const persistCheapUsers: Workload = {
  id: 'users-cheap',
  title: 'Persist users, cheap values (drizzle-seed-like generators for every case)',
  persists: true,
  rows: (n) => n,
  size: { full: 10_000, quick: 1_000 },
  cases: cheapCaseMakers.map((make) => make(false, 'cheap')),
};

export const persistCheapUsersWithPosts: Workload = {
  id: 'users-posts-cheap',
  title: `Persist users with ${postsPerUser} posts each, cheap values`,
  persists: true,
  rows: (n) => n * (1 + postsPerUser),
  size: { full: 2_000, quick: 200 },
  cases: cheapCaseMakers.map((make) => make(true, 'cheap')),
};

/** The cases of the growth section (1k → 100k, 1M on request), on users alone: the chunked seeds are the ones meant for 1M. */
export const growthCases = ['raw', 'fixtory-bulk', 'fixtory-flush', 'fixtory-seedRows-bulk', 'fixtory-seedRows-plain', 'fixtory-seedRows', 'em-insertMany'];
