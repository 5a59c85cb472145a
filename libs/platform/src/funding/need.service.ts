import { AppError } from '@p2pvalue/shared';
import type { z } from 'zod';
import type { AccessActor } from '../access/access.policy';
import type { AccessService, ProjectAccessContext } from '../access/access.service';
import type { ContributionInput, ContributionRepository } from '../contributions/contribution.repository';
import type { NotificationRepository } from '../notifications/notification.repository';
import { progressBand, type TProgressBand } from './direct';
import { needClaimedNotifications } from './funding-notifications';
import {
  ZBountyInput,
  ZChecklistAddInput,
  ZChecklistToggleInput,
  ZCreateNeedInput,
  ZNeedActionInput,
  ZNeedCommentInput,
  ZNeedFeatureInput,
  ZUpdateNeedInput,
} from './funding.schemas';
import { acceptsPledges, decideNeedAction, type NeedActorFacts, type TNeedStatus } from './need-lifecycle';
import type { NeedListRow, NeedRepository, NeedRow, TNeedSource, Tx } from './need.repository';
import { allocateWholeCredits } from './quadratic';
import { rankNeeds } from './ranking';
import { POINTS_PER_EFFORT_HOUR } from './reputation';
import type { RoundRepository } from './round.repository';

export interface NeedPermissions {
  canEdit: boolean;
  canOpen: boolean;
  canFeature: boolean;
  canClaim: boolean;
  canUnclaim: boolean;
  canComplete: boolean;
  canVerify: boolean;
  canCancel: boolean;
  canComment: boolean;
  canAttachBounty: boolean;
}

export interface NeedSummaryView {
  id: string;
  projectId: string;
  title: string;
  status: TNeedStatus;
  featured: boolean;
  goal: number;
  stretchGoal: number | null;
  pledged: number;
  bountyTotal: number;
  effortHours: number;
  skills: string[];
  dueDate: Date | null;
  supporters: number;
  assignees: { userId: string; name: string }[];
  ratio: number;
  band: TProgressBand;
  almostThere: boolean;
}

export interface NeedView extends NeedSummaryView {
  communityId: string;
  communitySlug: string;
  projectSlug: string;
  projectTitle: string;
  description: string;
  source: TNeedSource;
  sourceRef: string | null;
  sourceQuote: string | null;
  /** Where the need was made from (a document or a chat message), when that place still exists. */
  sourceLink: { href: string; label: string } | null;
  createdById: string;
  createdByName: string;
  createdAt: Date;
  transitions: { actorName: string; from: TNeedStatus | null; to: TNeedStatus; note: string | null; at: Date }[];
  comments: { id: string; authorId: string; authorName: string; body: string; createdAt: Date }[];
  checklist: { id: string; text: string; done: boolean; doneByName: string | null }[];
  bounties: { userName: string; points: number; paid: boolean }[];
  permissions: NeedPermissions;
  /** The community's open round, with the viewer's pledge and balance in it (members only). */
  round: { id: string; title: string; mechanism: 'direct' | 'quadratic'; allowStretch: boolean; memberCapPerNeed: number | null; closesAt: Date; myPledge: number; myBalance: number } | null;
}

export interface NeedDeps {
  needs: NeedRepository;
  rounds: RoundRepository;
  contributions: ContributionRepository;
  notifications: NotificationRepository;
  access: AccessService;
  /** The community's projects the actor may see (the project service's list). */
  listVisibleProjects: (actor: AccessActor | null, communitySlug: string) => Promise<{ id: string; slug: string; title: string }[]>;
  clock: () => Date;
}

const FINISHED: readonly TNeedStatus[] = ['done', 'verified', 'cancelled'];

