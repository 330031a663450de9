import type { EntityManagerLike } from './orm-types.js';

/*
 * MikroORM keeps both sides of a relation in step: building a book for an existing author adds the
 * book to `author.books` at once. The existing author is managed, so from then on *any* flush of
 * its EntityManager would cascade to the new book — the flush of another create call, or the
 * user's next flush after this call failed. A CallGraph therefore takes every entity of a create
 * call out of the entities outside the call as soon as it is built, and puts it back only when
 * the call's own save runs.
 */

interface CollectionLike {
  isInitialized(): boolean;
  contains(item: object, check?: boolean): boolean;
  addWithoutPropagation(item: object): void;
  removeWithoutPropagation(item: object): void;
}

interface RelationMeta {
  name: string;
  inversedBy?: string;
  mappedBy?: string;
}

/** An entity outside the call that points at an entity of the call through `prop`. */
interface Link {
  outside: object;
  prop: string;
  inside: object;
  /** The value the reference held (a Reference wrapper or the entity itself); unset for collections. */
  reference?: unknown;
}

function isCollection(value: unknown): value is CollectionLike {
  const candidate = value as Partial<CollectionLike> | null;
  return typeof candidate?.removeWithoutPropagation === 'function' && typeof candidate.addWithoutPropagation === 'function';
}

function unwrap(value: unknown): unknown {
  const reference = value as { unwrap?: () => unknown } | null;
  return typeof reference?.unwrap === 'function' ? reference.unwrap() : value;
}

/** The raw relation values of an entity, read past MikroORM's accessors so nothing propagates. */
function relationData(entity: object): Record<string, unknown> | undefined {
  return (entity as { __helper?: { __data?: Record<string, unknown> } }).__helper?.__data;
}

function relationsOf(em: EntityManagerLike, entity: object): RelationMeta[] {
  const metadata = em.getMetadata() as { find(cls: Function): { relations?: RelationMeta[] } | undefined };
  return metadata.find(entity.constructor)?.relations ?? [];
}

function targets(value: unknown): object[] {
  if (isCollection(value)) return value.isInitialized() ? (value as unknown as { getItems(check?: boolean): object[] }).getItems(false) : [];
  const target = unwrap(value);
  return target && typeof target === 'object' ? [target] : [];
}

/** The entities of one create call, and the links that entities outside it got to them. */
export class CallGraph {
  readonly entities = new Set<object>();
  private readonly links: Link[] = [];
  private attached = false;

  constructor(readonly em: EntityManagerLike) {}

  /** Records an entity built for the call and takes it out of every entity outside the call. */
  add(entity: object): void {
    this.entities.add(entity);
    const found = this.links.length;
    for (const relation of relationsOf(this.em, entity)) {
      const inverse = relation.inversedBy ?? relation.mappedBy;
      if (!inverse) continue;
      for (const outside of targets((entity as Record<string, unknown>)[relation.name])) {
        if (this.entities.has(outside)) continue;
        const value = (outside as Record<string, unknown>)[inverse];
        if (isCollection(value)) {
          if (value.isInitialized() && value.contains(entity, false)) this.links.push({ outside, prop: inverse, inside: entity });
        } else if (unwrap(value) === entity) {
          this.links.push({ outside, prop: inverse, inside: entity, reference: value });
        }
      }
    }
    this.setAttached(false, this.links.slice(found));
  }

  /** Links the call's entities to the entities outside it again: right before the call's own save. */
  attach(): void {
    this.setAttached(true, this.links);
  }

  /** Takes the call's entities out of every entity outside it: after a failure, for good. */
  detach(): void {
    this.setAttached(false, this.links);
  }

  private setAttached(attached: boolean, links: Link[]): void {
    for (const link of links) {
      const value = (link.outside as Record<string, unknown>)[link.prop];
      if (isCollection(value)) {
        const has = value.contains(link.inside, false);
        if (attached && !has) value.addWithoutPropagation(link.inside);
        if (!attached && has) value.removeWithoutPropagation(link.inside);
      } else {
        const data = relationData(link.outside);
        if (data) data[link.prop] = attached ? link.reference : undefined;
        else (link.outside as Record<string, unknown>)[link.prop] = attached ? link.reference : undefined;
      }
    }
    this.attached = attached;
  }

  /** Whether the call's entities are linked to the entities outside it. */
  get isAttached(): boolean {
    return this.attached;
  }
}
