import { z } from 'zod';

/**
 * Earned budgets: a round's budget per member computed from the points each member earned in the
 * community in a window before the round opens (the same points as reputation and the
 * simulation's "points" rewards: verified needs and bounties received; points spent on bounties
 * do not lower it). Whole credits, deterministic:
 *
 *   budget = min(cap, base + ⌊rate × points⌋)
 *
 * where points = Σ positive points entries in the community with windowStart ≤ at < windowEnd,
 * windowEnd = the round's opening, and windowStart = the previous round's opening ("since the
 * last round"; no previous round: every point ever) or windowEnd − N days ("last N days"). The
 * rate has at most two decimals and is applied in hundredths, so no float rounding enters.
 */
export const ZEarnedWindow = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sincePreviousRound') }),
  z.object({ kind: z.literal('lastDays'), days: z.number().finite() }),
]);

/** Shapes only: the rules (non-negative rate, cap ≥ base, …) are checked by `checkEarnedRule` with typed reasons. */
export const ZEarnedRuleInput = z.object({
  base: z.number().finite(),
  rate: z.number().finite(),
  cap: z.number().finite(),
  window: ZEarnedWindow.default({ kind: 'sincePreviousRound' }),
});

export type TEarnedWindow = z.infer<typeof ZEarnedWindow>;
export type TEarnedRuleInput = z.infer<typeof ZEarnedRuleInput>;

/** The rule stored on the round; the window bounds are filled in when the round opens. */
export interface EarnedRule extends TEarnedRuleInput {
  windowStart: string | null;
  windowEnd: string | null;
}

export type TEarnedRuleRefusal = 'BASE_INVALID' | 'RATE_NEGATIVE' | 'RATE_TOO_PRECISE' | 'CAP_BELOW_BASE' | 'CAP_TOO_HIGH' | 'WINDOW_INVALID';

export const MAX_EARNED_CREDITS = 1_000_000;
const MAX_RATE = 10_000;
const MAX_WINDOW_DAYS = 3650;

/** Null when the rule is sound, else the first reason it is not and a message for the admin. */
export function checkEarnedRule(rule: TEarnedRuleInput): { reason: TEarnedRuleRefusal; message: string } | null {
  if (!Number.isSafeInteger(rule.base) || rule.base < 0) return { reason: 'BASE_INVALID', message: 'The base is whole credits, 0 or more.' };
  if (rule.rate < 0) return { reason: 'RATE_NEGATIVE', message: 'The rate (credits per point) cannot be negative.' };
  if (rule.rate > MAX_RATE || Math.abs(rule.rate * 100 - Math.round(rule.rate * 100)) > 1e-9) {
    return { reason: 'RATE_TOO_PRECISE', message: `The rate is credits per point with at most two decimals, up to ${MAX_RATE}.` };
  }
  if (!Number.isSafeInteger(rule.cap) || rule.cap < rule.base) return { reason: 'CAP_BELOW_BASE', message: 'The cap is whole credits and at least the base.' };
  if (rule.cap > MAX_EARNED_CREDITS) return { reason: 'CAP_TOO_HIGH', message: `The cap is at most ${MAX_EARNED_CREDITS} credits.` };
  if (rule.window.kind === 'lastDays' && (!Number.isSafeInteger(rule.window.days) || rule.window.days < 1 || rule.window.days > MAX_WINDOW_DAYS)) {
    return { reason: 'WINDOW_INVALID', message: `The window is 1 to ${MAX_WINDOW_DAYS} whole days.` };
  }
  return null;
}

const DAY_MS = 86_400_000;

/** The window's bounds for a round opening at `opensAt`; `start` null means from the beginning. */
export function resolveEarnedWindow(window: TEarnedWindow, opensAt: Date, previousRoundOpenedAt: Date | null): { start: Date | null; end: Date } {
  if (window.kind === 'lastDays') return { start: new Date(opensAt.getTime() - window.days * DAY_MS), end: opensAt };
  return { start: previousRoundOpenedAt, end: opensAt };
}

export interface EarnedBudget {
  credits: number;
  base: number;
  /** Credits from points, after the cap. */
  fromPoints: number;
  points: number;
  capped: boolean;
}

export function computeEarnedBudget(rule: Pick<TEarnedRuleInput, 'base' | 'rate' | 'cap'>, points: number): EarnedBudget {
  const pts = Math.max(0, Math.trunc(points));
  const uncapped = rule.base + Math.floor((pts * Math.round(rule.rate * 100)) / 100);
  const credits = Math.min(rule.cap, uncapped);
  return { credits, base: rule.base, fromPoints: credits - rule.base, points: pts, capped: uncapped > rule.cap };
}

function windowPhrase(rule: Pick<EarnedRule, 'window' | 'windowStart'>): string {
  if (rule.window.kind === 'lastDays') return `in the last ${rule.window.days} days`;
  return rule.windowStart ? 'since the last round' : 'so far';
}

/** "credits = min(20, 2 + 0.5 × points earned since the last round)". */
export function describeEarnedFormula(rule: Pick<EarnedRule, 'base' | 'rate' | 'cap' | 'window' | 'windowStart'>): string {
  const window = rule.window.kind === 'lastDays' ? `in the last ${rule.window.days} days` : 'since the previous round';
  return `credits = min(${rule.cap}, ${rule.base} + ${rule.rate} × points earned ${window}), whole credits rounded down`;
}

/** "8 credits: 2 base + 6 for 12 points since the last round". */
export function explainEarnedBudget(rule: Pick<EarnedRule, 'window' | 'windowStart'>, budget: EarnedBudget, grantedByAdmins = 0): string {
  const parts = [`${budget.base} base`, `${budget.fromPoints} for ${budget.points} ${budget.points === 1 ? 'point' : 'points'} ${windowPhrase(rule)}`];
  let text = `${budget.credits + grantedByAdmins} credits: ${parts.join(' + ')}`;
  if (budget.capped) text += ` (capped at ${budget.credits})`;
  if (grantedByAdmins > 0) text += ` + ${grantedByAdmins} granted by admins`;
  return text;
}
