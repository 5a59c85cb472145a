/** Inputs of the community-health metrics: what the repository reads from the ledger. */

/** Contributions of one member in one week (`week` is the Monday, `YYYY-MM-DD`). */
export interface ContributionTally {
  userId: string;
  week: string;
  count: number;
}

export interface MembershipFlowEvent {
  userId: string;
  kind: 'join' | 'leave';
  at: Date;
}

/** A step of a need's lifecycle that the flow counts. */
export interface NeedFlowEvent {
  to: 'open' | 'funded' | 'done';
  at: Date;
}

export interface HealthLedger {
  contributions: ContributionTally[];
  memberships: MembershipFlowEvent[];
  needTransitions: NeedFlowEvent[];
  /** Credits pledged to each need that took part in funding (one value per need). */
  pledgesPerNeed: number[];
}

/** The documented operational thresholds (docs/health.md). */
export interface RoleRules {
  /** Trailing window, in weeks, including the week classified. */
  windowWeeks: number;
  /** Contributions in the window at or above which a member is core (#1). */
  coreThreshold: number;
}

export const DEFAULT_ROLE_RULES: RoleRules = { windowWeeks: 4, coreThreshold: 12 };

export type TRole = '1' | '9' | '90';
