import type { EntityManagerLike } from './orm-types.js';

/*
 * MikroORM keeps both sides of a relation in step: building a book for an existing author adds the
 * book to `author.books` at once, a new author given `books: [existingBook]` takes the book from its
 * old author, a new passport for a citizen takes the citizen's old passport away. The existing
 * entities are managed, so from then on *any* flush would write those changes and cascade to the
 * new entities — another call's flush, or the user's next flush after this call failed.
 *
 * A CallGraph therefore records the relation state of every existing ("outside") entity a create
 * call's values point at, before MikroORM links them. When the call has been built it takes the
 * difference out again (the outside entities look as before), puts it back right before the call's
 * own flush, and takes it out for good if the call fails.
 */

interface CollectionLike {
  isInitialized(): boolean;
  getItems(check?: boolean): object[];
  contains(item: object, check?: boolean): boolean;
  // MikroORM 6 and 7 both have these; 7 keeps the items in private fields, so only methods reach them.
  isDirty(): boolean;
  setDirty(dirty: boolean): void;
  addWithoutPropagation(item: object): void;
  removeWithoutPropagation(item: object): void;
}

interface RelationMeta {
  name: string;
  inversedBy?: string;
  mappedBy?: string;
}

/** An outside entity's relations: raw reference values and the items of initialised collections. */
interface EntityState {
  references: Map<string, unknown>;
  collections: Map<string, { items: object[]; dirty: boolean }>;
}

/** What the call changed on one outside entity. */
interface EntityChange {
  references: Map<string, { before: unknown; after: unknown }>;
  collections: Map<string, { added: object[]; removed: object[]; dirtyBefore: boolean }>;
}

function isCollection(value: unknown): value is CollectionLike {
  const candidate = value as Partial<CollectionLike> | null;
  return typeof candidate?.isInitialized === 'function' && typeof candidate.getItems === 'function' && typeof candidate.contains === 'function';
}

function unwrap(value: unknown): unknown {
  const reference = value as { unwrap?: () => unknown } | null;
  return typeof reference?.unwrap === 'function' ? reference.unwrap() : value;
}

/** The raw relation values of an entity, read and written past MikroORM's accessors so nothing propagates. */
function rawData(entity: object): Record<string, unknown> | undefined {
  return (entity as { __helper?: { __data?: Record<string, unknown> } }).__helper?.__data;
}

function isEntity(value: unknown): value is object {
  return value !== null && typeof value === 'object' && rawData(value) !== undefined;
}

/** Entities a value holds: itself, the entity a Reference wraps, or those of an array. */
function entitiesIn(value: unknown): object[] {
  if (Array.isArray(value)) return value.flatMap(entitiesIn);
  const target = unwrap(value);
  return isEntity(target) ? [target] : [];
}

/** Replaces a collection's items, in order, without propagating to either side. */
function setItems(collection: CollectionLike, items: object[], dirty: boolean): void {
  for (const item of collection.getItems(false)) collection.removeWithoutPropagation(item);
  for (const item of items) collection.addWithoutPropagation(item);
  collection.setDirty(dirty);
}

export class CallGraph {
  /** The entities built for the call. */
  readonly entities = new Set<object>();
  /** Outside entities, as they were before the call touched them. */
  private readonly before = new Map<object, EntityState>();
  /** What the call changed on them, once known; `attached` says whether it is in place. */
  private changes?: Map<object, EntityChange>;
  private attached = true;

  constructor(readonly em: EntityManagerLike) {}

  /** Whether the call's entities point at entities outside it (its save must not overlap another's). */
  get reachesOutside(): boolean {
    return this.before.size > 0;
  }

  /** Called before MikroORM creates an entity of the call from `values`: remembers the outside entities they point at. */
  prepare(values: Readonly<Record<string, unknown>>, attachLater: readonly unknown[] = []): void {
    for (const key in values) this.rememberOutside(values[key]);
    for (const value of attachLater) this.rememberOutside(value);
  }

  private rememberOutside(value: unknown): void {
    if (value === null || typeof value !== 'object') return; // most values: scalars, nothing to remember
    for (const entity of entitiesIn(value)) {
      if (this.entities.has(entity) || this.before.has(entity)) continue;
      this.remember(entity);
      // MikroORM also changes an outside entity's own partners (an old parent, an old one-to-one partner).
      for (const relation of this.relationsOf(entity)) {
        const partner = unwrap(rawData(entity)?.[relation.name]);
        if (isEntity(partner) && !this.entities.has(partner) && !this.before.has(partner)) this.remember(partner);
      }
    }
  }

  /** Records an entity built for the call. */
  add(entity: object): void {
    this.entities.add(entity);
  }

  /** The call is built: outside entities go back to how they were until the call's own save. */
  built(): void {
    this.changes = this.diff();
    this.apply(false);
  }

  /** Puts the call's changes to outside entities back: right before the call's own flush. */
  attach(): void {
    this.changes ??= this.diff();
    this.apply(true);
  }

  /**
   * The EntityManagers of the outside entities the call's values pointed at. MikroORM 7 persists an
   * entity added to a one-to-many collection into the EntityManager of the collection's items, which
   * may be one of these rather than the call's.
   */
  outsideEntityManagers(): Set<EntityManagerLike> {
    const managers = new Set<EntityManagerLike>();
    for (const entity of this.before.keys()) {
      const em = (entity as { __helper?: { __em?: EntityManagerLike } }).__helper?.__em;
      if (em) managers.add(em);
    }
    return managers;
  }

