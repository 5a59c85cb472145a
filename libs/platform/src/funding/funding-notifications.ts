import type { NewNotification } from '../notifications/notification.repository';

/** Notification kinds of the funding domain (the centre's text for them is in notification-text.ts). */
export const FUNDING_NOTIFICATION_KINDS = {
  funded: 'need.funded',
  claimed: 'need.claimed',
  thanked: 'thanks.received',
  roundOpened: 'round.opened',
  creditsGranted: 'round.granted',
} as const;

interface NeedPlace {
  needId: string;
  needTitle: string;
  communitySlug: string;
}

const needUrl = (p: NeedPlace) => `/communities/${encodeURIComponent(p.communitySlug)}/needs/${p.needId}`;
const unique = (ids: string[], except: string | null) => [...new Set(ids)].filter((id) => id !== except);

/**
 * A need reached its funding: its proposer and whoever is on it hear about it (not the member whose
 * pledge did it; `actorId` null is the system closing a round).
 */
export function needFundedNotifications(p: NeedPlace & { proposerId: string; assigneeIds: string[]; actorId: string | null; roundTitle: string }): NewNotification[] {
  return unique([p.proposerId, ...p.assigneeIds], p.actorId).map((userId) => ({
    userId,
    kind: FUNDING_NOTIFICATION_KINDS.funded,
    ref: { needId: p.needId, needTitle: p.needTitle, communitySlug: p.communitySlug, roundTitle: p.roundTitle, url: needUrl(p), ...(p.actorId ? { actorId: p.actorId } : {}) },
  }));
}

/** Someone took a need on: its proposer hears who (unless they took it themselves). */
export function needClaimedNotifications(p: NeedPlace & { proposerId: string; actorId: string }): NewNotification[] {
  return unique([p.proposerId], p.actorId).map((userId) => ({
    userId,
    kind: FUNDING_NOTIFICATION_KINDS.claimed,
    ref: { needId: p.needId, needTitle: p.needTitle, communitySlug: p.communitySlug, actorId: p.actorId, url: needUrl(p) },
  }));
}

/** A member was thanked: they see who thanked them and the note, on their own profile. */
export function thanksNotifications(p: { toId: string; actorId: string; communitySlug: string; note: string; thanksId: string; needTitle: string | null }): NewNotification[] {
  return [
    {
      userId: p.toId,
      kind: FUNDING_NOTIFICATION_KINDS.thanked,
      ref: {
        thanksId: p.thanksId,
        actorId: p.actorId,
        communitySlug: p.communitySlug,
        excerpt: p.note.slice(0, 140),
        ...(p.needTitle ? { needTitle: p.needTitle } : {}),
        url: `/communities/${encodeURIComponent(p.communitySlug)}/members/${encodeURIComponent(p.toId)}`,
      },
    },
  ];
}

/**
 * A round opened: every member it granted a budget to hears how much they can pledge. One row per
 * member, written in the transaction that opens the round (so a second run of the scheduler, which
 * finds it open, writes none, and an admin's second "open now" is refused before it writes any).
 * A scheduled round is opened by the system (`actorId` null); the admin who opens one at once is
 * not told about their own act.
 */
export function roundOpenedNotifications(p: {
  roundId: string;
  roundTitle: string;
  communitySlug: string;
  communityName: string;
  credits: number;
  /** Earned rounds: each member's own budget (else `credits`). */
  creditsByMember?: ReadonlyMap<string, number>;
  closesAt: Date;
  memberIds: string[];
  actorId?: string | null;
}): NewNotification[] {
  return unique(p.memberIds, p.actorId ?? null).map((userId) => ({
    userId,
    kind: FUNDING_NOTIFICATION_KINDS.roundOpened,
    ref: {
      roundId: p.roundId,
      roundTitle: p.roundTitle,
      communitySlug: p.communitySlug,
      communityName: p.communityName,
      credits: p.creditsByMember?.get(userId) ?? p.credits,
      closesAt: p.closesAt.toISOString(),
      url: `/communities/${encodeURIComponent(p.communitySlug)}/funding/${p.roundId}`,
      ...(p.actorId ? { actorId: p.actorId } : {}),
    },
  }));
}

/** An admin added credits to a member's budget in an open round: the member hears how many, and from whom. */
export function creditsGrantedNotifications(p: { roundId: string; roundTitle: string; communitySlug: string; toId: string; actorId: string; credits: number }): NewNotification[] {
  return unique([p.toId], p.actorId).map((userId) => ({
    userId,
    kind: FUNDING_NOTIFICATION_KINDS.creditsGranted,
    ref: {
      roundId: p.roundId,
      roundTitle: p.roundTitle,
      communitySlug: p.communitySlug,
      actorId: p.actorId,
      credits: p.credits,
      url: `/communities/${encodeURIComponent(p.communitySlug)}/funding/${p.roundId}`,
    },
  }));
}
