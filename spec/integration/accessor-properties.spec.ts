import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, PersistenceException, useMikroOrm } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { Entity, PrimaryKey, Property, Unique } from '../../samples/mikro-orm-major.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

/** A property behind a get/set pair (MikroORM's `accessor` option), the way a user hides a column behind a setter. */
@Entity({ tableName: 'accessor_account' })
@Unique({ properties: ['_code'] as never }) // a private property: MikroORM's types only list public keys
class AccessorAccount {
  @PrimaryKey() id!: number;
  @Property({ accessor: 'email' }) private _email!: string;
  @Property({ nullable: true, accessor: 'nickname' }) private _nickname?: string | null;
  @Property({ accessor: 'code' }) private _code!: string;
  get code(): string {
    return this._code;
  }
  set code(value: string) {
    this._code = value;
  }
  get email(): string {
    return this._email;
  }
  set email(value: string) {
    this._email = value;
  }
  get nickname(): string | null | undefined {
    return this._nickname;
  }
  set nickname(value: string | null | undefined) {
    this._nickname = value;
  }
}

@Factory(AccessorAccount)
class AccountFactory extends BaseFactory<AccessorAccount> {}

describe('MikroORM: properties behind an accessor', function () {
  this.timeout(30_000);
  let db: TestDatabase;

  beforeEach(async () => {
    db = await openTestDatabase({ entities: [AccessorAccount] });
    useMikroOrm(db.orm);
    AccountFactory.setPersistence(new MikroOrmPersistence(db.orm));
  });
  afterEach(async () => {
    AccountFactory.clearPersistence();
    await db.close();
  });

  it('are generated and written, with no field declared', async () => {
    const accounts = await AccountFactory.createBatchAsync(20);
    expect(accounts.every((account) => /@/.test(account.email))).to.equal(true);
    // A nullable field is null now and then (allowNullOptionals): of 20, some must be generated.
    expect(accounts.some((account) => typeof account.nickname === 'string')).to.equal(true);
    const rows = await db.sql<{ email: string; nickname: string | null }>('select email, nickname from accessor_account order by id');
    expect(rows).to.deep.equal(accounts.map((account) => ({ email: account.email, nickname: account.nickname ?? null })));
  });

  it('keep a class-level @Unique naming the property: the accessor field is generated unique', () => {
    expect(AccountFactory.explain().find((row) => row.field === 'code')).to.have.property('unique');
  });

  it('a failed save names the field by its accessor, as the overrides name it', async () => {
    // MikroORM's own message (the cause) names the property; fixtory's sentence names the field.
    await expectRejects(AccountFactory.createAsync({ email: null as never }), PersistenceException, 'refused AccessorAccount.email = null', 'came from the overrides');
  });

  it('take overrides by the accessor name, as em.create does', async () => {
    const account = await AccountFactory.createAsync({ email: 'Ada@Example.ORG', nickname: null });
    expect(account.email).to.equal('Ada@Example.ORG');
    expect(await db.sql('select email, nickname from accessor_account')).to.deep.equal([{ email: 'Ada@Example.ORG', nickname: null }]);
  });
});
