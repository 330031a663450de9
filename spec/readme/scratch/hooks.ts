// README "Hooks": a subclass factory extends its parent's hooks; an async beforeCreate is awaited.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Persist, type HookInfo } from 'fixtory';
import { MemoryAsync } from '../support/memory.js';

class Account {
  @Field() email!: string;
  @Field() events!: string;
}
const log: string[] = [];

@Factory(Account)
@Persist(new MemoryAsync<Account>())
class AccountFactory extends BaseFactory<Account> {
  static afterBuild(account: Account, _info: HookInfo): void {
    account.events = 'built';
  }
  static beforeCreate(): void {
    log.push('beforeCreate');
  }
}

// README block

const account = await AuditedAccountFactory.createAsync();
expect(account.events).to.equal('built, audited');
expect(log).to.deep.equal(['async beforeCreate']);
