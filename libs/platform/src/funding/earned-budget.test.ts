import { describe, expect, it } from 'vitest';
import { checkEarnedRule, computeEarnedBudget, describeEarnedFormula, explainEarnedBudget, resolveEarnedWindow, type TEarnedRuleInput } from './earned-budget';

const rule = (r: Partial<TEarnedRuleInput> = {}): TEarnedRuleInput => ({ base: 2, rate: 0.5, cap: 20, window: { kind: 'sincePreviousRound' }, ...r });

describe('earned budgets', () => {
  it('is base + ⌊rate × points⌋, capped, in whole credits', () => {
    expect(computeEarnedBudget(rule(), 0)).toEqual({ credits: 2, base: 2, fromPoints: 0, points: 0, capped: false });
    expect(computeEarnedBudget(rule(), 12)).toEqual({ credits: 8, base: 2, fromPoints: 6, points: 12, capped: false });
    expect(computeEarnedBudget(rule(), 13)).toMatchObject({ credits: 8 });
    expect(computeEarnedBudget(rule(), 36)).toEqual({ credits: 20, base: 2, fromPoints: 18, points: 36, capped: false });
    expect(computeEarnedBudget(rule(), 40)).toEqual({ credits: 20, base: 2, fromPoints: 18, points: 40, capped: true });
    // Negative totals (never produced by the ledger query) earn nothing.
    expect(computeEarnedBudget(rule(), -5)).toMatchObject({ credits: 2, points: 0 });
  });

  it('applies the rate in hundredths, so floats do not round a whole product down', () => {
    // 0.29 × 100 is 28.999… in floating point; the budget is still 29.
    expect(computeEarnedBudget(rule({ base: 0, rate: 0.29, cap: 1000 }), 100).credits).toBe(29);
    expect(computeEarnedBudget(rule({ base: 0, rate: 1.1, cap: 1000 }), 3).credits).toBe(3);
    expect(computeEarnedBudget(rule({ base: 5, rate: 0, cap: 5 }), 999).credits).toBe(5);
  });

  it('refuses unsound rules with typed reasons', () => {
    expect(checkEarnedRule(rule())).toBeNull();
    expect(checkEarnedRule(rule({ rate: -1 }))?.reason).toBe('RATE_NEGATIVE');
    expect(checkEarnedRule(rule({ cap: 1 }))?.reason).toBe('CAP_BELOW_BASE');
    expect(checkEarnedRule(rule({ base: -1 }))?.reason).toBe('BASE_INVALID');
    expect(checkEarnedRule(rule({ base: 1.5 }))?.reason).toBe('BASE_INVALID');
    expect(checkEarnedRule(rule({ rate: 0.333 }))?.reason).toBe('RATE_TOO_PRECISE');
    expect(checkEarnedRule(rule({ cap: 2_000_000 }))?.reason).toBe('CAP_TOO_HIGH');
    expect(checkEarnedRule(rule({ window: { kind: 'lastDays', days: 0 } }))?.reason).toBe('WINDOW_INVALID');
    expect(checkEarnedRule(rule({ window: { kind: 'lastDays', days: 2.5 } }))?.reason).toBe('WINDOW_INVALID');
    expect(checkEarnedRule(rule({ window: { kind: 'lastDays', days: 30 } }))).toBeNull();
  });

  it('resolves the window: since the previous round opened, or the last N days, up to the opening', () => {
    const opensAt = new Date('2026-12-07T10:00:00Z');
    const previous = new Date('2026-11-01T00:00:00Z');
    expect(resolveEarnedWindow({ kind: 'sincePreviousRound' }, opensAt, previous)).toEqual({ start: previous, end: opensAt });
    expect(resolveEarnedWindow({ kind: 'sincePreviousRound' }, opensAt, null)).toEqual({ start: null, end: opensAt });
    expect(resolveEarnedWindow({ kind: 'lastDays', days: 7 }, opensAt, previous)).toEqual({ start: new Date('2026-11-30T10:00:00Z'), end: opensAt });
  });

  it('explains a budget and the formula in words', () => {
    const stored = { ...rule(), windowStart: '2026-11-01T00:00:00.000Z', windowEnd: '2026-12-07T10:00:00.000Z' };
    expect(explainEarnedBudget(stored, computeEarnedBudget(stored, 12))).toBe('8 credits: 2 base + 6 for 12 points since the last round');
    expect(explainEarnedBudget(stored, computeEarnedBudget(stored, 1))).toBe('2 credits: 2 base + 0 for 1 point since the last round');
    expect(explainEarnedBudget(stored, computeEarnedBudget(stored, 40))).toBe('20 credits: 2 base + 18 for 40 points since the last round (capped at 20)');
    expect(explainEarnedBudget(stored, computeEarnedBudget(stored, 0), 3)).toBe('5 credits: 2 base + 0 for 0 points since the last round + 3 granted by admins');
    expect(explainEarnedBudget({ ...stored, windowStart: null }, computeEarnedBudget(stored, 4))).toBe('4 credits: 2 base + 2 for 4 points so far');
    expect(explainEarnedBudget({ ...stored, window: { kind: 'lastDays', days: 7 } }, computeEarnedBudget(stored, 4))).toBe('4 credits: 2 base + 2 for 4 points in the last 7 days');
    expect(describeEarnedFormula(stored)).toBe('credits = min(20, 2 + 0.5 × points earned since the previous round), whole credits rounded down');
  });
});
