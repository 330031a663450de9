// README "Parallel seeding": two workers write 1,100 users (and their notes) in blocks of 250.
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { seedParallel } from 'fixtory';
import { openOrm } from '../support/db.js';
import { Member, Note, parallelEntities } from '../support/parallel-model.js';

const parallelConfig = fileURLToPath(new URL('../support/parallel-config.js', import.meta.url));
const progress: number[] = [];
const { orm } = await openOrm({ entities: parallelEntities });
// README block
expect(summary).to.include({ created: 1_100, chunks: 5, workers: 2, seed: 7 });
expect(progress.at(-1)).to.equal(1_100);
expect(await orm.em.fork().count(Member)).to.equal(1_100);
expect(await orm.em.fork().count(Note)).to.equal(2_200);
await orm.close();
