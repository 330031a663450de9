import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, ConfigurationException, Factory, Field, Persist, registry, type HookInfo } from 'fixtory';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import { MemoryAsync, MemorySync } from '../support/memory-persistence.js';

class Account {
  @Field() email!: string;
  @Field() events!: string;
}

const log: string[] = [];
const syncStore = new MemorySync<Account>();
const asyncStore = new MemoryAsync<Account>();

@Factory(Account)
@Persist(syncStore)
@Persist(asyncStore)
class AccountFactory extends BaseFactory<Account> {
  static afterBuild(account: Account, info: HookInfo): void {
    account.events = 'built';
    log.push(`afterBuild ${info.index}`);
  }
  static beforeCreate(account: Account): void {
    log.push(`beforeCreate saved=${syncStore.rows.includes(account) || asyncStore.rows.includes(account)}`);
  }
  static afterCreate(account: Account): void {
    log.push(`afterCreate saved=${syncStore.rows.includes(account) || asyncStore.rows.includes(account)}`);
  }
}

@Factory(Account)
class AuditedAccountFactory extends AccountFactory {
  static override afterBuild(account: Account, info: HookInfo): void {
    super.afterBuild(account, info);
    account.events += ', audited';
  }
  static override async beforeCreate(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    log.push('async beforeCreate');
  }
}

describe('hooks', () => {
  beforeEach(() => (log.length = 0));

  it('runs afterBuild for every built instance', () => {
    const accounts = AccountFactory.batch(2);
    accounts.forEach((a) => expect(a.events).to.equal('built'));
    expect(log).to.deep.equal(['afterBuild 0', 'afterBuild 1']);
  });

  it('runs beforeCreate before the save and afterCreate after it, in sync creates', () => {
    AccountFactory.createSync();
    expect(log).to.deep.equal(['afterBuild 0', 'beforeCreate saved=false', 'afterCreate saved=true']);
  });

  it('awaits async hooks in async creates, and inherits and extends hooks in subclasses', async () => {
    const account = await AuditedAccountFactory.createAsync();
    expect(account.events).to.equal('built, audited');
    expect(log).to.deep.equal(['afterBuild 0', 'async beforeCreate', 'afterCreate saved=true']);
  });

  it('refuses an async hook in a synchronous path, before saving anything', async () => {
    const before = syncStore.rows.length;
    expectThrows(() => AuditedAccountFactory.createSync(), ConfigurationException, 'AuditedAccountFactory.createSync ran an async beforeCreate hook', 'createAsync');
    expect(syncStore.rows.length).to.equal(before);
    await AuditedAccountFactory.createBatchAsync(2);
    expect(asyncStore.calls.at(-1)).to.equal('saveMany(2)');
  });

  it('refuses an async afterCreate in a synchronous create before saving anything', () => {
    @Factory(Account)
    @Persist(syncStore)
    class LateAsyncFactory extends BaseFactory<Account> {
      static async afterCreate(): Promise<void> {}
    }
    const before = syncStore.rows.length;
    expectThrows(() => LateAsyncFactory.createSync(), ConfigurationException, 'async afterCreate hook');
    expect(syncStore.rows.length).to.equal(before);
  });

  it('runs every afterBuild before any beforeCreate, in async batches as in sync ones', async () => {
    await AccountFactory.createBatchAsync(2);
    expect(log.slice(0, 4)).to.deep.equal(['afterBuild 0', 'afterBuild 1', 'beforeCreate saved=false', 'beforeCreate saved=false']);
    log.length = 0;
    AccountFactory.createBatchSync(2);
    expect(log.slice(0, 4)).to.deep.equal(['afterBuild 0', 'afterBuild 1', 'beforeCreate saved=false', 'beforeCreate saved=false']);
  });

  it('runs the afterBuild hooks of factories that build nested instances, synchronously', () => {
    class Team {
      @Field() lead!: Account;
    }
    @Factory(Team)
    class TeamFactory extends BaseFactory<Team> {}
    @Factory(Account, { default: true })
    class LeadFactory extends AccountFactory {}
    log.length = 0;
    expect(TeamFactory.build().lead.events).to.equal('built');
    expect(log).to.deep.equal(['afterBuild 0']);
    registry.unregister(LeadFactory);
    @Factory(Account, { default: true })
    class AsyncLeadFactory extends BaseFactory<Account> {
      static async afterBuild(): Promise<void> {}
    }
    expectThrows(() => TeamFactory.build(), ConfigurationException, 'AsyncLeadFactory has an async afterBuild hook, and it built a nested instance');
    registry.unregister(AsyncLeadFactory);
  });

  it('refuses a hook that returns a promise without being declared async', () => {
    @Factory(Account)
    class SneakyFactory extends BaseFactory<Account> {
      static afterBuild(): Promise<void> {
        return Promise.resolve();
      }
    }
    expectThrows(() => SneakyFactory.build(), ConfigurationException, 'SneakyFactory.build ran an async afterBuild hook');
  });

  it('propagates a hook’s own error', async () => {
    @Factory(Account)
    @Persist(new MemoryAsync<Account>())
    class FailingFactory extends BaseFactory<Account> {
      static async afterCreate(): Promise<void> {
        throw new Error('audit log unavailable');
      }
    }
    await expectRejects(FailingFactory.createAsync(), Error, 'audit log unavailable');
  });
});
