import { describe, expect, it } from 'vitest';
import { kaplanMeier, medianSurvival, survivalAt } from './kaplan-meier';

// Freireich et al. (1963) 6-MP arm of the leukaemia remission trial, the worked example of
// Kleinbaum & Klein, "Survival Analysis", ch. 2 (weeks in remission; false = censored).
const sixMp: Array<[number, boolean]> = [
  [6, true], [6, true], [6, true], [6, false], [7, true], [9, false], [10, true], [10, false],
  [11, false], [13, true], [16, true], [17, false], [19, false], [20, false], [22, true],
  [23, true], [25, false], [32, false], [32, false], [34, false], [35, false],
];

describe('kaplanMeier', () => {
  const km = kaplanMeier(
    sixMp.map(([t]) => t),
    sixMp.map(([, e]) => e),
  );

  it('reproduces the textbook product-limit table', () => {
    expect(km.times).toEqual([6, 7, 10, 13, 16, 22, 23]);
    const expected = [0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482];
    km.survival.forEach((s, i) => expect(s).toBeCloseTo(expected[i] as number, 4));
    // Exact first factors: 18/21, then ·16/17.
    expect(km.survival[0]).toBeCloseTo(18 / 21, 14);
    expect(km.survival[1]).toBeCloseTo((18 / 21) * (16 / 17), 14);
  });

  it('answers S(t) as a right-continuous step function', () => {
    expect(survivalAt(km, 0)).toBe(1);
    expect(survivalAt(km, 5.99)).toBe(1);
    expect(survivalAt(km, 6)).toBeCloseTo(0.8571, 4);
    expect(survivalAt(km, 12)).toBeCloseTo(0.7529, 4);
    expect(survivalAt(km, 1000)).toBeCloseTo(0.4482, 4);
  });

  it('gives median 23 weeks', () => {
    expect(medianSurvival(km)).toBe(23);
  });

  it('handles no events, all events and empty input', () => {
    const censored = kaplanMeier([1, 2, 3], [false, false, false]);
    expect(censored.times).toEqual([]);
    expect(medianSurvival(censored)).toBeNull();
    expect(survivalAt(censored, 10)).toBe(1);
    const all = kaplanMeier([1, 2, 3, 4], [true, true, true, true]);
    expect(all.survival).toEqual([0.75, 0.5, 0.25, 0]);
    expect(medianSurvival(all)).toBe(2);
    expect(kaplanMeier([], [])).toEqual({ times: [], survival: [] });
  });

  it('validates its input', () => {
    expect(() => kaplanMeier([1, 2], [true])).toThrow(/length/);
    expect(() => kaplanMeier([-1], [true])).toThrow(/durations\[0\]/);
  });
});
