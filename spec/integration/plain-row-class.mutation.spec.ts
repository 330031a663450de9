import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { Collection, MikroORM, PrimaryKeyProp, type EntityMetadata, type Opt, type Options, type Rel } from '@mikro-orm/core';
import { ConfigurationException } from 'fixtory';
import { isRow, makeRow, rowMetaOf, rowSettings, type RowSettings } from '../../lib/mikro-orm/plain-row-class.js';
import { Embeddable, Embedded, Entity, ManyToOne, metadataProvider, OneToMany, PrimaryKey, Property } from '../../samples/mikro-orm-major.js';
import { driverOf } from './support/databases.js';

// makeRow, class by class: which entity classes a plain row may stand for (and the reason given
// for the others), and what a row holds. The integration specs (plain-rows*.spec.ts) compare rows
// written with the entity path's; these pin each decision on its own.

@Entity({ tableName: 'prc_plain' })
class PrcPlain {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @Property() active!: boolean;
  @Property() at!: Date;
  @Property({ persist: false }) get shout(): string {
    return this.name.toUpperCase();
  }
  greet(): string {
    return `hello ${this.name}`;
  }
}

let made = 0;
@Entity({ tableName: 'prc_counted' })
class PrcCounted {
  @PrimaryKey() id!: number;
  @Property() code: string = `C${++made}`;
  @Property({ onCreate: () => 'made' }) origin!: string & Opt;
  @Property({ onCreate: (row: PrcCounted) => `${row.code}!` }) echo!: string & Opt;
  @OneToMany(() => PrcChild, (child) => child.parent) children = new Collection<PrcChild>(this);
}

@Entity({ tableName: 'prc_child' })
class PrcChild {
  @PrimaryKey() id!: number;
  @ManyToOne(() => PrcCounted) parent!: Rel<PrcCounted>;
}

@Entity({ tableName: 'prc_ctor' })
class PrcCtor {
  @PrimaryKey() id!: number;
  @Property() name: string;
  constructor(name: string) {
    this.name = name;
  }
}

@Entity({ tableName: 'prc_pair' })
class PrcPair {
  @PrimaryKey() a!: number;
  @PrimaryKey() b!: number;
  [PrimaryKeyProp]?: ['a', 'b'];
}

@Entity({ tableName: 'prc_to_pair' })
class PrcToPair {
  @PrimaryKey() id!: number;
  @ManyToOne(() => PrcPair) pair!: Rel<PrcPair>;
}

@Entity({ tableName: 'prc_mapped' })
class PrcMapped {
  @PrimaryKey() id!: number;
  @ManyToOne(() => PrcPlain, { mapToPk: true }) plain!: number;
}

@Entity({ tableName: 'prc_setter' })
class PrcSetter {
  @PrimaryKey() id!: number;
  @Property() hash!: string;
  @Property({ persist: false }) set password(value: string) {
    this.hash = `h:${value}`;
  }
}

@Entity({ tableName: 'prc_accessor' })
class PrcAccessor {
  @PrimaryKey() id!: number;
  @Property({ accessor: 'email' }) private _email!: string;
  get email(): string {
    return this._email;
  }
  set email(value: string) {
    this._email = value.toLowerCase();
  }
}

@Embeddable()
class PrcCourier {
  @Property() method!: string;
  @ManyToOne(() => PrcPlain) by!: Rel<PrcPlain>;
}

@Entity({ tableName: 'prc_parcel' })
class PrcParcel {
  @PrimaryKey() id!: number;
  @Embedded(() => PrcCourier) courier!: PrcCourier;
}

@Entity({ tableName: 'prc_lazy' })
class PrcLazy {
  @PrimaryKey() id!: number;
  @Property({ ref: true, lazy: true, type: 'text' }) body!: unknown;
}

const entities = [PrcPlain, PrcCounted, PrcChild, PrcCtor, PrcPair, PrcToPair, PrcMapped, PrcSetter, PrcAccessor, PrcCourier, PrcParcel, PrcLazy];

