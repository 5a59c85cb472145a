import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReputation, decayFactor } from './reputation';
import { decideNeedAction, type NeedActorFacts } from './need-lifecycle';

const now = new Date('2026-12-07T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('reputation', () => {
  it('adds points, thanks (×5) and verified needs (×20), each halving every 90 days', () => {
    const r = computeReputation(
      {
        pointsEarned: [
          { points: 100, at: now },
          { points: 40, at: daysAgo(90) },
          { points: -30, at: now }, // spent on a bounty: does not lower reputation
        ],
        thanksReceived: [{ at: daysAgo(180) }, { at: now }],
        verifiedNeeds: [{ at: daysAgo(90) }],
      },
      now,
    );
    // 100 + 40·½ = 120; 5·¼ + 5 = 6.25 → 6.3; 20·½ = 10
    expect(r).toEqual({ score: 136.3, fromPoints: 120, fromThanks: 6.3, fromVerified: 10 });
  });

  it('is zero without facts and counts future-dated facts fully', () => {
    expect(computeReputation({ pointsEarned: [], thanksReceived: [], verifiedNeeds: [] }, now).score).toBe(0);
    expect(decayFactor(daysAgo(-5), now, 90)).toBe(1);
  });

  it('never grows as time passes and never goes negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ points: fc.integer({ min: -50, max: 500 }), age: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 400 }),
        (points, thanks, later) => {
          const facts = { pointsEarned: points.map((p) => ({ points: p.points, at: daysAgo(p.age) })), thanksReceived: thanks.map((a) => ({ at: daysAgo(a) })), verifiedNeeds: [] };
          const today = computeReputation(facts, now).score;
          const future = computeReputation(facts, new Date(now.getTime() + later * 86_400_000)).score;
          expect(today).toBeGreaterThanOrEqual(0);
          expect(future).toBeLessThanOrEqual(today + 0.1);
        },
      ),
    );
  });
});

describe('need lifecycle rules', () => {
  const member: NeedActorFacts = { isAdmin: false, isMember: true, isAssignee: false, isCreator: false, assigneeCount: 0 };
  const admin: NeedActorFacts = { ...member, isAdmin: true };
  const assignee: NeedActorFacts = { ...member, isAssignee: true, assigneeCount: 1 };

  it('walks proposed → open → (funded) → in progress → done → verified with the right roles', () => {
    expect(decideNeedAction('proposed', 'open', member)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideNeedAction('proposed', 'open', admin)).toEqual({ ok: true, to: 'open' });
    expect(decideNeedAction('open', 'claim', member)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decideNeedAction('funded', 'claim', member)).toEqual({ ok: true, to: 'in_progress' });
    expect(decideNeedAction('in_progress', 'complete', member)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideNeedAction('in_progress', 'complete', assignee)).toEqual({ ok: true, to: 'done' });
    expect(decideNeedAction('done', 'verify', assignee)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideNeedAction('done', 'verify', member)).toEqual({ ok: true, to: 'verified' });
    expect(decideNeedAction('done', 'reopen', member)).toEqual({ ok: true, to: 'in_progress' });
    expect(decideNeedAction('verified', 'verify', member)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('lets the last assignee leave back to funded, and limits cancelling', () => {
    expect(decideNeedAction('in_progress', 'unclaim', assignee)).toEqual({ ok: true, to: 'funded' });
    expect(decideNeedAction('in_progress', 'unclaim', { ...assignee, assigneeCount: 2 })).toEqual({ ok: true, to: 'in_progress' });
    expect(decideNeedAction('proposed', 'cancel', { ...member, isCreator: true })).toEqual({ ok: true, to: 'cancelled' });
    expect(decideNeedAction('open', 'cancel', { ...member, isCreator: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideNeedAction('in_progress', 'cancel', admin)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decideNeedAction('funded', 'claim', { ...member, isMember: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
