/**
 * The model of the parallel seeding specs: the module `seedParallel` hands its workers. Users with
 * posts, unique columns that blocks are bound to repeat (a nickname drawn from eight words), a
 * sequence, and a transient parameter that makes one row fail.
 */
import 'reflect-metadata';
import { BaseFactory, Factory, MikroOrmBulkPersistence, Persist, Related, Sequence, registerHint, type HookInfo } from 'fixtory';
import { ParallelUser } from './parallel-entities.js';

// Eight nicknames for thousands of users: every block draws the same ones, and only the fallback keeps them apart.
// The same for the posts each user's block builds: replacements must reach nested entities too.
registerHint('label', { generate: (f) => f.helpers.arrayElement(['news', 'howto', 'review', 'recipe']), unique: 'slug', fieldOnly: true });
registerHint('nickname', { generate: (f) => f.helpers.arrayElement(['ada', 'bob', 'cyd', 'dee', 'eve', 'fay', 'gus', 'hal']), unique: 'username', fieldOnly: true });

@Factory(ParallelUser)
@Persist(MikroOrmBulkPersistence)
export class ParallelUserFactory extends BaseFactory<ParallelUser> {
  @Sequence((n) => `U-${String(n).padStart(6, '0')}`) ref!: string;
  @Sequence((n) => n) row!: number;
  @Related({ size: 2 }) posts!: unknown;

  static transient = { failAtRow: 0 };

  /** The row numbered `failAtRow` gets no email: the database refuses it (NOT NULL). */
  static afterBuild(user: ParallelUser, info: HookInfo): void {
    if (user.row === info.transient['failAtRow']) (user as { email: string | null }).email = null;
  }
}
