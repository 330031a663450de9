/*
 * The primary keys of stubs. Each model counts down from the top of a signed 32-bit integer column
 * (2,147,483,647): a database's own auto-increment counts up from 1, so a stub's key meets a real
 * row's only in a table of two billion rows. String keys get the same number inside a UUID-shaped
 * text, so uuid columns accept it too.
 */
const topKey = 2_147_483_647;
const used = new Map<Function | string, number>();

/** The next stub key number of a model (or plain-object factory). */
export function nextStubKey(owner: Function | string): number {
  const n = used.get(owner) ?? 0;
  used.set(owner, n + 1);
  return topKey - n;
}

/** Starts every model's stub keys again from the top. */
export function resetStubKeys(): void {
  used.clear();
}

/** A stub key number as the key's values are: a number, a bigint, or a UUID-shaped string. */
export function stubKeyValue(values: 'number' | 'bigint' | 'string', n: number): number | bigint | string {
  if (values === 'number') return n;
  if (values === 'bigint') return BigInt(n);
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
