import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ParallelSeedException, ParameterException, seedParallel, type ParallelSeedOptions } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';
import { parallelDatabaseVariable } from './support/parallel-config.js';
import { parallelEntities } from './support/parallel-entities.js';

const support = (file: string) => new URL(`./support/${file}`, import.meta.url);

describe('seedParallel: worker threads writing disjoint blocks', function () {
  this.timeout(120_000);
  let db: TestDatabase;

  beforeEach(async () => {
    db = await openTestDatabase({ entities: parallelEntities });
    process.env[parallelDatabaseVariable] = JSON.stringify({ database: db.database, file: db.file });
  });
  afterEach(async () => {
    delete process.env[parallelDatabaseVariable];
    await db.close();
  });

  const parallelConfig = fileURLToPath(support('parallel-config.js'));
  const seed = (options: Partial<ParallelSeedOptions>) =>
    seedParallel({ module: support('parallel-model.js'), config: parallelConfig, factory: 'ParallelUserFactory', count: 1_000, chunk: 250, seed: 7, ...options });

  /** Every row by its content: keys differ between runs, so a post names its author by the author's `ref`. */
  async function content() {
    const users = await db.sql('select ref, row, email, nickname, name, created_at from parallel_user order by ref');
    const posts = await db.sql('select u.ref, p.title, p.slug, p.label from parallel_post p join parallel_user u on u.id = p.author_id order by p.slug');
    return { users: users.map((row) => JSON.stringify(Object.values(row))), posts: posts.map((row) => JSON.stringify(Object.values(row))) };
  }

  async function empty(): Promise<void> {
    await db.sql('delete from parallel_post');
    await db.sql('delete from parallel_user');
  }

  it('writes every row of every block with its relations, and reports each block', async () => {
    const progress: number[] = [];
    const summary = await seedParallel({
      module: new URL('./support/parallel-model.js', import.meta.url), // imported by every worker
      factory: 'ParallelUserFactory',
      count: 1_100,
      workers: 2,
      chunk: 250, // rows per block: the rows depend on it, not on workers
      seed: 7,
      config: parallelConfig, // the MikroORM configuration file the workers load
      onChunk: ({ done }) => progress.push(done),
    });
    expect(summary).to.include({ created: 1_100, chunks: 5, workers: 2, seed: 7 });
    // Blocks finish in any order; progress counts the rows written so far.
    expect(progress).to.have.length(5);
    expect(progress.at(-1)).to.equal(1_100);
    expect([...progress].sort((a, b) => a - b)).to.deep.equal(progress);
    const [counts] = await db.numbers(
      'select (select count(*) from parallel_user) as users, (select count(*) from parallel_post) as posts, ' +
        '(select count(*) from parallel_post p join parallel_user u on u.id = p.author_id) as linked, (select min(row) from parallel_user) as first, (select max(row) from parallel_user) as last',
    );
    expect(counts).to.deep.equal({ users: 1_100, posts: 2_200, linked: 2_200, first: 1, last: 1_100 });
    // Every block draws its own values: blocks are not copies of one another.
    const [names] = await db.numbers('select count(distinct name) as n from parallel_user');
    expect(names!.n).to.be.greaterThan(1_000);
  });

  it('writes no unique value twice, though every block draws the same nicknames (and its posts the same labels)', async () => {
    const summary = await seed({ workers: 2 });
    const [row] = await db.numbers(
      'select count(*) as n, count(distinct nickname) as nicknames, count(distinct email) as emails, count(distinct ref) as refs, ' +
        '(select count(distinct slug) from parallel_post) as slugs, (select count(distinct label) from parallel_post) as labels from parallel_user',
    );
    expect(row).to.deep.equal({ n: 1_000, nicknames: 1_000, emails: 1_000, refs: 1_000, slugs: 2_000, labels: 2_000 });
    expect(summary.replaced).to.be.greaterThan(0);
    const nicknames = await db.sql<{ nickname: string }>('select nickname from parallel_user');
    expect(nicknames.every(({ nickname }) => /^(ada|bob|cyd|dee|eve|fay|gus|hal)(_\d+)*$/.test(nickname))).to.equal(true);
  });

  it('writes the same rows with 1 and with 2 workers under one seed, and other rows under another seed', async () => {
    await seed({ workers: 1 });
    const one = await content();
    await empty();
    await seed({ workers: 2 });
    const two = await content();
    expect(two.users).to.have.length(1_000);
    expect(two).to.deep.equal(one);
    await empty();
    await seed({ workers: 2, seed: 8 });
    expect((await content()).users).to.not.deep.equal(one.users);
  });

  it('stops at a failed block: names the block, its rows and the field; the blocks committed before it stay whole', async () => {
    const error = (await expectRejects(seed({ workers: 2, count: 2_000, chunk: 100, transient: { failAtRow: 1_050 } }), ParallelSeedException, 'block 10', 'rows 1,000–1,099', 'email')) as ParallelSeedException;
    expect(error.block).to.equal(10);
    expect(error.written.blocks).to.include.members([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(error.written.blocks).to.not.include(10);
    const rows = await db.numbers<'row'>('select row from parallel_user');
    const perBlock = new Map<number, number>();
    for (const { row } of rows) perBlock.set(Math.floor((row - 1) / 100), (perBlock.get(Math.floor((row - 1) / 100)) ?? 0) + 1);
    expect([...perBlock.keys()].sort((a, b) => a - b)).to.deep.equal(error.written.blocks);
    expect([...perBlock.values()].every((n) => n === 100)).to.equal(true);
    expect(error.message).to.contain(`(${error.written.rows.toLocaleString('en')} rows) were committed`);
  });

  it('a worker that cannot find the factory stops the run before anything is written', async () => {
    await expectRejects(seed({ workers: 2, factory: 'NoSuchFactory' }), ParallelSeedException, 'no factory named NoSuchFactory', 'Nothing of this run was written');
    const [row] = await db.numbers('select count(*) as n from parallel_user');
    expect(row!.n).to.equal(0);
  });

  it('refuses bad arguments before any worker starts', async () => {
    const bad: [Partial<ParallelSeedOptions> & Record<string, unknown>, string][] = [
      [{ workers: 0 }, 'workers'],
      [{ workers: 1.5 }, 'workers'],
      [{ chunk: 0 }, 'chunk'],
      [{ count: -1 }, 'size'],
      [{ seed: 1.5 }, 'seed'],
      [{ overrides: { name: () => 'x' } as unknown as Record<string, unknown> }, 'overrides'],
      [{ module: '' }, 'module'],
      [{ module: 'dist/no/such/module.js' }, 'module'],
      [{ factory: '' }, 'factory'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [options, word] of bad) await expectRejects(seed(options as Partial<ParallelSeedOptions>), ParameterException, word);
  });
});
