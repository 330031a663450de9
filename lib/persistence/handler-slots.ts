import { ConfigurationException, ParameterException, type PersistenceKind } from '../errors.js';
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

/** Checks the kind argument of `clearPersistence` and the like: 'sync', 'async', or nothing for both. */
export function checkedKind(where: string, kind: unknown): PersistenceKind | undefined {
  if (kind !== undefined && kind !== 'sync' && kind !== 'async') throw ParameterException.invalidArgument(where, "'sync', 'async' or nothing (both)", kind);
  return kind;
}

/**
 * The handlers configured on one owner (a factory class, or the global default): at most one
 * per kind, plus lazy providers whose kind is learned when they are first resolved.
 */
export class HandlerSlots {
  private readonly bound = new Map<PersistenceKind, Entry>();
  private pending: Entry[] = [];
  /** When each kind was last cleared: a provider configured before that never takes the slot. */
  private readonly clearedAt = new Map<PersistenceKind, number>();

  constructor(readonly owner: string) {}

  add(source: HandlerSource, origin: HandlerOrigin): void {
    const entry = { source, origin, order: nextOrder++ };
    const kind = source.knownKind;
    if (kind) this.place(kind, entry);
    else this.pending.push(entry);
  }

  /** Removes the handler of one kind (a provider not resolved yet included), or every handler. */
  clear(kind?: PersistenceKind): void {
    for (const cleared of kind ? [kind] : (['sync', 'async'] as const)) {
      this.bound.delete(cleared);
      this.clearedAt.set(cleared, nextOrder++);
    }
    if (!kind) this.pending = [];
  }

  /**
   * Sets the handler of one kind and returns a function that puts back what was there before
   * (for helpers such as TestTransaction that lend a default for a while).
   */
  swap(kind: PersistenceKind, source: HandlerSource, origin: HandlerOrigin): () => void {
    const previous = this.bound.get(kind);
    this.add(source, origin);
    const placed = this.bound.get(kind);
    return () => {
      if (this.bound.get(kind) !== placed) return;
      if (previous) this.bound.set(kind, previous);
      else this.bound.delete(kind);
    };
  }

  /** Whether a handler of this kind is configured here (resolving lazy providers to find out). */
  has(kind: PersistenceKind): boolean {
    this.settle();
    return this.bound.has(kind);
  }

  /**
   * The handler for one create call of this kind, or undefined when this owner has none. Lazy
   * providers are resolved to learn their kind; one that fails only matters if no handler of
   * this kind is found without it.
   */
  resolve(kind: PersistenceKind, caller?: string): ResolvedHandler | undefined {
    const { produced, failure } = this.settle(caller);
    const entry = this.bound.get(kind);
    if (!entry) {
      if (failure) throw failure.error;
      return undefined;
    }
    return produced.get(entry) ?? entry.source.resolve(caller);
  }

  /** Resolves pending providers once to learn their kind; a provider that throws stays pending. */
  private settle(caller?: string): { produced: Map<Entry, ResolvedHandler>; failure?: { error: unknown } } {
    const produced = new Map<Entry, ResolvedHandler>();
    let failure: { error: unknown } | undefined;
    for (const entry of [...this.pending]) {
      let resolved: ResolvedHandler;
      try {
        resolved = entry.source.resolve(caller);
      } catch (error) {
        failure ??= { error };
        continue;
      }
      this.place(resolved.kind, entry); // a duplicate throws here and the provider stays pending
      this.pending.splice(this.pending.indexOf(entry), 1);
      produced.set(entry, resolved);
    }
    return { produced, failure };
  }

  private place(kind: PersistenceKind, entry: Entry): void {
    // Stryker disable next-line UnaryOperator: +1 would only drop the first handler configured in the process (order 0), which no spec can be.
    if (entry.order < (this.clearedAt.get(kind) ?? -1)) return;
    const existing = this.bound.get(kind);
    if (existing && existing.origin === 'decorator' && entry.origin === 'decorator') {
      throw ConfigurationException.duplicateHandler(this.owner, kind);
    }
    // Stryker disable next-line EqualityOperator: orders are unique (nextOrder++), so <= never differs from <.
    if (!existing || existing.order < entry.order) this.bound.set(kind, entry);
  }
}
