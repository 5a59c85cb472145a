import { AppError } from '@p2pvalue/shared';
import type { z } from 'zod';
import { communityPermissions, type AccessActor } from '../access/access.policy';
import type { AccessService } from '../access/access.service';
import type { CommunityRepository, CommunityRow } from '../communities/community.repository';
import type { ContributionRepository, ContributionRow } from '../contributions/contribution.repository';
import type { NotificationRepository } from '../notifications/notification.repository';
import { thanksNotifications } from './funding-notifications';
import { ZThanksInput } from './funding.schemas';
import type { NeedRepository } from './need.repository';
import { computeReputation, type Reputation } from './reputation';

export interface ContributionView {
  kind: string;
  weight: number;
  at: Date;
  communitySlug: string;
  projectId: string | null;
  needId: string | null;
  needTitle: string | null;
  userName: string;
}

export interface ProfileView {
  userId: string;
  name: string;
  points: number;
  pointsEarned: number;
  reputation: Reputation;
  thanksReceived: { id: string; fromName: string; note: string; needTitle: string | null; createdAt: Date }[];
  thanksGiven: number;
  contributions: ContributionView[];
}

export interface RecognitionDeps {
  needs: NeedRepository;
  communities: CommunityRepository;
  contributions: ContributionRepository;
  notifications: NotificationRepository;
  access: AccessService;
  clock: () => Date;
}

/** Thanks, points, reputation and the contribution ledger as members and projects show it. */
export function createRecognitionService(deps: RecognitionDeps) {
  const { needs, communities, contributions, notifications, access, clock } = deps;

  async function visibleCommunities(actor: AccessActor | null, ids: string[]): Promise<Map<string, CommunityRow>> {
    const out = new Map<string, CommunityRow>();
    for (const id of new Set(ids)) {
      const community = await communities.findById(id);
      if (!community) continue;
      const membership = actor ? await communities.findMembership(id, actor.id) : null;
      if (communityPermissions(actor, { visibility: community.visibility, membership }).canViewContents) out.set(id, community);
    }
    return out;
  }

  async function describe(rows: ContributionRow[], visible: Map<string, CommunityRow>): Promise<ContributionView[]> {
    const shown = rows.filter((r) => visible.has(r.communityId));
    const needIds = shown.flatMap((r) => {
      const ref = r.ref as Record<string, unknown> | null;
      return typeof ref?.needId === 'string' ? [ref.needId] : [];
    });
    const [titles, names] = await Promise.all([needs.titlesOf(needIds), needs.namesOf(shown.map((r) => r.userId))]);
    return shown.map((r) => {
      const ref = r.ref as Record<string, unknown> | null;
      const needId = typeof ref?.needId === 'string' ? ref.needId : null;
      return {
        kind: r.kind,
        weight: r.weight,
        at: r.at,
        communitySlug: visible.get(r.communityId)?.slug ?? '',
        projectId: r.projectId,
        needId,
        needTitle: needId ? (titles.get(needId)?.title ?? null) : null,
        userName: names.get(r.userId) ?? 'Unknown',
      };
    });
  }

  return {
    /** Thank a member of the same community for a contribution, with a note. */
    async thank(actor: AccessActor, raw: z.input<typeof ZThanksInput>): Promise<{ id: string }> {
      const input = ZThanksInput.parse(raw);
      const cctx = await access.communityBySlugOrThrow(actor, input.community);
      if (!cctx.permissions.isMember) throw new AppError('FORBIDDEN', 'Only members of this community can thank its members.');
      if (input.toUserId === actor.id) throw new AppError('BAD_REQUEST', 'You cannot thank yourself.');
      const to = await communities.findMembership(cctx.community.id, input.toUserId);
      if (to?.status !== 'active') throw new AppError('NOT_FOUND', 'No such member in this community.');
      let projectId: string | null = null;
      let needTitle: string | null = null;
      if (input.needId) {
        const need = await needs.findById(input.needId);
        if (!need || need.communityId !== cctx.community.id) throw new AppError('NOT_FOUND', 'No such need in this community.');
        await access.readableProjectOrThrow(actor, need.projectId);
        projectId = need.projectId;
        needTitle = need.title;
      }
      const at = clock();
      return needs.transaction(async (tx) => {
        const row = await needs.addThanks(tx, { communityId: cctx.community.id, fromId: actor.id, toId: input.toUserId, needId: input.needId ?? null, note: input.note, createdAt: at });
        const ref = { thanksId: row.id, ...(input.needId ? { needId: input.needId } : {}) };
        await contributions.append(
          [
            { userId: actor.id, communityId: cctx.community.id, projectId, kind: 'thanks.give', ref: { ...ref, toId: input.toUserId }, at },
            { userId: input.toUserId, communityId: cctx.community.id, projectId, kind: 'thanks.receive', ref: { ...ref, fromId: actor.id }, at },
          ],
          tx,
        );
        await notifications.createMany(thanksNotifications({ toId: input.toUserId, actorId: actor.id, communitySlug: cctx.community.slug, note: input.note, thanksId: row.id, needTitle }), tx);
        return { id: row.id };
      });
    },

    /**
     * A member's points, reputation, thanks and contributions. Anyone signed in may look; events and
     * thanks from communities the viewer cannot see are left out.
     */
    async profile(actor: AccessActor | null, userId: string): Promise<ProfileView> {
      const name = (await needs.namesOf([userId])).get(userId);
      if (!name) throw new AppError('NOT_FOUND', 'No such member.');
      const [points, earned, thanks, thanksGiven, verified, rows] = await Promise.all([
        needs.pointsBalance(userId),
        needs.listPointsEarned(userId),
        needs.listThanksTo(userId, 200),
        needs.countThanksFrom(userId),
        needs.verifiedWork(userId),
        contributions.listForUser(userId, { take: 200 }),
      ]);
      const visible = await visibleCommunities(actor, [...rows.map((r) => r.communityId), ...thanks.map((t) => t.communityId)]);
      const shownThanks = thanks.filter((t) => visible.has(t.communityId));
      const [fromNames, titles] = await Promise.all([needs.namesOf(shownThanks.map((t) => t.fromId)), needs.titlesOf(shownThanks.flatMap((t) => (t.needId ? [t.needId] : [])))]);
      const reputation = computeReputation(
        { pointsEarned: earned.map((p) => ({ points: p.delta, at: p.at })), thanksReceived: thanks.map((t) => ({ at: t.createdAt })), verifiedNeeds: verified },
        clock(),
      );
      return {
        userId,
        name,
        points,
        pointsEarned: earned.reduce((a, p) => a + p.delta, 0),
        reputation,
        thanksReceived: shownThanks.map((t) => ({ id: t.id, fromName: fromNames.get(t.fromId) ?? 'Unknown', note: t.note, needTitle: t.needId ? (titles.get(t.needId)?.title ?? null) : null, createdAt: t.createdAt })),
        thanksGiven,
        contributions: await describe(rows, visible),
      };
    },

    /** Who did what in a project: its ledger events, newest first. */
    async projectActivity(actor: AccessActor | null, projectId: string): Promise<ContributionView[]> {
      const ctx = await access.readableProjectOrThrow(actor, projectId);
      const rows = await contributions.listForProject(projectId, 200);
      return describe(rows, new Map([[ctx.community.id, ctx.community]]));
    },
  };
}

export type RecognitionService = ReturnType<typeof createRecognitionService>;
