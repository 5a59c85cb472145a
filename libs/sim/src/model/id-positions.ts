/**
 * Scratch map from agent ids to positions in a list, rebuilt for each list (open addressing,
 * at most half full, in two reused Int32Arrays). S5 uses it to join a contributor's friend table
 * with its co-workers W by scanning the table in memory order, where looking every member of W up
 * in the table would cost a cache miss each.
 */
export class IdPositions {
  private keys = new Int32Array(64);
  private positions = new Int32Array(64);
  private mask = 63;
  private shift = 26;

  /** Empties the map and sizes it for `n` ids. */
  reset(n: number): void {
    let capacity = 64;
    while (capacity < 2 * n) capacity *= 2;
    if (capacity > this.keys.length) {
      this.keys = new Int32Array(capacity);
      this.positions = new Int32Array(capacity);
    } else {
      this.keys.fill(0, 0, capacity);
    }
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
  }

  /** Maps `key` (an id + 1, so never 0) to `position`; the key must not be present. */
  add(key: number, position: number): void {
    const keys = this.keys;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (keys[i] !== 0) i = (i + 1) & this.mask;
    keys[i] = key;
    this.positions[i] = position;
  }

  /** Position of `key` (an id + 1), or −1. */
  get(key: number): number {
    const keys = this.keys;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = keys[i] as number;
      if (k === key) return this.positions[i] as number;
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }
}
