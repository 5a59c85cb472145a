import { describe, it, expect } from 'vitest';
import { Rng } from './xoshiro128';

describe('Rng (xoshiro128** + splitmix32)', () => {
  it('matches the xoshiro128** reference vector for state {1, 2, 3, 4}', () => {
    // Reference C implementation (prng.di.unimi.it); same values as rand_xoshiro's test.
    const r = Rng.fromState([1, 2, 3, 4]);
    const out = Array.from({ length: 8 }, () => r.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  it('seeds through splitmix32 (seed 42 vector from the reference C code)', () => {
    const r = new Rng(42);
    expect(r.getState()).toEqual([551831576, 144025891, 322543647, 3034809370]);
    const out = Array.from({ length: 8 }, () => r.nextUint32());
    expect(out).toEqual([660444221, 3652823732, 77672526, 910233633, 2297337756, 3786072677, 3123505064, 1891482476]);
  });

  it('is deterministic and seed-sensitive (also above 32 bits and for negatives)', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(Array.from({ length: 5 }, () => b.nextUint32()));
    expect(new Rng(1).nextUint32()).not.toBe(new Rng(2).nextUint32());
    expect(new Rng(2 ** 32 + 5).nextUint32()).not.toBe(new Rng(5).nextUint32());
    expect(new Rng(-3).nextUint32()).not.toBe(new Rng(3).nextUint32());
  });

  it('round-trips its state', () => {
    const r = new Rng(99);
    r.float();
    const s = r.getState();
    const x = [r.float(), r.int(10), r.normal(0, 1)];
    const r2 = Rng.fromState(s);
    expect([r2.float(), r2.int(10), r2.normal(0, 1)]).toEqual(x);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(() => r.setState([1, 2, 3])).toThrow();
  });

  it('float is in [0, 1) with mean 1/2', () => {
    const r = new Rng(3);
    let s = 0;
    for (let i = 0; i < 20000; i++) {
      const u = r.float();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      s += u;
    }
    expect(s / 20000).toBeCloseTo(0.5, 1);
  });

  it('int follows NetLogo `random` incl. fractional and zero arguments (§8.3)', () => {
    const r = new Rng(4);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(4 / 3));
    expect([...seen].sort()).toEqual([0, 1]); // ⌈4/3⌉ = 2 values
    const s2 = new Set<number>();
    for (let i = 0; i < 2000; i++) s2.add(r.int(2.5));
    expect([...s2].sort()).toEqual([0, 1, 2]);
    expect(r.int(0)).toBe(0);
    const before = r.getState();
    expect(r.int(1)).toBe(0);
    expect(r.getState()).toEqual(before); // a single-value range draws nothing
    const neg = new Set<number>();
    for (let i = 0; i < 500; i++) neg.add(r.int(-3));
    expect([...neg].sort((a, b) => a - b)).toEqual([-2, -1, 0]);
  });

  it('int is uniform (chi-square, 10 bins)', () => {
    const r = new Rng(5);
    const counts = new Array<number>(10).fill(0);
    const n = 50000;
    for (let i = 0; i < n; i++) counts[r.int(10)]! += 1;
    const e = n / 10;
    const chi = counts.reduce((s, c) => s + ((c - e) * (c - e)) / e, 0);
    expect(chi).toBeLessThan(27.9); // p ≈ 0.001 at 9 d.f.
  });

  it('normal and exponential have the right moments', () => {
    const r = new Rng(6);
    const n = 40000;
    let s = 0;
    let s2 = 0;
    let e = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal(200, 50);
      s += z;
      s2 += z * z;
      e += r.exponential(0.7);
    }
    const m = s / n;
    expect(m).toBeGreaterThan(199);
    expect(m).toBeLessThan(201);
    expect(Math.sqrt(s2 / n - m * m)).toBeCloseTo(50, 0);
    expect(e / n).toBeCloseTo(0.7, 1);
  });

  it('shuffle permutes uniformly and oneOf handles empty arrays', () => {
    const r = new Rng(8);
    const firsts = new Array<number>(4).fill(0);
    for (let i = 0; i < 8000; i++) {
      const a = r.shuffle([0, 1, 2, 3]);
      expect([...a].sort()).toEqual([0, 1, 2, 3]);
      firsts[a[0] as number]! += 1;
    }
    for (const c of firsts) expect(c / 8000).toBeCloseTo(0.25, 1);
    expect(r.oneOf([])).toBeUndefined();
    expect(r.oneOf(['x'])).toBe('x');
  });
});
