import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidePledge, fundingCeiling, isFunded, progressBand, type NeedFunding, type RoundRules } from './direct';
import { allocateWholeCredits, computeQuadraticMatching, idealQuadraticMatch } from './quadratic';
import { rankNeeds } from './ranking';

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

describe('linear quadratic funding, examples computed by hand', () => {
  it('ideal match is (Σ√c)² − Σc', () => {
    expect(idealQuadraticMatch([1, 4])).toBe(4); // (1 + 2)² − 5
    expect(idealQuadraticMatch([1, 1, 1, 1])).toBe(12); // 4² − 4
    expect(idealQuadraticMatch([9])).toBe(0);
    expect(idealQuadraticMatch([])).toBe(0);
  });

  it('shares the pot in proportion to the ideal matches', () => {
    // weights A 4, B 0, C 12 → A 100·4/16, C 100·12/16
    const m = computeQuadraticMatching({ A: [1, 4], B: [9], C: [1, 1, 1, 1] }, 100);
    expect(m.A).toBeCloseTo(25, 10);
    expect(m.B).toBe(0);
    expect(m.C).toBeCloseTo(75, 10);
  });

  it('caps one need and redistributes the excess to the rest in proportion', () => {
    // weights X 8, Y 2, Z 4 (pot 140 → 80, 20, 40); cap 0.5 → X 70, the other 70 split 2:4.
    const m = computeQuadraticMatching({ X: [4, 4], Y: [1, 1], Z: [1, 4] }, 140, { capRatio: 0.5 });
    expect(m.X).toBeCloseTo(70, 10);
    expect(m.Y).toBeCloseTo(70 / 3, 10);
    expect(m.Z).toBeCloseTo(140 / 3, 10);
    expect(sum(m)).toBeCloseTo(140, 10);
  });

  it('re-caps when the redistribution pushes another need over the cap', () => {
    // weights A 4, C 12 with pot 100 and cap 0.3: C capped at 30, then A's 70 is over 30 too.
    const m = computeQuadraticMatching({ A: [1, 4], B: [9], C: [1, 1, 1, 1] }, 100, { capRatio: 0.3 });
    expect(m).toEqual({ A: 30, B: 0, C: 30 });
  });

  it('with no need of two contributors, shares the pot in proportion to contributions', () => {
    const m = computeQuadraticMatching({ a: [10], b: [30], c: [] }, 8);
    expect(m.a).toBeCloseTo(2, 10);
    expect(m.b).toBeCloseTo(6, 10);
    expect(m.c).toBe(0);
  });

  it('with no contributions allocates nothing', () => {
    expect(computeQuadraticMatching({ a: [], b: [0] }, 50)).toEqual({ a: 0, b: 0 });
  });

  it('refuses negative amounts and bad cap ratios', () => {
    expect(() => computeQuadraticMatching({ a: [-1] }, 10)).toThrow(/≥ 0/);
    expect(() => computeQuadraticMatching({ a: [1] }, Number.NaN)).toThrow(/matching pool/);
    expect(() => computeQuadraticMatching({ a: [1] }, 10, { capRatio: 0 })).toThrow(/cap ratio/);
    expect(() => computeQuadraticMatching({ a: [1] }, 10, { capRatio: 1.5 })).toThrow(/cap ratio/);
  });
});

const contributionsArb = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== '__proto__'),
  fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 12 }),
  { minKeys: 1, maxKeys: 12 },
);

