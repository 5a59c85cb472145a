/**
 * The lifecycle of a need, as pure rules: proposed → open (for funding) → funded → in progress →
 * done → verified, plus cancelled. "funded" is reached by pledges (direct rounds) or at a round's
 * close (quadratic rounds), never by hand; every other move is an action of a member whose role
 * allows it. The need service records every transition (who, when, from, to).
 */
export const NEED_STATUSES = ['proposed', 'open', 'funded', 'in_progress', 'done', 'verified', 'cancelled'] as const;
export type TNeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_ACTIONS = ['open', 'claim', 'unclaim', 'complete', 'verify', 'reopen', 'cancel'] as const;
export type TNeedAction = (typeof NEED_ACTIONS)[number];

export interface NeedActorFacts {
  /** Community admin or owner, or staff. */
  isAdmin: boolean;
  /** Active member of the need's community. */
  isMember: boolean;
  isAssignee: boolean;
  isCreator: boolean;
  /** How many members are assigned now (before the action). */
  assigneeCount: number;
}

export type NeedActionDecision = { ok: true; to: TNeedStatus } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

const LABEL: Record<TNeedStatus, string> = {
  proposed: 'proposed',
  open: 'open for funding',
  funded: 'funded',
  in_progress: 'in progress',
  done: 'done',
  verified: 'verified',
  cancelled: 'cancelled',
};

export function needStatusLabel(status: TNeedStatus): string {
  return LABEL[status];
}

function wrongState(status: TNeedStatus, action: string): NeedActionDecision {
  return { ok: false, code: 'CONFLICT', message: `A need that is ${LABEL[status]} cannot be ${action}.` };
}

export function decideNeedAction(status: TNeedStatus, action: TNeedAction, actor: NeedActorFacts): NeedActionDecision {
  switch (action) {
    case 'open':
      if (!actor.isAdmin) return { ok: false, code: 'FORBIDDEN', message: 'Only community admins open needs for funding.' };
      return status === 'proposed' ? { ok: true, to: 'open' } : wrongState(status, 'opened for funding');
    case 'claim':
      if (!actor.isMember) return { ok: false, code: 'FORBIDDEN', message: 'Join the community to take on its needs.' };
      if (status !== 'funded' && status !== 'in_progress') return wrongState(status, 'claimed (it must be funded first)');
      if (actor.isAssignee) return { ok: false, code: 'CONFLICT', message: 'You are already on this need.' };
      return { ok: true, to: 'in_progress' };
    case 'unclaim':
      if (!actor.isAssignee) return { ok: false, code: 'FORBIDDEN', message: 'You are not on this need.' };
      if (status !== 'in_progress') return wrongState(status, 'left');
      return { ok: true, to: actor.assigneeCount > 1 ? 'in_progress' : 'funded' };
    case 'complete':
      if (!actor.isAssignee) return { ok: false, code: 'FORBIDDEN', message: 'Only the members on this need can mark it done.' };
      return status === 'in_progress' ? { ok: true, to: 'done' } : wrongState(status, 'marked done');
    case 'verify':
    case 'reopen':
      if (!actor.isMember) return { ok: false, code: 'FORBIDDEN', message: 'Only members of the community can check finished work.' };
      if (actor.isAssignee) return { ok: false, code: 'FORBIDDEN', message: 'Someone who did not work on this need has to check it.' };
      if (status !== 'done') return wrongState(status, action === 'verify' ? 'verified' : 'sent back');
      return { ok: true, to: action === 'verify' ? 'verified' : 'in_progress' };
    case 'cancel':
      if (!actor.isAdmin && !(actor.isCreator && status === 'proposed')) {
        return { ok: false, code: 'FORBIDDEN', message: 'Only community admins (or its author, while proposed) can cancel a need.' };
      }
      return status === 'proposed' || status === 'open' || status === 'funded' ? { ok: true, to: 'cancelled' } : wrongState(status, 'cancelled');
  }
}

/** Whether pledges to a need in this state may still change (raising or lowering). */
export function acceptsPledges(status: TNeedStatus): boolean {
  return status === 'open' || status === 'funded';
}