describe('plain rows, class by class (makeRow)', () => {
  let orm: MikroORM;
  let dir: string;
  const meta = (cls: Function) => orm.getMetadata().find(cls.name) as EntityMetadata;
  const late: RowSettings = { forceUndefined: false, em: undefined };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fixtory-prc-'));
    orm = await MikroORM.init({ driver: await driverOf('sqlite'), dbName: join(dir, 'prc.sqlite'), entities, metadataProvider } as Options);
  });
  after(async () => {
    await orm?.close(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a row holds the values, the class getters and methods, and knows its class; it is no entity and no plain object', () => {
    const at = new Date('2030-01-02T03:04:05.000Z');
    const row = makeRow(meta(PrcPlain), 'PlainFactory', { name: 'ada', active: true, at, missing: undefined }, late) as Record<string, unknown> & PrcPlain;
    expect(isRow(row)).to.equal(true);
    expect(rowMetaOf(row)).to.equal(meta(PrcPlain));
    expect({ ...row }).to.deep.equal({ name: 'ada', active: true, at });
    expect(Object.hasOwn(row, 'missing')).to.equal(false);
    expect(row.shout).to.equal('ADA');
    expect(row.greet()).to.equal('hello ada');
    expect(row instanceof PrcPlain).to.equal(false); // README, "Plain rows": a row is not an instance of the class
    expect(row.constructor).to.equal(PrcPlain);
    expect(Object.getPrototypeOf(row)).to.not.equal(Object.prototype);
    // MikroORM's members of the entity prototype are not a row's.
    expect('__helper' in row).to.equal(false);
    expect(isRow({})).to.equal(false);
    expect(rowMetaOf({})).to.equal(undefined);
  });

  it('initialisers run once per row, on a fresh instance; given values win; collections start as empty arrays', () => {
    made = 0;
    const first = makeRow(meta(PrcCounted), 'F', {}, late) as Record<string, unknown>;
    const second = makeRow(meta(PrcCounted), 'F', { code: 'given' }, late) as Record<string, unknown>;
    expect(first['code']).to.equal('C2'); // the class probe counted 1
    expect(second['code']).to.equal('given');
    expect(made).to.equal(3);
    expect(first['children']).to.deep.equal([]);
    expect(first['origin']).to.equal(undefined); // onCreate waits for the insert
  });

  it('onCreate runs at creation when the ORM runs it early, reading the row', () => {
    // MikroORM's own EntityFactory (assignDefaultValues is private in its types), as rowSettings finds it.
    const early = orm.em.fork().getEntityFactory() as unknown as NonNullable<RowSettings['early']>;
    const row = makeRow(meta(PrcCounted), 'F', { code: 'x' }, { forceUndefined: false, early, em: undefined }) as Record<string, unknown>;
    expect(row['origin']).to.equal('made');
    expect(row['echo']).to.equal('x!');
  });

  it('forceUndefined: a null value counts as not given', () => {
    const kept = makeRow(meta(PrcPlain), 'F', { name: null }, late) as Record<string, unknown>;
    const dropped = makeRow(meta(PrcPlain), 'F', { name: null }, { ...late, forceUndefined: true }) as Record<string, unknown>;
    expect(kept['name']).to.equal(null);
    expect(dropped['name']).to.equal(undefined);
  });

  it('refuses dates and booleans em.create would convert, naming the factory, the field and what it takes', () => {
    expect(() => makeRow(meta(PrcPlain), 'PlainFactory', { at: '2030-01-02' }, late)).to.throw(ConfigurationException, /PlainFactory cannot write PrcPlain\.at .*a Date/);
    expect(() => makeRow(meta(PrcPlain), 'PlainFactory', { active: 1 }, late)).to.throw(ConfigurationException, /PrcPlain\.active .*true or false/);
    expect(() => makeRow(meta(PrcPlain), 'PlainFactory', { at: null, active: null }, late)).to.not.throw();
  });

  const refusals: [Function, RegExp][] = [
    [PrcCtor, /its constructor takes parameters/],
    [PrcPair, /its primary key is not one scalar column/],
    [PrcToPair, /pair points at PrcPair, whose key is not one scalar column/],
    [PrcMapped, /plain maps its relation to a key \(mapToPk\)/],
    [PrcSetter, /password is a setter that fills other properties/],
    [PrcAccessor, /is behind an accessor/],
    [PrcParcel, /courier embeds a relation/],
    [PrcLazy, /body is a lazy scalar reference/],
    [PrcCourier, /it is not a table/],
  ];
  for (const [cls, reason] of refusals) {
    it(`refuses ${cls.name}, saying why and how to seed it instead`, () => {
      expect(() => makeRow(meta(cls), 'SomeFactory', {}, late)).to.throw(ConfigurationException, new RegExp(`SomeFactory cannot build ${cls.name} as a plain row .*${reason.source}.*Seed without plain: true`));
    });
  }

  it('refuses rows when early onCreate hooks are on and the MikroORM has nothing to run them with (never guessed)', () => {
    const config = { get: (key: string) => key === 'processOnCreateHooksEarly' };
    const settings = rowSettings({ config });
    expect(settings.earlyUnsupported).to.equal(true);
    expect(() => makeRow(meta(PrcPlain), 'PlainFactory', { name: 'ada' }, settings)).to.throw(ConfigurationException, /PlainFactory cannot build PrcPlain .*processOnCreateHooksEarly/);
    expect(rowSettings({ config: { get: () => false } }).earlyUnsupported).to.equal(false);
  });

  it('reads the settings once per EntityManager', () => {
    const em = orm.em.fork();
    const settings = rowSettings(em);
    expect(settings.forceUndefined).to.equal(false);
    expect(settings.early === undefined).to.equal(!orm.config.get('processOnCreateHooksEarly'));
    expect(settings.em).to.equal(em);
    expect(rowSettings(em)).to.equal(settings);
  });
});