describe('linear quadratic funding, properties', () => {
  it('never creates credits, never exceeds the cap, sums to the pot when it can', () => {
    fc.assert(
      fc.property(contributionsArb, fc.integer({ min: 0, max: 1_000_000 }), fc.option(fc.double({ min: 0.01, max: 1, noNaN: true })), (contributions, pot, capRatio) => {
        const m = computeQuadraticMatching(contributions, pot, capRatio === null ? {} : { capRatio });
        const cap = (capRatio ?? 1) * pot;
        const total = sum(m);
        expect(total).toBeLessThanOrEqual(pot * (1 + 1e-9) + 1e-9);
        for (const value of Object.values(m)) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(cap * (1 + 1e-9) + 1e-9);
        }
        const supported = Object.values(contributions).filter((list) => list.some((c) => c > 0)).length;
        const matched = Object.values(contributions).filter((list) => idealQuadraticMatch(list) > 0).length;
        // The needs that share the pot: those with a QF match, or (when none has one) those with support.
        const sharing = matched > 0 ? matched : supported;
        if (sharing > 0 && (capRatio ?? 1) * sharing >= 1) expect(total).toBeCloseTo(pot, 6);
        if (supported === 0) expect(total).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('more contributors to a need never lower its ideal match', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 })), fc.integer({ min: 0, max: 10_000 }), (list, extra) => {
        expect(idealQuadraticMatch([...list, extra])).toBeGreaterThanOrEqual(idealQuadraticMatch(list) - 1e-6);
      }),
    );
  });

  it('whole-credit rounding keeps the total and stays within one credit and the cap', () => {
    fc.assert(
      fc.property(contributionsArb, fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (contributions, pot, capRatio) => {
        const real = computeQuadraticMatching(contributions, pot, { capRatio });
        const whole = allocateWholeCredits(real, { max: capRatio * pot });
        // Without a cap rounding keeps the total exactly; with one it may leave a credit in the pool.
        expect(sum(allocateWholeCredits(real))).toBe(Math.round(sum(real)));
        expect(sum(whole)).toBeLessThanOrEqual(Math.round(sum(real)));
        for (const key of Object.keys(real)) {
          expect(Number.isInteger(whole[key])).toBe(true);
          expect(Math.abs((whole[key] ?? 0) - (real[key] ?? 0))).toBeLessThan(1 + 1e-9);
          expect(whole[key]).toBeLessThanOrEqual(capRatio * pot + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('direct funding rules', () => {
  const open: RoundRules = { allowStretch: false, memberCapPerNeed: null, open: true };

  it('funds a need when pledges reach the goal', () => {
    expect(isFunded({ goal: 10, pledged: 9 })).toBe(false);
    expect(isFunded({ goal: 10, pledged: 10 })).toBe(true);
    expect(decidePledge({ amount: 4, current: 0, balance: 10, need: { goal: 10, stretchGoal: null, pledged: 6 }, rules: open })).toEqual({
      ok: true,
      delta: 4,
      needPledged: 10,
      funded: true,
    });
  });

  it('refuses pledges beyond the goal unless stretch goals are allowed', () => {
    const need: NeedFunding = { goal: 10, stretchGoal: 15, pledged: 8 };
    expect(decidePledge({ amount: 5, current: 0, balance: 10, need, rules: open })).toMatchObject({ ok: false, reason: 'OVER_GOAL', message: 'This need can take only 2 more credits.' });
    expect(decidePledge({ amount: 5, current: 0, balance: 10, need, rules: { ...open, allowStretch: true } })).toMatchObject({ ok: true, needPledged: 13 });
    expect(fundingCeiling(need, { allowStretch: true })).toBe(15);
    expect(fundingCeiling(need, { allowStretch: false })).toBe(10);
  });

  it('refuses fractional, negative, closed-round, over-balance and over-cap pledges', () => {
    const need: NeedFunding = { goal: 100, stretchGoal: null, pledged: 0 };
    expect(decidePledge({ amount: 1.5, current: 0, balance: 10, need, rules: open })).toMatchObject({ ok: false, reason: 'NOT_WHOLE_CREDITS' });
    expect(decidePledge({ amount: -1, current: 0, balance: 10, need, rules: open })).toMatchObject({ ok: false, reason: 'NOT_WHOLE_CREDITS' });
    expect(decidePledge({ amount: 1, current: 0, balance: 10, need, rules: { ...open, open: false } })).toMatchObject({ ok: false, reason: 'ROUND_CLOSED' });
    expect(decidePledge({ amount: 11, current: 0, balance: 10, need, rules: open })).toMatchObject({ ok: false, reason: 'INSUFFICIENT_BALANCE' });
    expect(decidePledge({ amount: 6, current: 0, balance: 10, need, rules: { ...open, memberCapPerNeed: 5 } })).toMatchObject({ ok: false, reason: 'OVER_MEMBER_CAP' });
  });

  it('lowering or withdrawing a pledge gives the credits back', () => {
    const need: NeedFunding = { goal: 10, stretchGoal: null, pledged: 10 };
    expect(decidePledge({ amount: 0, current: 7, balance: 0, need, rules: open })).toEqual({ ok: true, delta: -7, needPledged: 3, funded: false });
  });

  it('any sequence of pledge changes conserves credits and respects balances and ceilings', () => {
    const members = 4;
    const op = fc.record({ member: fc.integer({ min: 0, max: members - 1 }), need: fc.integer({ min: 0, max: 2 }), amount: fc.integer({ min: -2, max: 40 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.boolean(), fc.option(fc.integer({ min: 1, max: 30 })), (ops, allowStretch, cap) => {
        const budget = 50;
        const balances = Array.from({ length: members }, () => budget);
        const needs: NeedFunding[] = [
          { goal: 30, stretchGoal: 45, pledged: 0 },
          { goal: 60, stretchGoal: null, pledged: 0 },
          { goal: 5, stretchGoal: 8, pledged: 0 },
        ];
        const pledges = new Map<string, number>();
        const rules: RoundRules = { allowStretch, memberCapPerNeed: cap, open: true };
        for (const { member, need, amount } of ops) {
          const key = `${member}:${need}`;
          const current = pledges.get(key) ?? 0;
          const target = needs[need]!;
          const decision = decidePledge({ amount, current, balance: balances[member]!, need: target, rules });
          if (!decision.ok) continue;
          balances[member]! -= decision.delta;
          target.pledged = decision.needPledged;
          pledges.set(key, amount);
        }
        for (const balance of balances) expect(balance).toBeGreaterThanOrEqual(0);
        for (const need of needs) expect(need.pledged).toBeLessThanOrEqual(fundingCeiling(need, rules));
        const pledged = needs.reduce((a, n) => a + n.pledged, 0);
        expect(pledged + balances.reduce((a, b) => a + b, 0)).toBe(members * budget);
      }),
      { numRuns: 300 },
    );
  });

  it('progress bands follow Teem (<33 %, 33–66 %, >66 %)', () => {
    expect(progressBand(0.2)).toBe('low');
    expect(progressBand(0.5)).toBe('middle');
    expect(progressBand(0.7)).toBe('high');
  });
});

describe('ranking of needs', () => {
  it('puts featured first, then almost-funded needs, then by support', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const ranked = rankNeeds([
      { id: 'plain', featured: false, goal: 100, pledged: 50, supporters: 9, updatedAt: at },
      { id: 'almost', featured: false, goal: 100, pledged: 80, supporters: 1, updatedAt: at },
      { id: 'featured', featured: true, goal: 100, pledged: 0, supporters: 0, updatedAt: at },
      { id: 'funded', featured: false, goal: 100, pledged: 100, supporters: 2, updatedAt: at },
    ]);
    expect(ranked.map((r) => r.need.id)).toEqual(['featured', 'almost', 'funded', 'plain']);
    expect(ranked.find((r) => r.need.id === 'almost')?.almostThere).toBe(true);
    expect(ranked.find((r) => r.need.id === 'funded')?.almostThere).toBe(false);
  });
});
