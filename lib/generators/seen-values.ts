/**
 * The values a unique column has taken, kept as 32-bit hashes in an open-addressing table: 4 to 8
 * bytes a value instead of the ~42 of a Set entry, and never more than `capacity` values. A hash
 * that two values share only makes the second look used (it is redrawn): never a repeat.
 */
export class SeenValues {
  private table = new Uint32Array(1024);
  private count = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count >= this.capacity;
  }

  has(identity: string): boolean {
    const hash = hashOf(identity);
    const mask = this.table.length - 1;
    for (let slot = hash & mask; this.table[slot] !== 0; slot = (slot + 1) & mask) if (this.table[slot] === hash) return true;
    return false;
  }

  /** Records a value; false when it was already recorded (or the table is full). */
  add(identity: string): boolean {
    if (this.has(identity) || this.full) return false;
    if ((this.count + 1) * 2 > this.table.length) this.grow();
    this.insert(hashOf(identity));
    this.count += 1;
    return true;
  }

  private insert(hash: number): void {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = hash;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (const hash of old) if (hash !== 0) this.insert(hash);
  }
}

/** FNV-1a, never 0 (0 marks an empty slot). */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0 || 1;
}
