import { createRun } from '@p2pvalue/sim';
import { describe, expect, it } from 'vitest';
import type { HealthWeek } from '../community-health';
import { countsAtStart, twinInitialState, twinObservedSeries } from './twin-initial-state';

const week = (i: number, count1s: number, count9s: number, count90s: number): HealthWeek => ({
  week: `w${i}`,
  members: count1s + count9s + count90s,
  count1s,
  count9s,
  count90s,
  share1s: 0,
  share9s: 0,
  share90s: 0,
  contributions: 0,
  contributors: 0,
  joins: i,
  leaves: 2 * i,
  roleChanges: { from90to9: 0, from9to1: 0, from1to9: 0, from9to90: 0, from1to90: 0, from90to1: 0 },
  needsOpened: 0,
  needsFunded: 0,
  needsDone: 0,
  giniToDate: 0,
});

describe('twin initial state', () => {
  it('starts a run with exactly the community’s #1s, #9s, #90s and projects', () => {
    const { params, notes } = twinInitialState({ count1s: 3, count9s: 17, count90s: 80, projects: 4, openNeeds: 0 });
    expect(params).toEqual({ 'initial-number-1s': 3, 'initial-number-9s': 17, 'initial-number-90s': 80, 'initial-projects': 4 });
    expect(notes).toEqual([]);
    const run = createRun({ seed: 7, params }, { ticks: 0, metrics: ['count_1s', 'count_9s', 'count_90s', 'count_projects'] });
    const out = run.output();
    expect([out.series['count_1s']?.[0], out.series['count_9s']?.[0], out.series['count_90s']?.[0], out.series['count_projects']?.[0]]).toEqual([3, 17, 80, 4]);
  });

  it('reports what it cannot match: open needs, no project, counts beyond the model’s limits', () => {
    const { params, notes } = twinInitialState({ count1s: 120, count9s: 2, count90s: 10, projects: 0, openNeeds: 6 });
    expect(params['initial-number-1s']).toBe(100);
    expect(params['initial-projects']).toBe(1);
    expect(notes.map((n) => [n.field, n.observed, n.used])).toEqual([
      ['count1s', 120, 100],
      ['projects', 0, 1],
      ['openNeeds', 6, null],
    ]);
  });
});

describe('twin observed series', () => {
  const weeks = [week(0, 1, 2, 3), week(1, 2, 3, 4), week(2, 3, 4, 5), week(3, 4, 5, 6), week(4, 9, 9, 9)];

  it('takes the last complete weeks, leaving out the week in progress, plus the week they start from', () => {
    const s = twinObservedSeries(weeks, 2);
    expect(s.weeks).toEqual(['w1', 'w2', 'w3']);
    expect(s.count1s).toEqual([2, 3, 4]);
    expect(s.count9s).toEqual([3, 4, 5]);
    expect(s.count90s).toEqual([4, 5, 6]);
    expect(s.joins).toEqual([1, 2, 3]);
    expect(s.leaves).toEqual([2, 4, 6]);
    expect(countsAtStart(s, { projects: 2, openNeeds: 1 })).toEqual({ count1s: 2, count9s: 3, count90s: 4, projects: 2, openNeeds: 1 });
  });

  it('returns the whole history when it is shorter than asked', () => {
    expect(twinObservedSeries(weeks, 52).weeks).toEqual(['w0', 'w1', 'w2', 'w3']);
    expect(() => twinObservedSeries(weeks, 0)).toThrow(RangeError);
  });
});
