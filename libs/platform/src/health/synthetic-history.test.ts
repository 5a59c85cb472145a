import { describe, expect, it } from 'vitest';
import { computeCommunityHealth } from './community-health';
import { weekKey } from './health-week';
import { generateSyntheticHistory } from './synthetic-history';

const now = new Date('2026-12-07T12:00:00Z');

function tallies(rows: { userId: string; at: Date }[]) {
  const m = new Map<string, { userId: string; week: string; count: number }>();
  for (const r of rows) {
    const week = weekKey(r.at);
    const key = `${r.userId} ${week}`;
    const t = m.get(key) ?? { userId: r.userId, week, count: 0 };
    t.count++;
    m.set(key, t);
  }
  return [...m.values()];
}

describe('synthetic history from the model', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateSyntheticHistory({ seed: 11, weeks: 20, now, idPrefix: 's:' });
    const b = generateSyntheticHistory({ seed: 11, weeks: 20, now, idPrefix: 's:' });
    const c = generateSyntheticHistory({ seed: 12, weeks: 20, now, idPrefix: 's:' });
    expect(b).toEqual(a);
    expect(c.contributions.length).not.toBe(a.contributions.length);
  });

  it('ends with the last full week, orders each person’s join before their leave and gives a 1/9/90-like community', () => {
    const h = generateSyntheticHistory({ seed: 2026, weeks: 104, now, idPrefix: 's:' });
    const lastWeek = weekKey(new Date(now.getTime() - 7 * 86_400_000));
    const times = [...h.memberships, ...h.contributions].map((r) => r.at.getTime());
    expect(weekKey(new Date(Math.max(...times)))).toBe(lastWeek);
    expect(weekKey(new Date(Math.min(...times)))).toBe('2024-12-02');
    const firstJoin = new Map<string, number>();
    for (const m of h.memberships) if (m.kind === 'join' && !firstJoin.has(m.userId)) firstJoin.set(m.userId, m.at.getTime());
    for (const m of h.memberships) if (m.kind === 'leave') expect(m.at.getTime()).toBeGreaterThan(firstJoin.get(m.userId) as number);

    const health = computeCommunityHealth({ contributions: tallies(h.contributions), memberships: h.memberships, needTransitions: [], pledgesPerNeed: [] }, now);
    expect(health.weeks).toHaveLength(106);
    const mid = health.weeks[52];
    expect(mid?.members).toBeGreaterThan(50);
    // consumers are the large majority and core members a small minority, as in the model
    expect(mid?.share90s).toBeGreaterThan(0.5);
    expect(mid?.share1s).toBeLessThan(0.15);
    expect(health.current.gini).toBeGreaterThan(0.3);
    expect(health.current.survival26).not.toBeNull();
  });
});
