import type { MikroOrmLike } from './orm-types.js';
import { ConfigurationException } from '../errors.js';
import { HandlerSource } from '../persistence/handler-source.js';
import { registry } from '../registry/registry.js';
import { MikroOrmPersistence } from './persistence.js';
import { enterTestTransaction, leaveTestTransaction } from './write-target.js';

/**
 * Runs each test in a database transaction that is rolled back afterwards, so every test starts
 * from the same state. While a test runs, `em` is its EntityManager; every MikroOrmPersistence
 * of this ORM writes inside that transaction (factories with `@Persist(MikroOrmPersistence)` and
 * handlers given another EntityManager included), and, unless told otherwise, every factory
 * without an async handler of its own writes through it too.
 *
 * With mocha: `beforeEach(() => tx.begin()); afterEach(() => tx.rollback());`, or in a root hook
 * plugin: `export const mochaHooks = async () => new TestTransaction(await initOrm()).mochaHooks();`
 */
export class TestTransaction<O extends MikroOrmLike = MikroOrmLike> {
  private current?: O['em'];
  /** Puts back the global async default that was set before the test. */
  private restoreDefault?: () => void;

  constructor(
    private readonly orm: O,
    private readonly options: { setDefaultPersistence?: boolean } = {},
  ) {}

  /** The EntityManager of the running test. Query through it: the test's writes are visible only there. */
  get em(): O['em'] {
    if (!this.current) throw ConfigurationException.noTestTransaction();
    return this.current;
  }

  async begin(): Promise<void> {
    if (this.current) await this.rollback();
    const em = this.orm.em.fork() as O['em'];
    await em.begin();
    this.current = em;
    enterTestTransaction(em);
    if (this.options.setDefaultPersistence !== false) {
      const source = HandlerSource.from(registry.defaultHandlers.owner, 'TestTransaction', () => new MikroOrmPersistence(this.em), { kind: 'async' });
      this.restoreDefault = registry.defaultHandlers.swap('async', source, 'runtime');
    }
  }

  async rollback(): Promise<void> {
    const em = this.current;
    if (!em) return;
    this.current = undefined;
    leaveTestTransaction(em);
    this.restoreDefault?.();
    this.restoreDefault = undefined;
    await em.rollback();
  }

  /** `beforeEach` / `afterEach` hooks for a mocha root hook plugin. */
  mochaHooks(): { beforeEach(): Promise<void>; afterEach(): Promise<void> } {
    return { beforeEach: () => this.begin(), afterEach: () => this.rollback() };
  }
}
