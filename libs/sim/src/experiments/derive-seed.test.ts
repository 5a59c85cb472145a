import { describe, expect, it } from 'vitest';
import { deriveSeed } from './derive-seed';

describe('deriveSeed', () => {
  it('is deterministic and returns unsigned 32-bit integers', () => {
    const s = deriveSeed(123, 4, 5);
    expect(deriveSeed(123, 4, 5)).toBe(s);
    expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });

  it('never repeats a seed across a whole grid of conditions and replicates', () => {
    for (const root of [0, 1, -1, 111, 2 ** 40 + 7]) {
      const seen = new Set<number>();
      for (let c = 0; c < 300; c++) for (let r = 0; r < 40; r++) seen.add(deriveSeed(root, c, r));
      expect(seen.size).toBe(300 * 40);
    }
  });

  it('separates replicates and conditions that a naive sum would confuse', () => {
    expect(deriveSeed(7, 0, 1)).not.toBe(deriveSeed(7, 1, 0));
    expect(deriveSeed(7, 0, 0)).not.toBe(deriveSeed(8, 0, 0));
    // Root seeds differing only above bit 32 must still differ.
    expect(deriveSeed(5, 0, 0)).not.toBe(deriveSeed(5 + 2 ** 32, 0, 0));
  });

  it('spreads neighbouring inputs over the whole range', () => {
    const seeds = Array.from({ length: 1000 }, (_, r) => deriveSeed(1, 0, r));
    const high = seeds.filter((s) => s >= 2 ** 31).length;
    expect(high).toBeGreaterThan(430);
    expect(high).toBeLessThan(570);
  });

  it('handles indices beyond the packing limit and rejects invalid input', () => {
    expect(deriveSeed(1, 70000, 3)).not.toBe(deriveSeed(1, 70000, 4));
    expect(() => deriveSeed(1.5, 0, 0)).toThrow(/rootSeed/);
    expect(() => deriveSeed(1, -1, 0)).toThrow(/conditionIndex/);
    expect(() => deriveSeed(1, 0, 0.5)).toThrow(/replicate/);
  });
});
