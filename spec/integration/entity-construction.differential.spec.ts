import 'reflect-metadata';
import { expect } from 'chai';
import { Collection, EntitySchema, Reference, ScalarReference, helper, ref, wrap, type EntityManager, type Opt, type Ref, type Rel } from '@mikro-orm/core';
import { BaseFactory, Factory, MikroOrmBulkPersistence, MikroOrmPersistence, registry, useMikroOrm } from 'fixtory';
import { constructWithNew } from '../../lib/mikro-orm/entity-construction.js';
import type { EntityManagerLike } from '../../lib/mikro-orm/orm-types.js';
import { Entity, ManyToMany, ManyToOne, OneToMany, OneToOne, PrimaryKey, Property } from '../../samples/mikro-orm-major.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

// A differential review of `constructWithNew`: wherever fixtory takes the `new` path, the entity
// must be the one em.create(..., { persist: false }) makes from the same values: same properties,
// same collections, same helper state, same rows on flush, nothing on a second flush.

// --- shapes the way users write them ---

@Entity({ tableName: 'diff_plain' })
class DPlain {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @Property() active!: boolean;
  @Property() born!: Date;
  @Property({ nullable: true }) note?: string | null;
  @Property({ type: 'integer' }) rank: number & Opt = 3;
  @Property({ type: 'json', nullable: true }) meta?: Record<string, unknown>;
  @Property({ version: true, type: 'integer' }) version!: number & Opt;
}

@Entity({ tableName: 'diff_tag' })
class DTag {
  @PrimaryKey() id!: number;
  @Property() label!: string;
}

/** Collections declared without an initialiser: em.create makes them (its hydrator), `new` does not. */
@Entity({ tableName: 'diff_author' })
class DAuthor {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @OneToMany(() => DBook, (book) => book.author) books!: Collection<DBook>;
  @ManyToMany(() => DTag) tags!: Collection<DTag>;
}

@Entity({ tableName: 'diff_book' })
class DBook {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @ManyToOne(() => DAuthor) author!: Rel<DAuthor>;
  @ManyToOne(() => DTag, { nullable: true }) genre?: DTag | null;
}

@Entity({ tableName: 'diff_user' })
class DUser {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @OneToOne(() => DProfile, (profile) => profile.user, { nullable: true }) profile?: Rel<DProfile> | null;
}

@Entity({ tableName: 'diff_profile' })
class DProfile {
  @PrimaryKey() id!: number;
  @Property() bio!: string;
  @OneToOne(() => DUser, (user) => user.profile, { owner: true }) user!: Rel<DUser>;
}

/** A lazy scalar behind a ScalarReference: em.create always gives the wrapper, given or not. */
@Entity({ tableName: 'diff_lazy' })
class DLazy {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @Property({ type: 'text', lazy: true, ref: true, nullable: true }) summary?: Ref<string> | null;
}

/** A property MikroORM does not hydrate (a persisted value the entity computes itself). */
@Entity({ tableName: 'diff_shadow' })
class DShadow {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @Property({ hydrate: false, nullable: true }) cached?: string;
}

@Entity({ tableName: 'diff_stamped' })
class DStamped {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @Property({ onCreate: () => new Date('2001-02-03T04:05:06.000Z') }) createdAt!: Date & Opt;
}

/** A runtime default the class does not initialise: MikroORM 7's em.create assigns it (processOnCreateHooksEarly, its default). */
@Entity({ tableName: 'diff_draft' })
class DDraft {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @Property({ default: 'draft' }) status!: string & Opt;
  @Property({ nullable: true }) subtitle?: string | null;
}

@Entity({ tableName: 'diff_vehicle', discriminatorColumn: 'kind', discriminatorValue: 'vehicle' })
class DVehicle {
  @PrimaryKey() id!: number;
  @Property() kind!: string & Opt;
  @Property() plate!: string;
}

@Entity({ discriminatorValue: 'car' })
class DCar extends DVehicle {
  @Property({ nullable: true }) seats?: number;
}

@Entity({ discriminatorValue: 'bike' })
class DBike extends DVehicle {
  @Property({ nullable: true }) gears?: number;
}

