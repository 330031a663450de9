import { ConfigurationException, type PersistenceKind } from '../errors.js';
import type { HandlerSource } from './handler-source.js';
import type { PersistenceHandler } from './protocols.js';

export type HandlerOrigin = 'decorator' | 'runtime';

interface Entry {
  source: HandlerSource;
  origin: HandlerOrigin;
  /** Later entries win over earlier ones; two decorators of one kind are a conflict. */
  order: number;
}

export interface ResolvedHandler {
  handler: PersistenceHandler<unknown>;
  kind: PersistenceKind;
}

let nextOrder = 0;

/**
 * The handlers configured on one owner (a factory class, or the global default): at most one
 * per kind, plus lazy providers whose kind is learned when they are first resolved.
 */
export class HandlerSlots {
  private readonly bound = new Map<PersistenceKind, Entry>();
  private pending: Entry[] = [];

  constructor(readonly owner: string) {}

  add(source: HandlerSource, origin: HandlerOrigin): void {
    const entry = { source, origin, order: nextOrder++ };
    const kind = source.knownKind;
    if (kind) this.place(kind, entry);
    else this.pending.push(entry);
  }

  /** Removes the handler of one kind, or every handler (including unresolved providers). */
  clear(kind?: PersistenceKind): void {
    if (kind) {
      this.bound.delete(kind);
      return;
    }
    this.bound.clear();
    this.pending = [];
  }

  /** Whether a handler of this kind is configured here (resolving lazy providers to find out). */
  has(kind: PersistenceKind): boolean {
    this.settle();
    return this.bound.has(kind);
  }

  /** The handler for one create call of this kind, or undefined when this owner has none. */
  resolve(kind: PersistenceKind): ResolvedHandler | undefined {
    const fresh = this.settle();
    const entry = this.bound.get(kind);
    if (!entry) return undefined;
    return fresh.get(entry) ?? entry.source.resolve();
  }

  /** Resolves pending providers once to learn their kind; returns what they produced for reuse. */
  private settle(): Map<Entry, ResolvedHandler> {
    const produced = new Map<Entry, ResolvedHandler>();
    while (this.pending.length > 0) {
      const entry = this.pending[0]!;
      const resolved = entry.source.resolve(); // a throwing provider stays pending for the next call
      this.pending.shift();
      produced.set(entry, resolved);
      this.place(resolved.kind, entry);
    }
    return produced;
  }

  private place(kind: PersistenceKind, entry: Entry): void {
    const existing = this.bound.get(kind);
    if (existing && existing.origin === 'decorator' && entry.origin === 'decorator') {
      throw ConfigurationException.duplicateHandler(this.owner, kind);
    }
    if (!existing || existing.order < entry.order) this.bound.set(kind, entry);
  }
}
