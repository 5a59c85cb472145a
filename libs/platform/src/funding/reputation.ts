/**
 * Reputation: a transparent score from what a member did, decaying over time so that it reflects
 * recent contribution (the model's reputation feature). Each fact counts with a weight and halves
 * every `halfLifeDays`:
 *
 *   reputation = Σ_points  p · ½^(age/h)  +  5 · Σ_thanks ½^(age/h)  +  20 · Σ_verified ½^(age/h)
 *
 * where points are those earned (verified needs and bounties received; points spent on bounties do
 * not lower it), thanks are those received, verified are the needs a member worked on that another
 * member verified, age is in days and h = 90. The score is rounded to one decimal.
 */
export interface ReputationWeights {
  halfLifeDays: number;
  perPoint: number;
  perThanks: number;
  perVerifiedNeed: number;
}

export const REPUTATION_WEIGHTS: ReputationWeights = { halfLifeDays: 90, perPoint: 1, perThanks: 5, perVerifiedNeed: 20 };

export interface ReputationFacts {
  pointsEarned: readonly { points: number; at: Date }[];
  thanksReceived: readonly { at: Date }[];
  verifiedNeeds: readonly { at: Date }[];
}

export interface Reputation {
  score: number;
  fromPoints: number;
  fromThanks: number;
  fromVerified: number;
}

const DAY_MS = 86_400_000;

/** ½^(age/h); facts dated in the future count fully. */
export function decayFactor(at: Date, now: Date, halfLifeDays: number): number {
  const ageDays = Math.max(0, (now.getTime() - at.getTime()) / DAY_MS);
  return 0.5 ** (ageDays / halfLifeDays);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function computeReputation(facts: ReputationFacts, now: Date, weights: ReputationWeights = REPUTATION_WEIGHTS): Reputation {
  const decay = (at: Date) => decayFactor(at, now, weights.halfLifeDays);
  let fromPoints = 0;
  for (const p of facts.pointsEarned) if (p.points > 0) fromPoints += weights.perPoint * p.points * decay(p.at);
  let fromThanks = 0;
  for (const t of facts.thanksReceived) fromThanks += weights.perThanks * decay(t.at);
  let fromVerified = 0;
  for (const v of facts.verifiedNeeds) fromVerified += weights.perVerifiedNeed * decay(v.at);
  return { score: round1(fromPoints + fromThanks + fromVerified), fromPoints: round1(fromPoints), fromThanks: round1(fromThanks), fromVerified: round1(fromVerified) };
}

/** Points earned for a verified need: 10 per hour of estimated effort, shared among its assignees. */
export const POINTS_PER_EFFORT_HOUR = 10;