/** An EntitySchema class (no decorators, no initialisers), as users of EntitySchema write them. */
class DShelf {
  id!: number;
  label!: string;
  items!: Collection<DShelfItem>;
}
class DShelfItem {
  id!: number;
  name!: string;
  shelf!: DShelf;
}
const DShelfSchema = new EntitySchema<DShelf>({
  class: DShelf,
  tableName: 'diff_shelf',
  properties: {
    id: { type: 'number', primary: true },
    label: { type: 'string' },
    items: { kind: '1:m', entity: () => DShelfItem, mappedBy: 'shelf' },
  },
});
const DShelfItemSchema = new EntitySchema<DShelfItem>({
  class: DShelfItem,
  tableName: 'diff_shelf_item',
  properties: {
    id: { type: 'number', primary: true },
    name: { type: 'string' },
    shelf: { kind: 'm:1', entity: () => DShelf, inversedBy: 'items' },
  },
});

/** A base class every entity extends, as many projects write one (not single-table inheritance). */
abstract class DBase {
  @PrimaryKey() id!: number;
  @Property() createdAt: Date & Opt = new Date('2020-01-01T00:00:00.000Z');
}

@Entity({ tableName: 'diff_article' })
class DArticle extends DBase {
  @Property() headline!: string;
}

/** A property behind an accessor pair (MikroORM 6.4+ `accessor`): em.create reads the accessor's name from the values. */
@Entity({ tableName: 'diff_account' })
class DAccount {
  @PrimaryKey() id!: number;
  @Property({ accessor: 'email' }) private _email!: string;
  get email(): string {
    return this._email;
  }
  set email(value: string) {
    this._email = value.toLowerCase();
  }
}

const entities = [DPlain, DTag, DAuthor, DBook, DUser, DProfile, DLazy, DShadow, DStamped, DVehicle, DCar, DBike, DShelfSchema, DShelfItemSchema, DArticle, DAccount, DDraft];

// --- what is compared ---

function describeValue(value: unknown): unknown {
  if (value === undefined) return 'undefined';
  if (value instanceof Collection) return { collection: true, initialized: value.isInitialized(), dirty: value.isDirty(), items: value.isInitialized() ? value.count() : '?' };
  if (value instanceof ScalarReference) return { scalarReference: value.unwrap() ?? null };
  if (Reference.isReference(value)) return { reference: (value.unwrap() as object).constructor.name };
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && helper(value as object)?.__meta) return { entity: value.constructor.name };
  return value;
}

/** What a user (and MikroORM) can observe of an entity right after it is made (its loaded properties are compared on their own). */
function state(entity: object): Record<string, unknown> {
  const wrapped = helper(entity) as unknown as Record<string, any>;
  const meta = wrapped.__meta;
  const out: Record<string, unknown> = {
    class: entity.constructor.name,
    ownKeys: Object.keys(entity).sort(),
    // MikroORM 7's helper has no __touched (and reads none): constructWithNew's `__touched = false` there is a spare field.
    touched: wrapped.__touched ?? false,
    initialized: wrapped.__initialized,
    managed: !!wrapped.__managed,
    em: !!wrapped.__em,
    // em.create records the configured schema ('public' on PostgreSQL), new leaves none: a flush (and
    // the bulk handler) reads none as the configured one, so only another schema is a difference.
    schema: wrapped.__schema ?? (entity as unknown as { __config: { get(key: 'schema'): unknown } }).__config.get('schema'),
    originalEntityData: wrapped.__originalEntityData,
  };
  for (const prop of meta.props) out[`.${prop.name}`] = describeValue((entity as Record<string, unknown>)[prop.name]);
  return out;
}

function metaOf(em: EntityManager, entity: Function | EntitySchema) {
  return em.getMetadata().get(entity instanceof EntitySchema ? entity.meta.className : entity.name);
}

/** How fixtory makes an entity (lib/mikro-orm/entity-adapter.ts): with new where it judges that the same, else em.create. */
function fixtoryPath(em: EntityManager, meta: ReturnType<typeof metaOf>, values: Record<string, unknown>): object {
  return constructWithNew(meta, em as unknown as EntityManagerLike, values) ?? (em.create(meta.class as never, values as never, { persist: false }) as object);
}

