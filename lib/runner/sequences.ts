/** Per-factory sequence counters: the n of `@Sequence((n) => ...)`, 1 for a factory's first instance. */
const counters = new Map<Function | string, number>();
/** Where every counter starts until reset: a parallel seed's block numbers its rows from its first global row. */
let start = 0;

export function nextSequence(owner: Function | string): number {
  const n = (counters.get(owner) ?? start) + 1;
  counters.set(owner, n);
  return n;
}

/** Restarts the sequence of one factory, or of all (in a `beforeEach`). */
export function resetSequences(owner?: Function | string): void {
  if (owner === undefined) {
    counters.clear();
    start = 0;
  } else counters.delete(owner);
}

/** Restarts every sequence so that the next number is `first + 1` (a parallel seed's block starting at global row `first`). */
export function startSequencesAt(first: number): void {
  counters.clear();
  start = first;
}
