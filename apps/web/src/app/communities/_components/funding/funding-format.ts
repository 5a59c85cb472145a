import type { TNeedStatus } from '@p2pvalue/platform';

export const NEED_STATUS_LABELS: Record<TNeedStatus, string> = {
  proposed: 'Proposed',
  open: 'Open for funding',
  funded: 'Funded',
  in_progress: 'In progress',
  done: 'Done',
  verified: 'Verified',
  cancelled: 'Cancelled',
};

export const NEED_STATUS_BADGE: Record<TNeedStatus, 'default' | 'secondary' | 'outline' | 'success' | 'warning' | 'destructive'> = {
  proposed: 'outline',
  open: 'secondary',
  funded: 'success',
  in_progress: 'warning',
  done: 'default',
  verified: 'success',
  cancelled: 'destructive',
};

export const CONTRIBUTION_LABELS: Record<string, string> = {
  'community.create': 'founded the community',
  'community.join': 'joined the community',
  'project.create': 'started a project',
  'project.support': 'supported a project',
  'document.create': 'created a document',
  'document.edit': 'edited a document',
  'document.comment': 'commented on a document',
  'document.version': 'saved a document version',
  'need.create': 'proposed a need',
  'need.open': 'opened a need for funding',
  'need.feature': 'featured a need',
  'need.funded': 'saw a need funded',
  'need.claim': 'took on a need',
  'need.complete': 'finished a need',
  'need.verify': 'verified a need',
  'need.cancel': 'cancelled a need',
  'need.comment': 'commented on a need',
  pledge: 'pledged to a need',
  'bounty.attach': 'put up a bounty',
  'bounty.paid': 'was paid a bounty',
  'thanks.give': 'thanked someone',
  'thanks.receive': 'was thanked',
  'round.open': 'opened a funding round',
  'round.close': 'closed a funding round',
  'round.grant': 'granted credits in a funding round',
};

export const dateTime = (d: Date) => d.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** How a round sets budgets, in words: "100 credits per member" or the earned-budget formula. */
export function budgetRule(round: { budgetPerMember: number; earned: { formula: string } | null }): string {
  return round.earned ? `Earned budgets: ${round.earned.formula}` : `${round.budgetPerMember} credits per member`;
}
