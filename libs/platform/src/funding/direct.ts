/**
 * Direct funding rules (Cobudget's model): a need is funded when its pledges reach its goal; with
 * stretch goals allowed, pledges beyond the goal count toward the stretch goal, otherwise they are
 * refused. Pledges are whole credits. These functions are pure; the funding service calls them
 * inside the transaction that holds the row locks on the member's balance and the need.
 */

export interface NeedFunding {
  /** Credits needed to fund the need (> 0). */
  goal: number;
  /** Optional stretch goal (> goal); only used when the round allows stretch goals. */
  stretchGoal: number | null;
  /** Credits pledged so far by everyone. */
  pledged: number;
}

export interface RoundRules {
  allowStretch: boolean;
  /** Most credits one member may pledge to one need; null for no cap. */
  memberCapPerNeed: number | null;
  /** Whether pledges may still change. */
  open: boolean;
}

/** The most a need can take: its stretch goal when the round allows stretch goals, else its goal. */
export function fundingCeiling(need: Pick<NeedFunding, 'goal' | 'stretchGoal'>, rules: Pick<RoundRules, 'allowStretch'>): number {
  return rules.allowStretch && need.stretchGoal !== null && need.stretchGoal > need.goal ? need.stretchGoal : need.goal;
}

export function isFunded(need: Pick<NeedFunding, 'goal' | 'pledged'>): boolean {
  return need.goal > 0 && need.pledged >= need.goal;
}

/** Completion bands of Teem's progress bar: < 33 %, 33–66 %, > 66 %. */
export type TProgressBand = 'low' | 'middle' | 'high';

export function progressBand(ratio: number): TProgressBand {
  if (ratio < 1 / 3) return 'low';
  if (ratio <= 2 / 3) return 'middle';
  return 'high';
}

export type TPledgeRefusal = 'NOT_WHOLE_CREDITS' | 'ROUND_CLOSED' | 'INSUFFICIENT_BALANCE' | 'OVER_MEMBER_CAP' | 'OVER_GOAL';

export type PledgeDecision =
  | { ok: true; /** credits moved from the member's balance (negative when lowering a pledge) */ delta: number; needPledged: number; funded: boolean }
  | { ok: false; reason: TPledgeRefusal; message: string };

/**
 * Decides a pledge change: the member's pledge to the need becomes `amount` (0 withdraws it).
 * `current` is what this member has pledged to the need now, `balance` the credits the member has
 * not pledged anywhere. Never lets a balance go negative or a need go over its ceiling.
 */
export function decidePledge(input: {
  amount: number;
  current: number;
  balance: number;
  need: NeedFunding;
  rules: RoundRules;
}): PledgeDecision {
  const { amount, current, balance, need, rules } = input;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    return { ok: false, reason: 'NOT_WHOLE_CREDITS', message: 'Pledges are whole credits (0 or more).' };
  }
  if (!rules.open) return { ok: false, reason: 'ROUND_CLOSED', message: 'This funding round is closed; pledges can no longer change.' };
  const delta = amount - current;
  if (delta > balance) {
    return { ok: false, reason: 'INSUFFICIENT_BALANCE', message: `You have ${balance} credits left; this change needs ${delta}.` };
  }
  if (rules.memberCapPerNeed !== null && amount > rules.memberCapPerNeed) {
    return { ok: false, reason: 'OVER_MEMBER_CAP', message: `One member can pledge at most ${rules.memberCapPerNeed} credits to a need.` };
  }
  const ceiling = fundingCeiling(need, rules);
  const needPledged = need.pledged + delta;
  if (delta > 0 && needPledged > ceiling) {
    const room = Math.max(0, ceiling - need.pledged);
    return {
      ok: false,
      reason: 'OVER_GOAL',
      message: room === 0 ? 'This need is fully funded.' : `This need can take only ${room} more credits.`,
    };
  }
  return { ok: true, delta, needPledged, funded: isFunded({ goal: need.goal, pledged: needPledged }) };
}