export function createNeedService(deps: NeedDeps) {
  const { needs, rounds, contributions, notifications, access, clock } = deps;

  async function needContextOrThrow(actor: AccessActor | null, needId: string): Promise<{ need: NeedRow; ctx: ProjectAccessContext }> {
    const need = await needs.findById(needId);
    if (!need) throw new AppError('NOT_FOUND', 'No such need.');
    const ctx = await access.readableProjectOrThrow(actor, need.projectId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', 'No such need.');
      throw error;
    });
    return { need, ctx };
  }

  const isStaff = (actor: AccessActor | null) => actor?.role === 'staff';
  const isAdmin = (actor: AccessActor | null, ctx: ProjectAccessContext) => ctx.permissions.canFeature || isStaff(actor);
  const isMember = (ctx: ProjectAccessContext) => ctx.membership?.status === 'active';

  function actorFacts(actor: AccessActor | null, ctx: ProjectAccessContext, need: NeedRow, assigneeIds: string[]): NeedActorFacts {
    return {
      isAdmin: isAdmin(actor, ctx),
      isMember: isMember(ctx) && ctx.permissions.access === 'write',
      isAssignee: actor !== null && assigneeIds.includes(actor.id),
      isCreator: actor !== null && need.createdById === actor.id,
      assigneeCount: assigneeIds.length,
    };
  }

  function permissionsFor(actor: AccessActor | null, ctx: ProjectAccessContext, need: NeedRow, assigneeIds: string[]): NeedPermissions {
    const facts = actorFacts(actor, ctx, need, assigneeIds);
    const can = (action: Parameters<typeof decideNeedAction>[1]) => actor !== null && decideNeedAction(need.status, action, facts).ok;
    const writer = ctx.permissions.access === 'write';
    return {
      canEdit: writer && ctx.permissions.canEditDetails && (need.status === 'proposed' || need.status === 'open'),
      canOpen: writer && can('open'),
      canFeature: writer && facts.isAdmin && !FINISHED.includes(need.status),
      canClaim: writer && can('claim'),
      canUnclaim: writer && can('unclaim'),
      canComplete: writer && can('complete'),
      canVerify: writer && can('verify'),
      canCancel: writer && can('cancel'),
      canComment: ctx.permissions.canComment,
      canAttachBounty: writer && facts.isMember && !FINISHED.includes(need.status),
    };
  }

  function summarise(row: NeedListRow, names: Map<string, string>, ranked?: { ratio: number; band: TProgressBand; almostThere: boolean }): NeedSummaryView {
    // Finished work shows a full bar whatever its funding history.
    const ratio = ranked?.ratio ?? (row.status === 'done' || row.status === 'verified' ? 1 : Math.min(1, row.pledged / row.goal));
    return {
      id: row.id,
      projectId: row.projectId,
      title: row.title,
      status: row.status,
      featured: row.featured,
      goal: row.goal,
      stretchGoal: row.stretchGoal,
      pledged: row.pledged,
      bountyTotal: row.bountyTotal,
      effortHours: row.effortHours,
      skills: row.skills,
      dueDate: row.dueDate,
      supporters: row.supporters,
      assignees: row.assigneeIds.map((userId) => ({ userId, name: names.get(userId) ?? 'Unknown' })),
      ratio,
      band: ranked?.band ?? progressBand(ratio),
      almostThere: ranked?.almostThere ?? false,
    };
  }

  function event(ctx: { communityId: string; projectId: string | null }, userId: string, kind: ContributionInput['kind'], ref: Record<string, unknown>, weight = 1): ContributionInput {
    return { userId, communityId: ctx.communityId, projectId: ctx.projectId, kind, ref, weight, at: clock() };
  }

  /** Pays a verified need: points by effort and the unpaid bounties, shared among the assignees. */
  async function payOut(tx: Tx, need: NeedRow, assigneeIds: string[], at: Date): Promise<ContributionInput[]> {
    if (assigneeIds.length === 0) return [];
    const share = (total: number) => allocateWholeCredits(Object.fromEntries(assigneeIds.map((id) => [id, total / assigneeIds.length])));
    const points = share(need.effortHours * POINTS_PER_EFFORT_HOUR);
    const bounty = share(need.bountyTotal);
    await needs.addPoints(tx, [
      ...assigneeIds.map((userId) => ({ userId, communityId: need.communityId, delta: points[userId] ?? 0, reason: 'need.verified', needId: need.id, at })),
      ...assigneeIds.map((userId) => ({ userId, communityId: need.communityId, delta: bounty[userId] ?? 0, reason: 'bounty.paid', needId: need.id, at })),
    ]);
    if (need.bountyTotal > 0) {
      await needs.markBountiesPaid(tx, need.id, at);
      await needs.update(tx, need.id, { bountyTotal: 0 });
    }
    const place = { communityId: need.communityId, projectId: need.projectId };
    return assigneeIds.flatMap((userId) => [
      ...((bounty[userId] ?? 0) > 0 ? [event(place, userId, 'bounty.paid', { needId: need.id, points: bounty[userId] }, bounty[userId])] : []),
    ]);
  }

  /**
   * Gives the pledges of the open round back when a need is cancelled (balances, ledger). Takes the
   * round exclusively, so no pledge to the need is in flight while they are handed back.
   */
  async function refundPledges(tx: Tx, need: NeedRow, at: Date): Promise<void> {
    const round = await rounds.findOpen(need.communityId);
    if (!round) return;
    await rounds.lockRound(tx, round.id, 'update');
    const pledges = (await rounds.listPledges(round.id, tx)).filter((p) => p.needId === need.id).sort((a, b) => (a.userId < b.userId ? -1 : 1));
    for (const p of pledges) {
      await rounds.lockBalance(tx, round.id, p.userId, round.budgetPerMember);
      await rounds.addSpent(tx, round.id, p.userId, -p.amount);
      await rounds.setPledge(tx, { roundId: round.id, needId: need.id, userId: p.userId, amount: 0, delta: -p.amount, at });
    }
  }

  /** The link back to the document or chat message a need was made from, if the viewer may follow it. */
  /**
   * A chat message of this community the actor may read: chat's rule (active members read the
   * community's channels; project channels follow the project's access) — never direct messages.
   */
  async function readableMessagePlace(actor: AccessActor, messageId: string, ctx: ProjectAccessContext) {
    const place = await needs.chatMessagePlace(messageId);
    if (!place || place.communityId !== ctx.community.id || ctx.membership?.status !== 'active') return null;
    if (place.projectId) {
      const readable = await access.readableProjectOrThrow(actor, place.projectId).then(
        (p) => p.permissions.access !== 'none',
        () => false,
      );
      if (!readable) return null;
    }
    return place;
  }

  async function sourceLinkOf(actor: AccessActor | null, need: NeedRow, ctx: ProjectAccessContext): Promise<NeedView['sourceLink']> {
    if (!need.sourceRef) return null;
    const community = encodeURIComponent(ctx.community.slug);
    if (need.source === 'document') {
      // Made from a document of the need's own project, so whoever reads the need may read it.
      const title = await needs.documentTitle(need.sourceRef);
      return title === null ? null : { href: `/communities/${community}/projects/${encodeURIComponent(ctx.project.slug)}/documents/${need.sourceRef}`, label: title || 'Untitled document' };
    }
    if (need.source === 'chat' && actor) {
      const place = await readableMessagePlace(actor, need.sourceRef, ctx);
      if (!place) return null;
      return { href: `/communities/${community}/chat/${place.channelId}?message=${need.sourceRef}`, label: `#${place.channelName}` };
    }
    return null;
  }

  async function viewOf(actor: AccessActor | null, need: NeedRow, ctx: ProjectAccessContext): Promise<NeedView> {
    const [assigneeIds, transitions, comments, checklist, bounties, round, list, sourceLink] = await Promise.all([
      needs.assigneeIds(need.id),
      needs.listTransitions(need.id),
      needs.listComments(need.id),
      needs.listChecklist(need.id),
      needs.listBounties(need.id),
      rounds.findOpen(need.communityId),
      needs.listForProject(need.projectId),
      sourceLinkOf(actor, need, ctx),
    ]);
    const names = await needs.namesOf([
      need.createdById,
      ...assigneeIds,
      ...transitions.flatMap((t) => (t.actorId ? [t.actorId] : [])),
      ...comments.map((c) => c.authorId),
      ...checklist.flatMap((c) => (c.doneById ? [c.doneById] : [])),
      ...bounties.map((b) => b.userId),
    ]);
    const row = list.find((r) => r.id === need.id) ?? { ...need, supporters: 0, assigneeIds };
    const ranked = rankNeeds(list.filter((r) => r.status === 'open').map((r) => ({ ...r, updatedAt: r.updatedAt }))).find((r) => r.need.id === need.id);
    let roundView: NeedView['round'] = null;
    if (round && actor && isMember(ctx) && acceptsPledges(need.status)) {
      const [mine, balance] = await Promise.all([rounds.listMemberPledges(round.id, actor.id), rounds.findBalance(round.id, actor.id)]);
      roundView = {
        id: round.id,
        title: round.title,
        mechanism: round.mechanism,
        allowStretch: round.allowStretch,
        memberCapPerNeed: round.memberCapPerNeed,
        closesAt: round.closesAt,
        myPledge: mine.find((p) => p.needId === need.id)?.amount ?? 0,
        myBalance: balance ? balance.granted - balance.spent : round.budgetPerMember,
      };
    }
    return {
      ...summarise(row, names, ranked),
      communityId: need.communityId,
      communitySlug: ctx.community.slug,
      projectSlug: ctx.project.slug,
      projectTitle: ctx.project.title,
      description: need.description,
      source: need.source,
      sourceRef: need.sourceRef,
      sourceQuote: need.sourceQuote,
      sourceLink,
      createdById: need.createdById,
      createdByName: names.get(need.createdById) ?? 'Unknown',
      createdAt: need.createdAt,
      transitions: transitions.map((t) => ({ actorName: t.actorId ? (names.get(t.actorId) ?? 'Unknown') : 'System', from: t.from, to: t.to, note: t.note, at: t.at })),
      comments: comments.map((c) => ({ ...c, authorName: names.get(c.authorId) ?? 'Unknown' })),
      checklist: checklist.map((c) => ({ id: c.id, text: c.text, done: c.doneAt !== null, doneByName: c.doneById ? (names.get(c.doneById) ?? 'Unknown') : null })),
      bounties: bounties.map((b) => ({ userName: names.get(b.userId) ?? 'Unknown', points: b.points, paid: b.paidAt !== null })),
      permissions: permissionsFor(actor, ctx, need, assigneeIds),
      round: roundView,
    };
  }

  return {
    async getNeedOrThrow(actor: AccessActor | null, needId: string): Promise<NeedView> {
      const { need, ctx } = await needContextOrThrow(actor, needId);
      return viewOf(actor, need, ctx);
    },

    /**
     * A project's needs: those being funded ranked (featured first, "almost there" next, then by
     * support), then work in progress, then finished ones; cancelled needs are left out.
     */
    async listProjectNeeds(actor: AccessActor | null, projectId: string): Promise<{ items: (NeedSummaryView & { section: 'funding' | 'working' | 'finished' })[]; canCreate: boolean }> {
      const ctx = await access.readableProjectOrThrow(actor, projectId);
      const rows = await needs.listForProject(projectId);
      const names = await needs.namesOf(rows.flatMap((r) => r.assigneeIds));
      const funding = rankNeeds(rows.filter((r) => r.status === 'proposed' || r.status === 'open' || r.status === 'funded')).map((r) => ({
        ...summarise(r.need, names, r),
        section: 'funding' as const,
      }));
      const working = rows.filter((r) => r.status === 'in_progress').map((r) => ({ ...summarise(r, names), section: 'working' as const }));
      const finished = rows.filter((r) => r.status === 'done' || r.status === 'verified').map((r) => ({ ...summarise(r, names), section: 'finished' as const }));
      return { items: [...funding, ...working, ...finished], canCreate: ctx.permissions.canEditDetails && ctx.permissions.access === 'write' };
    },

    /** Featured needs of a community's projects the viewer may see: a way in for newcomers. */
    async listFeatured(actor: AccessActor | null, communitySlug: string): Promise<(NeedSummaryView & { projectSlug: string; projectTitle: string })[]> {
      const cctx = await access.communityBySlugOrThrow(actor, communitySlug);
      if (!cctx.permissions.canViewContents) return [];
      const projects = new Map((await deps.listVisibleProjects(actor, communitySlug)).map((p) => [p.id, p]));
      const rows = await needs.listFeatured(cctx.community.id, [...projects.keys()], 12);
      const names = await needs.namesOf(rows.flatMap((r) => r.assigneeIds));
      return rows.map((r) => ({ ...summarise(r, names), projectSlug: projects.get(r.projectId)?.slug ?? '', projectTitle: projects.get(r.projectId)?.title ?? '' }));
    },

    async createNeed(actor: AccessActor, raw: z.input<typeof ZCreateNeedInput>): Promise<NeedView> {
      const input = ZCreateNeedInput.parse(raw);
      const ctx = await access.readableProjectOrThrow(actor, input.projectId);
      if (ctx.permissions.access !== 'write' || !ctx.permissions.canEditDetails) throw new AppError('FORBIDDEN', 'Only project members and admins can add needs.');
      let sourceRef: string | null = null;
      let sourceQuote: string | null = null;
      if (input.source.kind === 'document') {
        if ((await needs.documentProjectId(input.source.documentId)) !== ctx.project.id) throw new AppError('BAD_REQUEST', 'That document is not part of this project.');
        sourceRef = input.source.documentId;
        sourceQuote = input.source.quote;
      } else if (input.source.kind === 'chat') {
        // Only messages of this community's channels that the maker may read (never direct messages).
        if (!(await readableMessagePlace(actor, input.source.messageId, ctx))) throw new AppError('BAD_REQUEST', 'That message is not part of this community.');
        sourceRef = input.source.messageId;
        sourceQuote = input.source.quote;
      }
      const at = clock();
      const need = await needs.transaction(async (tx) => {
        const created = await needs.create(tx, {
          projectId: ctx.project.id,
          communityId: ctx.community.id,
          title: input.title,
          description: input.description,
          skills: [...new Set(input.skills)],
          effortHours: input.effortHours,
          goal: input.goal,
          stretchGoal: input.stretchGoal ?? null,
          dueDate: input.dueDate ?? null,
          source: input.source.kind,
          sourceRef,
          sourceQuote,
          createdById: actor.id,
        });
        await needs.recordTransition(tx, { needId: created.id, actorId: actor.id, from: null, to: 'proposed', at });
        await contributions.append([event({ communityId: ctx.community.id, projectId: ctx.project.id }, actor.id, 'need.create', { needId: created.id, title: created.title })], tx);
        return created;
      });
      return viewOf(actor, need, ctx);
    },

    async updateNeed(actor: AccessActor, raw: z.input<typeof ZUpdateNeedInput>): Promise<NeedView> {
      const { needId, ...input } = ZUpdateNeedInput.parse(raw);
      const { ctx } = await needContextOrThrow(actor, needId);
      if (ctx.permissions.access !== 'write' || !ctx.permissions.canEditDetails) throw new AppError('FORBIDDEN', 'Only project members and admins can edit needs.');
      const need = await needs.transaction(async (tx) => {
        const locked = await needs.lockNeed(tx, needId);
        if (!locked) throw new AppError('NOT_FOUND', 'No such need.');
        if (locked.status !== 'proposed' && locked.status !== 'open') throw new AppError('CONFLICT', 'Needs can be edited only until they are funded.');
        const goal = input.goal ?? locked.goal;
        const stretchGoal = input.stretchGoal === undefined ? locked.stretchGoal : input.stretchGoal;
        if (goal < locked.pledged) throw new AppError('CONFLICT', `Members have pledged ${locked.pledged} credits; the goal cannot go below that.`);
        if (stretchGoal !== null && stretchGoal <= goal) throw new AppError('BAD_REQUEST', 'The stretch goal must be above the goal.');
        return needs.update(tx, needId, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.skills !== undefined ? { skills: [...new Set(input.skills)] } : {}),
          ...(input.effortHours !== undefined ? { effortHours: input.effortHours } : {}),
          ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
          goal,
          stretchGoal,
        });
      });
      return viewOf(actor, need, ctx);
    },

    /** A lifecycle step (open, claim, unclaim, complete, verify, reopen, cancel), recorded with who and when. */
    async act(actor: AccessActor, raw: z.input<typeof ZNeedActionInput>): Promise<NeedView> {
      const input = ZNeedActionInput.parse(raw);
      const { ctx } = await needContextOrThrow(actor, input.needId);
      if (ctx.permissions.access !== 'write') throw new AppError('FORBIDDEN', 'You can see this need but not change it.');
      const at = clock();
      const need = await needs.transaction(async (tx) => {
        if (input.action === 'cancel') {
          const current = await needs.findById(input.needId, tx);
          if (current && acceptsPledges(current.status)) await refundPledges(tx, current, at);
        }
        const locked = await needs.lockNeed(tx, input.needId);
        if (!locked) throw new AppError('NOT_FOUND', 'No such need.');
        const assigneeIds = await needs.assigneeIds(locked.id, tx);
        const decision = decideNeedAction(locked.status, input.action, actorFacts(actor, ctx, locked, assigneeIds));
        if (!decision.ok) throw new AppError(decision.code, decision.message);
        const place = { communityId: locked.communityId, projectId: locked.projectId };
        const events: ContributionInput[] = [];
        if (input.action === 'claim') {
          await needs.addAssignee(tx, locked.id, actor.id);
          events.push(event(place, actor.id, 'need.claim', { needId: locked.id }));
          if (locked.featured) await needs.update(tx, locked.id, { featured: false });
          await notifications.createMany(
            needClaimedNotifications({ needId: locked.id, needTitle: locked.title, communitySlug: ctx.community.slug, proposerId: locked.createdById, actorId: actor.id }),
            tx,
          );
        } else if (input.action === 'unclaim') {
          await needs.removeAssignee(tx, locked.id, actor.id);
        } else if (input.action === 'complete') {
          events.push(...assigneeIds.map((id) => event(place, id, 'need.complete', { needId: locked.id, effortHours: locked.effortHours }, locked.effortHours)));
        } else if (input.action === 'verify') {
          events.push(event(place, actor.id, 'need.verify', { needId: locked.id }));
          events.push(...(await payOut(tx, locked, assigneeIds, at)));
        } else if (input.action === 'open') {
          events.push(event(place, actor.id, 'need.open', { needId: locked.id }));
        } else if (input.action === 'cancel') {
          events.push(event(place, actor.id, 'need.cancel', { needId: locked.id }));
          const bounties = (await needs.listBounties(locked.id, tx)).filter((b) => b.paidAt === null);
          await needs.addPoints(tx, bounties.map((b) => ({ userId: b.userId, communityId: locked.communityId, delta: b.points, reason: 'bounty.refund', needId: locked.id, at })));
          await needs.markBountiesPaid(tx, locked.id, at);
        }
        const fresh = await needs.findById(locked.id, tx);
        const bountyTotal = input.action === 'cancel' ? 0 : (fresh?.bountyTotal ?? locked.bountyTotal);
        const pledged = input.action === 'cancel' ? 0 : (fresh?.pledged ?? locked.pledged);
        if (decision.to !== locked.status) {
          await needs.recordTransition(tx, { needId: locked.id, actorId: actor.id, from: locked.status, to: decision.to, note: input.note ?? null, at });
        }
        await contributions.append(events, tx);
        return needs.update(tx, locked.id, { status: decision.to, bountyTotal, pledged });
      });
      return viewOf(actor, need, ctx);
    },

    /** Admins feature an unstaffed need: it shows on the community home as a way in. */
    async setFeatured(actor: AccessActor, raw: z.input<typeof ZNeedFeatureInput>): Promise<NeedView> {
      const input = ZNeedFeatureInput.parse(raw);
      const { ctx } = await needContextOrThrow(actor, input.needId);
      if (!isAdmin(actor, ctx) || ctx.permissions.access !== 'write') throw new AppError('FORBIDDEN', 'Only community admins can feature needs.');
      const need = await needs.transaction(async (tx) => {
        const locked = await needs.lockNeed(tx, input.needId);
        if (!locked) throw new AppError('NOT_FOUND', 'No such need.');
        if (input.featured) {
          if (FINISHED.includes(locked.status)) throw new AppError('CONFLICT', 'Finished needs cannot be featured.');
          if ((await needs.assigneeIds(locked.id, tx)).length > 0) throw new AppError('CONFLICT', 'Someone is already on this need; feature needs nobody has taken yet.');
          if (!locked.featured) await contributions.append([event({ communityId: locked.communityId, projectId: locked.projectId }, actor.id, 'need.feature', { needId: locked.id })], tx);
        }
        return needs.update(tx, locked.id, { featured: input.featured });
      });
      return viewOf(actor, need, ctx);
    },

    async addComment(actor: AccessActor, raw: z.input<typeof ZNeedCommentInput>): Promise<NeedView> {
      const input = ZNeedCommentInput.parse(raw);
      const { need, ctx } = await needContextOrThrow(actor, input.needId);
      if (!ctx.permissions.canComment) throw new AppError('FORBIDDEN', 'You can read this need but not comment on it.');
      await needs.transaction(async (tx) => {
        const comment = await needs.addComment(tx, { needId: need.id, authorId: actor.id, body: input.body, createdAt: clock() });
        await contributions.append([event({ communityId: need.communityId, projectId: need.projectId }, actor.id, 'need.comment', { needId: need.id, commentId: comment.id })], tx);
      });
      return viewOf(actor, need, ctx);
    },

    async addChecklistItem(actor: AccessActor, raw: z.input<typeof ZChecklistAddInput>): Promise<NeedView> {
      const input = ZChecklistAddInput.parse(raw);
      const { need, ctx } = await needContextOrThrow(actor, input.needId);
      if (!ctx.permissions.canComment) throw new AppError('FORBIDDEN', 'You can read this need but not change it.');
      await needs.addChecklistItem({ needId: need.id, text: input.text, createdById: actor.id });
      return viewOf(actor, need, ctx);
    },

    async setChecklistItemDone(actor: AccessActor, raw: z.input<typeof ZChecklistToggleInput>): Promise<NeedView> {
      const input = ZChecklistToggleInput.parse(raw);
      const item = await needs.findChecklistItem(input.itemId);
      if (!item) throw new AppError('NOT_FOUND', 'No such checklist item.');
      const { need, ctx } = await needContextOrThrow(actor, item.needId);
      if (!ctx.permissions.canComment) throw new AppError('FORBIDDEN', 'You can read this need but not change it.');
      await needs.setChecklistItemDone(item.id, input.done ? { at: clock(), by: actor.id } : null);
      return viewOf(actor, need, ctx);
    },

    /** A member attaches their own points to a need; whoever completes it gets them when it is verified. */
    async attachBounty(actor: AccessActor, raw: z.input<typeof ZBountyInput>): Promise<NeedView> {
      const input = ZBountyInput.parse(raw);
      const { ctx } = await needContextOrThrow(actor, input.needId);
      if (ctx.permissions.access !== 'write' || !isMember(ctx)) throw new AppError('FORBIDDEN', 'Only members of the community can add bounties.');
      const at = clock();
      const need = await needs.transaction(async (tx) => {
        await needs.lockPoints(tx, actor.id);
        const balance = await needs.pointsBalance(actor.id, tx);
        if (balance < input.points) throw new AppError('CONFLICT', `You have ${balance} points; a bounty of ${input.points} needs more.`, { details: { reason: 'INSUFFICIENT_POINTS' } });
        const locked = await needs.lockNeed(tx, input.needId);
        if (!locked) throw new AppError('NOT_FOUND', 'No such need.');
        if (FINISHED.includes(locked.status)) throw new AppError('CONFLICT', 'This need is finished; bounties are for work still to do.');
        await needs.addBounty(tx, { needId: locked.id, userId: actor.id, points: input.points, createdAt: at });
        await needs.addPoints(tx, [{ userId: actor.id, communityId: locked.communityId, delta: -input.points, reason: 'bounty.attach', needId: locked.id, at }]);
        await contributions.append([event({ communityId: locked.communityId, projectId: locked.projectId }, actor.id, 'bounty.attach', { needId: locked.id, points: input.points }, input.points)], tx);
        return needs.update(tx, locked.id, { bountyTotal: locked.bountyTotal + input.points });
      });
      return viewOf(actor, need, ctx);
    },
  };
}

export type NeedService = ReturnType<typeof createNeedService>;