  /** Takes the call's changes to outside entities out, for good: the call failed. */
  detach(): void {
    this.changes ??= this.diff();
    this.apply(false);
    this.unlinkUnforeseen();
  }

  private relationsOf(entity: object): RelationMeta[] {
    const metadata = this.em.getMetadata() as { find(cls: Function): { relations?: RelationMeta[] } | undefined };
    return metadata.find(entity.constructor)?.relations ?? [];
  }

  private stateOf(entity: object): EntityState {
    const state: EntityState = { references: new Map(), collections: new Map() };
    const data = rawData(entity)!;
    for (const { name } of this.relationsOf(entity)) {
      const value = (entity as Record<string, unknown>)[name];
      if (isCollection(value)) {
        if (value.isInitialized()) state.collections.set(name, { items: value.getItems(false), dirty: value.isDirty() });
      } else state.references.set(name, data[name]);
    }
    return state;
  }

  private remember(entity: object): void {
    this.before.set(entity, this.stateOf(entity));
  }

  private diff(): Map<object, EntityChange> {
    const changes = new Map<object, EntityChange>();
    for (const [entity, before] of this.before) {
      const now = this.stateOf(entity);
      const change: EntityChange = { references: new Map(), collections: new Map() };
      for (const [name, value] of before.references) {
        if (now.references.get(name) !== value) change.references.set(name, { before: value, after: now.references.get(name) });
      }
      for (const [name, { items, dirty }] of before.collections) {
        const after = now.collections.get(name)?.items ?? [];
        const was = new Set(items);
        const is = new Set(after);
        const added = after.filter((item) => !was.has(item));
        const removed = items.filter((item) => !is.has(item));
        if (added.length > 0 || removed.length > 0) change.collections.set(name, { added, removed, dirtyBefore: dirty });
      }
      if (change.references.size > 0 || change.collections.size > 0) changes.set(entity, change);
    }
    return changes;
  }

  /** Applies the call's changes onto the outside entities as they are now (other calls may have changed them since). */
  private apply(attach: boolean): void {
    if (this.attached === attach) return;
    for (const [entity, change] of this.changes!) {
      const data = rawData(entity)!;
      for (const [name, { before, after }] of change.references) data[name] = attach ? after : before;
      for (const [name, { added, removed, dirtyBefore }] of change.collections) {
        const collection = (entity as Record<string, unknown>)[name] as CollectionLike;
        const [put, take] = attach ? [added, removed] : [removed, added];
        const taken = new Set(take);
        const items = collection.getItems(false).filter((item) => !taken.has(item));
        const present = new Set(items);
        for (const item of put) if (!present.has(item)) items.push(item);
        setItems(collection, items, attach ? true : dirtyBefore);
      }
    }
    this.attached = attach;
  }

  /**
   * Links the call's entities got to outside entities that no value showed beforehand (a hook that
   * set `book.publisher = publisher`): the outside entities' collections that hold them, and the
   * inverse one-to-one sides that point at them. Owning references a hook set on outside entities
   * are the hook's own business.
   */
  private unforeseenLinks(): UnforeseenLinks {
    const links: UnforeseenLinks = { collections: new Map(), references: [] };
    for (const entity of this.entities) {
      for (const relation of this.relationsOf(entity)) {
        const inverse = relation.inversedBy ?? relation.mappedBy;
        if (!inverse) continue;
        const value = (entity as Record<string, unknown>)[relation.name];
        const targets = isCollection(value) ? (value.isInitialized() ? value.getItems(false) : []) : entitiesIn(value);
        for (const outside of targets) {
          if (this.entities.has(outside)) continue;
          const back = (outside as Record<string, unknown>)[inverse];
          if (isCollection(back)) {
            if (back.isInitialized() && back.contains(entity, false)) links.collections.set(back, (links.collections.get(back) ?? new Set()).add(entity));
          } else if (unwrap(back) === entity && relation.inversedBy !== undefined) {
            links.references.push({ outside, prop: inverse, value: rawData(outside)![inverse] });
          }
        }
      }
    }
    return links;
  }

  private unlinkUnforeseen(): UnforeseenLinks {
    const links = this.unforeseenLinks();
    for (const [collection, leaving] of links.collections) {
      setItems(collection, collection.getItems(false).filter((item) => !leaving.has(item)), true);
    }
    // The inverse side of a one-to-one: no column behind it.
    for (const { outside, prop } of links.references) rawData(outside)![prop] = undefined;
    return links;
  }

  /**
   * While another call saves, takes out the links this (unsaved) call's hooks made to outside
   * entities, and returns the function that puts them back: the other call's flush must not
   * cascade into this call's entities.
   */
  suspendUnforeseen(): () => void {
    const links = this.unlinkUnforeseen();
    return () => {
      for (const [collection, leaving] of links.collections) {
        const items = collection.getItems(false);
        const present = new Set(items);
        setItems(collection, [...items, ...[...leaving].filter((item) => !present.has(item))], true);
      }
      for (const { outside, prop, value } of links.references) rawData(outside)![prop] = value;
    };
  }
}

interface UnforeseenLinks {
  collections: Map<CollectionLike, Set<object>>;
  references: { outside: object; prop: string; value: unknown }[];
}
