/** Per-factory sequence counters: the n of `@Sequence((n) => ...)`, 1 for a factory's first instance. */
const counters = new Map<Function | string, number>();

export function nextSequence(owner: Function | string): number {
  const n = (counters.get(owner) ?? 0) + 1;
  counters.set(owner, n);
  return n;
}

/** Restarts the sequence of one factory, or of all (in a `beforeEach`). */
export function resetSequences(owner?: Function | string): void {
  if (owner === undefined) counters.clear();
  else counters.delete(owner);
}