/** Both ways from the same values: em.create, and fixtory's path (`takesNew`: which must be new, for the shapes it is meant for). */
function both<T extends object>(em: EntityManager, entity: (new () => T) | EntitySchema<T>, values: () => Record<string, unknown>, takesNew = false): { created: T; constructed: T } {
  const meta = metaOf(em, entity);
  const created = em.create(meta.class as never, values() as never, { persist: false }) as T;
  const viaNew = constructWithNew(meta, em as unknown as EntityManagerLike, values()) as T | undefined;
  if (takesNew) expect(viaNew, 'fixtory builds this one with new').to.not.equal(undefined);
  return { created, constructed: viaNew ?? (em.create(meta.class as never, values() as never, { persist: false }) as T) };
}

const noise = /^(begin|commit|rollback|savepoint|release)/i;
function statements(queries: string[]): string[] {
  return queries.filter((q) => !noise.test(q)).map((q) => q.replace(/\s*\[took .*$/, '').replace(/\b\d+\b/g, 'N'));
}

describe('MikroORM: entities made with new, against em.create (differential)', () => {
  let db: TestDatabase;
  const factories: (abstract new () => object)[] = [];

  before(async function () {
    this.timeout(60000);
    db = await openTestDatabase({ entities });
    useMikroOrm(db.orm);
  });
  after(async () => {
    for (const factory of factories) registry.unregister(factory);
    await db?.close();
  });

  /** persist + flush, then a second flush: the statements of each, and the entity's state after the first. */
  async function flushed(make: (em: EntityManager) => object): Promise<{ first: string[]; second: string[]; after: Record<string, unknown> }> {
    const em = db.orm.em.fork() as unknown as EntityManager;
    const entity = make(em);
    em.persist(entity);
    db.queries.length = 0;
    await em.flush();
    const first = statements(db.queries);
    const after = state(entity);
    db.queries.length = 0;
    await em.flush();
    return { first, second: statements(db.queries), after };
  }

  async function sameFlush(entity: Function | EntitySchema, values: (em: EntityManager) => Record<string, unknown>): Promise<void> {
    const viaCreate = await flushed((em) => em.create(metaOf(em, entity).class as never, values(em) as never, { persist: false }) as object);
    const viaNew = await flushed((em) => fixtoryPath(em, metaOf(em, entity), values(em)));
    expect(viaNew.first, 'statements of the first flush').to.deep.equal(viaCreate.first);
    expect(viaNew.second, 'statements of the second flush').to.deep.equal(viaCreate.second);
    expect(viaNew.second).to.deep.equal([]);
    const ignoreIds = (s: Record<string, unknown>) => ({ ...s, '.id': typeof s['.id'], originalEntityData: Object.keys((s.originalEntityData as object) ?? {}).sort() });
    expect(ignoreIds(viaNew.after), 'state after the flush').to.deep.equal(ignoreIds(viaCreate.after));
  }

  describe('shapes where the two agree', () => {
    it('a plain entity: scalars, a boolean, a date, null, json, an initialiser, a version', async () => {
      const values = () => ({ name: 'Ann', active: true, born: new Date('1990-01-01T00:00:00.000Z'), note: null, meta: { a: 1 } });
      const em = db.orm.em.fork() as unknown as EntityManager;
      const { created, constructed } = both(em, DPlain, values, true);
      expect(state(constructed)).to.deep.equal(state(created));
      expect(wrap(constructed).toObject()).to.deep.equal(wrap(created).toObject());
      await sameFlush(DPlain, values);
    });

    it('an entity extending a plain base class: the same entity, rows and snapshot', async () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const values = () => ({ headline: 'h', createdAt: new Date('2021-01-01T00:00:00.000Z') });
      const { created, constructed } = both(em, DArticle, values, true);
      expect(state(constructed)).to.deep.equal(state(created));
      await sameFlush(DArticle, values);
    });

    it('a many-to-one to an entity with an initialised inverse side', async () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const author = em.create(DAuthor, { name: 'A' }, { persist: false });
      const { created, constructed } = both(em, DBook, () => ({ title: 'T', author }), true);
      expect(state(constructed)).to.deep.equal(state(created));
      expect(author.books.getItems()).to.deep.equal([created, constructed]);
    });

    it('a one-to-one given from its owning side', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const userA = em.create(DUser, { name: 'a' }, { persist: false });
      const userB = em.create(DUser, { name: 'b' }, { persist: false });
      const created = em.create(DProfile, { bio: 'x', user: userA }, { persist: false });
      const constructed = constructWithNew(metaOf(em, DProfile), em as unknown as EntityManagerLike, { bio: 'x', user: userB }) as DProfile;
      expect(constructed, 'fixtory builds this one with new').to.not.equal(undefined);
      expect(state(constructed)).to.deep.equal(state(created));
      expect(userA.profile).to.equal(created);
      expect(userB.profile).to.equal(constructed);
    });
    it('a many-to-one to an entity another EntityManager manages: the same entity, and the same statements', async () => {
      const other = db.orm.em.fork() as unknown as EntityManager;
      const [authorA, authorB] = [other.create(DAuthor, { name: 'a', books: [] }), other.create(DAuthor, { name: 'b', books: [] })];
      await other.flush();
      const write = async (make: (em: EntityManager, author: DAuthor) => object, author: DAuthor) => {
        const em = db.orm.em.fork() as unknown as EntityManager;
        const book = make(em, author);
        const made = state(book);
        em.persist(book);
        db.queries.length = 0;
        await em.flush();
        return { made, statements: statements(db.queries) };
      };
      const viaCreate = await write((em, author) => em.create(DBook, { title: 'T', author }, { persist: false }), authorA);
      const viaNew = await write((em, author) => constructWithNew(metaOf(em, DBook), em as unknown as EntityManagerLike, { title: 'T', author })!, authorB);
      expect(viaNew).to.deep.equal(viaCreate);
    });

    it('an onInit subscriber (registered last, for one class): fixtory’s entity gets it as em.create’s does', () => {
      db.orm.em.getEventManager().registerSubscriber({
        getSubscribedEntities: () => [DArticle],
        onInit: (args: { entity: object }) => void ((args.entity as { initSeen?: boolean }).initSeen = true),
      } as never);
      const em = db.orm.em.fork() as unknown as EntityManager;
      const { created, constructed } = both(em, DArticle, () => ({ headline: 'h' }));
      expect((constructed as { initSeen?: boolean }).initSeen).to.equal((created as { initSeen?: boolean }).initSeen);
      expect((created as { initSeen?: boolean }).initSeen).to.equal(true);
    });
  });

  describe('shapes where new alone would diverge from em.create (fixtory must agree with em.create)', () => {
    it('a one-to-many collection the class does not initialise: em.create makes it, new leaves it undefined', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const { created, constructed } = both(em, DAuthor, () => ({ name: 'A' }));
      expect(describeValue(created.books)).to.deep.equal({ collection: true, initialized: true, dirty: false, items: 0 });
      expect(state(constructed)).to.deep.equal(state(created));
    });

    it('a collection the class does not initialise misses the book given the author (the inverse side is not filled)', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const { created, constructed } = both(em, DAuthor, () => ({ name: 'A' }));
      const bookA = em.create(DBook, { title: 'a', author: created }, { persist: false });
      const bookB = em.create(DBook, { title: 'b', author: constructed }, { persist: false });
      expect(created.books.getItems()).to.deep.equal([bookA]);
      expect(constructed.books?.getItems()).to.deep.equal([bookB]);
    });

    it('an EntitySchema class without collection initialisers: the collection is missing', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const { created, constructed } = both(em, DShelfSchema, () => ({ label: 'L' }));
      expect(state(constructed)).to.deep.equal(state(created));
    });

    it('a Ref given for a plain (non-ref) many-to-one: em.create unwraps it, new stores the Reference', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const author = em.create(DAuthor, { name: 'A', books: [] }, { persist: false });
      const tag = em.create(DTag, { label: 't' }, { persist: false });
      const { created, constructed } = both(em, DBook, () => ({ title: 'T', author: ref(author), genre: ref(tag) }));
      expect(created.author).to.equal(author);
      expect(state(constructed)).to.deep.equal(state(created));
    });

    it('a lazy scalar Ref not given: em.create makes an empty ScalarReference, new leaves undefined', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const { created, constructed } = both(em, DLazy, () => ({ name: 'n' }));
      expect(created.summary).to.be.instanceOf(ScalarReference);
      expect(state(constructed)).to.deep.equal(state(created));
    });

    it('a hydrate: false property given a value: em.create leaves it out, new assigns it', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const { created, constructed } = both(em, DShadow, () => ({ name: 'n', cached: 'c' }));
      expect(state(constructed)).to.deep.equal(state(created));
    });

    it('__loadedProperties: em.create records the given keys, new records none (no query of em.findOne or em.populate differs for it: helper state only)', async () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const { created, constructed } = both(em, DPlain, () => ({ name: 'n', active: false, born: new Date(0) }));
      expect([...helper(constructed).__loadedProperties].sort()).to.deep.equal([...helper(created).__loadedProperties].sort());
    });

    it('a property behind an accessor, given by its property name: em.create drops it, new assigns it', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const { created, constructed } = both(em, DAccount, () => ({ _email: 'A@x.org' }));
      expect(state(constructed)).to.deep.equal(state(created));
    });

    it('the bulk handler records the same snapshot as a flush (later changes write the same UPDATE)', async () => {
      const save = async (handler: 'bulk' | 'flush') => {
        const em = db.orm.em.fork() as unknown as EntityManager;
        const entity = fixtoryPath(em, metaOf(em, DPlain), { name: 'n', active: true, born: new Date(0), meta: { a: 1 } }) as DPlain;
        if (handler === 'bulk') await new MikroOrmBulkPersistence(em as never).saveMany([entity]);
        else await em.persist(entity).flush();
        const snapshot = { ...(helper(entity).__originalEntityData as Record<string, unknown>), id: typeof entity.id };
        const other = db.orm.em.fork() as unknown as EntityManager;
        other.persist(entity);
        entity.name = 'changed';
        db.queries.length = 0;
        await other.flush();
        return { snapshot, update: statements(db.queries) };
      };
      const viaFlush = await save('flush');
      const viaBulk = await save('bulk');
      expect(viaBulk).to.deep.equal(viaFlush);
    });

    it('processOnCreateHooksEarly: em.create runs onCreate at creation, new does not', () => {
      const config = db.orm.config as unknown as { get(k: string): unknown; set(k: string, v: unknown): void };
      const before = config.get('processOnCreateHooksEarly');
      config.set('processOnCreateHooksEarly', true);
      try {
        const em = db.orm.em.fork() as unknown as EntityManager;
        const { created, constructed } = both(em, DStamped, () => ({ name: 'n' }));
        expect(created.createdAt).to.be.instanceOf(Date);
        expect(state(constructed)).to.deep.equal(state(created));
      } finally {
        config.set('processOnCreateHooksEarly', before);
      }
    });

    it('processOnCreateHooksEarly (MikroORM 7’s default): em.create assigns a runtime default and onCreate over a given null', () => {
      const config = db.orm.config as unknown as { get(k: string): unknown; set(k: string, v: unknown): void };
      const before = config.get('processOnCreateHooksEarly');
      config.set('processOnCreateHooksEarly', true);
      try {
        const em = db.orm.em.fork() as unknown as EntityManager;
        const drafts = both(em, DDraft, () => ({ title: 't' }));
        expect(state(drafts.constructed)).to.deep.equal(state(drafts.created));
        const stamped = both(em, DStamped, () => ({ name: 'n', createdAt: null }));
        expect(state(stamped.constructed)).to.deep.equal(state(stamped.created));
      } finally {
        config.set('processOnCreateHooksEarly', before);
      }
    });

    it('initNullableProperties (MikroORM 7): em.create makes an unset nullable property null', () => {
      const config = db.orm.config as unknown as { get(k: string): unknown; set(k: string, v: unknown): void };
      const before = [config.get('processOnCreateHooksEarly'), config.get('initNullableProperties')];
      config.set('processOnCreateHooksEarly', true);
      config.set('initNullableProperties', true);
      try {
        const em = db.orm.em.fork() as unknown as EntityManager;
        const { created, constructed } = both(em, DDraft, () => ({ title: 't', status: 'x' }));
        expect(state(constructed)).to.deep.equal(state(created));
      } finally {
        config.set('processOnCreateHooksEarly', before[0]);
        config.set('initNullableProperties', before[1]);
      }
    });

    it('a single-table subclass without its discriminator: the same entity (MikroORM 7’s em.create fills it in)', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const { created, constructed } = both(em, DCar, () => ({ plate: 'p' }));
      expect(state(constructed)).to.deep.equal(state(created));
    });

    it('an EntityManager with a schema: em.create records it on the entity, new does not', () => {
      const em = db.orm.em.fork({ schema: 'tenant_x' }) as unknown as EntityManager;
      const { created, constructed } = both(em, DPlain, () => ({ name: 'n', active: false, born: new Date(0) }));
      expect(helper(created).__schema).to.equal('tenant_x');
      expect(helper(constructed).__schema).to.equal('tenant_x');
    });

    it('a single-table subclass given another subclass’s discriminator: em.create builds that class', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const meta = metaOf(em, DCar);
      const created = em.create(DCar, { plate: 'p', kind: 'bike' } as never, { persist: false });
      const constructed = fixtoryPath(em, meta, { plate: 'p', kind: 'bike' });
      expect(created.constructor.name).to.equal('DBike');
      expect(constructed.constructor.name).to.equal('DBike');
    });

    it('a one-to-one given an uninitialised reference on the owning side: em.create points the reference back', () => {
      const em = db.orm.em.fork() as unknown as EntityManager;
      const userA = em.getReference(DUser, 101);
      const userB = em.getReference(DUser, 102);
      const created = em.create(DProfile, { bio: 'x', user: userA }, { persist: false });
      const constructed = fixtoryPath(em, metaOf(em, DProfile), { bio: 'x', user: userB });
      expect(userA.profile).to.equal(created);
      expect(userB.profile).to.equal(constructed);
    });
  });

  describe('what the divergent shapes write', () => {
    it('an author whose collections the class does not initialise: the same statements, and nothing on a second flush', async () => {
      await sameFlush(DAuthor, () => ({ name: 'A' }));
    });

    it('a book given Refs for plain many-to-ones: the same statements', async () => {
      await sameFlush(DBook, (em) => ({ title: 'T', author: ref(em.create(DAuthor, { name: 'A', books: [] }, { persist: false })) }));
    });

    it('a hydrate: false property given a value: the same row (em.create writes no value for it)', async () => {
      await sameFlush(DShadow, () => ({ name: 'n', cached: 'c' }));
    });

    it('a lazy scalar Ref not given: the same statements and state after the flush', async () => {
      await sameFlush(DLazy, () => ({ name: 'n' }));
    });

    it('em.findOne of a flushed entity answers from the identity map as for one em.create made', async () => {
      const count = async (make: (em: EntityManager) => DPlain) => {
        const em = db.orm.em.fork() as unknown as EntityManager;
        const entity = make(em);
        await em.persist(entity).flush();
        db.queries.length = 0;
        await em.findOne(DPlain, entity.id);
        return statements(db.queries).length;
      };
      const values = () => ({ name: 'n', active: true, born: new Date(0), note: 'x', meta: {} });
      const viaCreate = await count((em) => em.create(DPlain, values(), { persist: false }));
      const viaNew = await count((em) => fixtoryPath(em, metaOf(em, DPlain), values()) as DPlain);
      expect(viaNew).to.equal(viaCreate);
    });

    it('em.populate of a flushed book’s author: as many queries as for one em.create made', async () => {
      const count = async (make: (em: EntityManager, author: DAuthor) => DBook) => {
        const em = db.orm.em.fork() as unknown as EntityManager;
        const author = em.create(DAuthor, { name: 'A', books: [] }, { persist: false });
        const book = make(em, author);
        await em.persist(book).flush();
        db.queries.length = 0;
        await em.populate(book, ['author', 'author.books']);
        await em.findOne(DBook, book.id, { populate: ['author'] });
        return statements(db.queries);
      };
      const viaCreate = await count((em, author) => em.create(DBook, { title: 't', author }, { persist: false }));
      const viaNew = await count((em, author) => fixtoryPath(em, metaOf(em, DBook), { title: 't', author }) as DBook);
      expect(viaNew).to.deep.equal(viaCreate);
    });

    it('the bulk handler on an EntityManager with a schema writes its rows into that schema (PostgreSQL)', async function () {
      if (db.database !== 'postgresql') this.skip();
      await db.sql('create schema if not exists diff_tenant');
      await db.sql('create table if not exists diff_tenant.diff_tag (like public.diff_tag including all)');
      @Factory(DTag)
      class Tags extends BaseFactory<DTag> {}
      factories.push(Tags);
      Tags.setPersistence(new MikroOrmBulkPersistence(db.orm.em.fork({ schema: 'diff_tenant' })));
      try {
        await Tags.createBatchAsync(2, { label: 'tenant' });
        const inTenant = await db.numbers("select count(*) as n from diff_tenant.diff_tag where label = 'tenant'");
        const inPublic = await db.numbers("select count(*) as n from public.diff_tag where label = 'tenant'");
        expect({ tenant: inTenant[0]!.n, public: inPublic[0]!.n }).to.deep.equal({ tenant: 2, public: 0 });
      } finally {
        Tags.clearPersistence();
        registry.unregister(Tags);
        await db.sql('drop schema diff_tenant cascade');
      }
    });
  });

  describe('through the public API', () => {
    let AuthorFactory: typeof BaseFactory<DAuthor> & (new () => BaseFactory<DAuthor>);
    let BookFactory: typeof BaseFactory<DBook> & (new () => BaseFactory<DBook>);
    let LazyFactory: typeof BaseFactory<DLazy> & (new () => BaseFactory<DLazy>);
    before(() => {
      @Factory(DAuthor)
      class Authors extends BaseFactory<DAuthor> {}
      @Factory(DBook)
      class Books extends BaseFactory<DBook> {}
      @Factory(DLazy)
      class Lazies extends BaseFactory<DLazy> {}
      [AuthorFactory, BookFactory, LazyFactory] = [Authors, Books, Lazies];
      factories.push(Authors, Books, Lazies);
    });

    it('build(): an author without a collection initialiser has its books collection, holding the book built for it', () => {
      const author = AuthorFactory.build();
      expect(author.books, 'books').to.be.instanceOf(Collection);
      const book = BookFactory.build({ author });
      expect(author.books.getItems()).to.deep.equal([book]);
    });

    it('createAsync (MikroOrmPersistence): the saved author’s books collection is initialised (readable) and a second flush writes nothing', async () => {
      const em = db.orm.em.fork();
      AuthorFactory.setPersistence(new MikroOrmPersistence(em));
      try {
        const author = await AuthorFactory.createAsync();
        expect(author.books, 'books').to.be.instanceOf(Collection);
        expect(author.books.isInitialized(), 'books initialised').to.equal(true);
        expect(author.books.getItems()).to.deep.equal([]);
        db.queries.length = 0;
        await em.flush();
        expect(statements(db.queries)).to.deep.equal([]);
      } finally {
        AuthorFactory.clearPersistence();
      }
    });

    it('createBatchAsync (MikroOrmBulkPersistence): authors without collection initialisers come back with readable, empty collections', async () => {
      AuthorFactory.setPersistence(new MikroOrmBulkPersistence(db.orm));
      try {
        const authors = await AuthorFactory.createBatchAsync(3);
        expect(authors.map((a) => (a.books instanceof Collection ? a.books.getItems().length : 'no collection'))).to.deep.equal([0, 0, 0]);
        expect(authors.map((a) => (a.tags instanceof Collection ? a.tags.getItems().length : 'no collection'))).to.deep.equal([0, 0, 0]);
      } finally {
        AuthorFactory.clearPersistence();
      }
    });

    it('seedRows (MikroOrmPersistence): the EntitySchema shelves are written, each with a readable items collection', async () => {
      @Factory(DShelfSchema)
      class Shelves extends BaseFactory<DShelf> {}
      factories.push(Shelves);
      Shelves.setPersistence(new MikroOrmPersistence(db.orm));
      const before = (await db.numbers('select count(*) as n from diff_shelf'))[0]!.n;
      const summary = await Shelves.seedRows(5, { chunk: 2 });
      expect(summary).to.include({ created: 5 });
      expect((await db.numbers('select count(*) as n from diff_shelf'))[0]!.n - before).to.equal(5);
      const shelf = Shelves.build();
      expect(shelf.items instanceof Collection && shelf.items.isInitialized()).to.equal(true);
    });

    it('createBatchAsync (MikroOrmBulkPersistence): lazy scalar refs are ScalarReferences, as em.create makes them', async () => {
      LazyFactory.setPersistence(new MikroOrmBulkPersistence(db.orm));
      try {
        const [lazy] = await LazyFactory.createBatchAsync(1, { summary: undefined });
        expect(lazy!.summary).to.be.instanceOf(ScalarReference);
      } finally {
        LazyFactory.clearPersistence();
      }
    });
  });
});
