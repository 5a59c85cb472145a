import { AppError, type AppErrorCode } from '@p2pvalue/shared';
import type { z } from 'zod';
import type { AccessActor } from '../access/access.policy';
import type { AccessService, CommunityAccess } from '../access/access.service';
import type { CommunityRepository } from '../communities/community.repository';
import type { ContributionInput, ContributionRepository } from '../contributions/contribution.repository';
import type { NotificationRepository } from '../notifications/notification.repository';
import { decidePledge, fundingCeiling, type TPledgeRefusal } from './direct';
import { checkEarnedRule, computeEarnedBudget, describeEarnedFormula, explainEarnedBudget, resolveEarnedWindow, type EarnedRule, type TEarnedRuleInput } from './earned-budget';
import { creditsGrantedNotifications, needFundedNotifications, roundOpenedNotifications } from './funding-notifications';
import { ZGrantCreditsInput, ZOpenRoundInput, ZPledgeInput, ZWithdrawPledgeInput } from './funding.schemas';
import { acceptsPledges, type TNeedStatus } from './need-lifecycle';
import type { NeedRepository } from './need.repository';
import { allocateWholeCredits, computeQuadraticMatching } from './quadratic';
import { rankNeeds } from './ranking';
import type { EarnedGrant, PledgeEventRow, RoundRepository, RoundRow, TBudgetMode, TFundingMechanism, TRoundStatus } from './round.repository';

/** Why a pledge was refused: the pure rules' reasons plus those the service checks. */
export type TPledgeRefusalReason = TPledgeRefusal | 'NEED_NOT_OPEN' | 'NEED_NOT_IN_ROUND' | 'BELOW_MINIMUM_GOAL' | 'NOT_PLEDGED';

const CODE_BY_REASON: Record<TPledgeRefusalReason, AppErrorCode> = {
  NOT_WHOLE_CREDITS: 'BAD_REQUEST',
  OVER_MEMBER_CAP: 'BAD_REQUEST',
  NEED_NOT_IN_ROUND: 'BAD_REQUEST',
  BELOW_MINIMUM_GOAL: 'BAD_REQUEST',
  ROUND_CLOSED: 'CONFLICT',
  INSUFFICIENT_BALANCE: 'CONFLICT',
  OVER_GOAL: 'CONFLICT',
  NEED_NOT_OPEN: 'CONFLICT',
  NOT_PLEDGED: 'NOT_FOUND',
};

function refuse(reason: TPledgeRefusalReason, message: string): never {
  throw new AppError(CODE_BY_REASON[reason], message, { details: { reason } });
}

/** The frozen outcome of a round, stored in the round's row at close. */
export interface RoundResults {
  mechanism: TFundingMechanism;
  matchingPool: number;
  capRatio: number | null;
  totals: { pledged: number; matched: number; unallocated: number; pledgers: number; funded: number; unfunded: number };
  needs: {
    rank: number;
    needId: string;
    projectId: string;
    title: string;
    goal: number;
    stretchGoal: number | null;
    pledged: number;
    supporters: number;
    matched: number;
    total: number;
    funded: boolean;
  }[];
}

export interface RoundView {
  id: string;
  communityId: string;
  communitySlug: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  budgetPerMember: number;
  budgetMode: TBudgetMode;
  /** Earned rounds: the rule, its formula in words and (once open) the window it counted. */
  earned: { base: number; rate: number; cap: number; windowDays: number | null; windowStart: Date | null; windowEnd: Date | null; formula: string } | null;
  memberCapPerNeed: number | null;
  minimumGoal: number;
  allowStretch: boolean;
  mechanism: TFundingMechanism;
  matchingPool: number;
  capRatio: number | null;
  status: TRoundStatus;
  /** Open and inside its window. */
  accepting: boolean;
  closedAt: Date | null;
  results: RoundResults | null;
  /** Now (open: the pledges standing; closed: the frozen results; scheduled: zeros). */
  totals: { pledged: number; matched: number; pledgers: number; needsPledged: number; funded: number };
  canClose: boolean;
  /** Admins may cancel a round that has not opened yet. */
  canCancel: boolean;
  /** The viewer's balance (members only). */
  me: { granted: number; spent: number; balance: number; pledges: { needId: string; amount: number }[]; budgetWhy: string | null } | null;
  /** While open: the needs that take pledges, ranked. */
  needs: {
    id: string;
    projectId: string;
    projectTitle: string;
    title: string;
    status: TNeedStatus;
    goal: number;
    stretchGoal: number | null;
    pledged: number;
    ceiling: number;
    supporters: number;
    ratio: number;
    band: 'low' | 'middle' | 'high';
    almostThere: boolean;
    featured: boolean;
  }[];
}

export interface PledgeResult {
  needId: string;
  amount: number;
  needPledged: number;
  needStatus: TNeedStatus;
  balance: number;
}

/** A member's granted credits in one round stay far inside PostgreSQL's integer. */
const MAX_GRANTED = 100_000_000;

export interface RoundDeps {
  rounds: RoundRepository;
  needs: NeedRepository;
  communities: CommunityRepository;
  contributions: ContributionRepository;
  notifications: NotificationRepository;
  access: AccessService;
  listVisibleProjects: (actor: AccessActor | null, communitySlug: string) => Promise<{ id: string; slug: string; title: string }[]>;
  clock: () => Date;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string; originalCode?: string }; meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } };
  return (
    e?.code === 'P2002' ||
    e?.cause?.originalCode === '23505' ||
    e?.meta?.driverAdapterError?.cause?.originalCode === '23505' ||
    e?.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation'
  );
}

export function createRoundService(deps: RoundDeps) {
  const { rounds, needs, communities, contributions, notifications, access, clock } = deps;
  const isStaff = (actor: AccessActor | null) => actor?.role === 'staff';
  const accepting = (round: RoundRow, now: Date) => round.status === 'open' && now >= round.opensAt && now < round.closesAt;
  const earnedRuleOf = (r: RoundRow): EarnedRule | null => (r.budgetMode === 'earned' && r.earnedRule ? (r.earnedRule as EarnedRule) : null);
  const windowOf = (rule: EarnedRule) => ({ start: rule.windowStart ? new Date(rule.windowStart) : null, end: new Date(rule.windowEnd ?? 0) });

  /** Earned budgets of `userIds` for a round of the community opening at `opensAt`, and the rule with its window resolved. */
  async function earnedGrants(
    tx: Parameters<RoundRepository['lockBalance']>[0],
    round: { id: string | null; communityId: string; opensAt: Date },
    rule: TEarnedRuleInput,
    userIds: string[],
  ): Promise<{ rule: EarnedRule; grants: EarnedGrant[] }> {
    const previous = rule.window.kind === 'sincePreviousRound' ? await rounds.previousOpening(tx, round.communityId, round.opensAt, round.id) : null;
    const { start, end } = resolveEarnedWindow(rule.window, round.opensAt, previous);
    const points = await rounds.pointsEarnedIn(round.communityId, userIds, start, end, tx);
    const grants = userIds.map((userId) => {
      const budget = computeEarnedBudget(rule, points.get(userId) ?? 0);
      return { userId, granted: budget.credits, earnedPoints: budget.points };
    });
    const stored: EarnedRule = { base: rule.base, rate: rule.rate, cap: rule.cap, window: rule.window, windowStart: start?.toISOString() ?? null, windowEnd: end.toISOString() };
    return { rule: stored, grants };
  }

  /** Locks the member's balance, creating it first for members who joined after the opening (earned rounds: with their earned budget). */
  async function lockMemberBalance(tx: Parameters<RoundRepository['lockBalance']>[0], r: RoundRow, userId: string) {
    const rule = earnedRuleOf(r);
    if (!rule?.windowEnd || (await rounds.hasBalance(tx, r.id, userId))) return rounds.lockBalance(tx, r.id, userId, r.budgetPerMember);
    const { start, end } = windowOf(rule);
    const points = (await rounds.pointsEarnedIn(r.communityId, [userId], start, end, tx)).get(userId) ?? 0;
    const budget = computeEarnedBudget(rule, points);
    return rounds.lockBalance(tx, r.id, userId, budget.credits, budget.points);
  }

  function earnedView(r: RoundRow): RoundView['earned'] {
    const rule = earnedRuleOf(r);
    if (!rule) return null;
    return {
      base: rule.base,
      rate: rule.rate,
      cap: rule.cap,
      windowDays: rule.window.kind === 'lastDays' ? rule.window.days : null,
      windowStart: rule.windowStart ? new Date(rule.windowStart) : null,
      windowEnd: rule.windowEnd ? new Date(rule.windowEnd) : null,
      formula: describeEarnedFormula(rule),
    };
  }

  /** Refuses an unsound earned rule with a typed reason; the rule to use, or null for equal budgets. */
  function earnedRuleOrThrow(input: { budgetMode: TBudgetMode; earned?: TEarnedRuleInput | null }): TEarnedRuleInput | null {
    if (input.budgetMode === 'equal') {
      if (input.earned) throw new AppError('BAD_REQUEST', 'An earned-budget rule is only for rounds with earned budgets.', { details: { reason: 'EARNED_RULE_UNEXPECTED' } });
      return null;
    }
    if (!input.earned) throw new AppError('BAD_REQUEST', 'Earned budgets need a rule: base, rate and cap.', { details: { reason: 'EARNED_RULE_MISSING' } });
    const refusal = checkEarnedRule(input.earned);
    if (refusal) throw new AppError('BAD_REQUEST', refusal.message, { details: { reason: refusal.reason } });
    return input.earned;
  }

  async function communityOfRoundOrThrow(actor: AccessActor | null, roundId: string): Promise<{ round: RoundRow; cctx: CommunityAccess }> {
    const round = await rounds.findById(roundId);
    const community = round ? await communities.findById(round.communityId) : null;
    const cctx = community ? await access.forCommunity(actor, community) : null;
    if (!round || !cctx || !cctx.permissions.canViewContents) throw new AppError('NOT_FOUND', 'No such funding round.');
    return { round, cctx };
  }

  async function viewOf(actor: AccessActor | null, round: RoundRow, cctx: CommunityAccess): Promise<RoundView> {
    const now = clock();
    let me: RoundView['me'] = null;
    if (actor && cctx.permissions.isMember) {
      const [balance, pledges] = await Promise.all([rounds.findBalance(round.id, actor.id), rounds.listMemberPledges(round.id, actor.id)]);
      let granted = balance?.granted ?? (round.status === 'open' ? round.budgetPerMember : 0);
      let budgetWhy: string | null = null;
      const rule = earnedRuleOf(round);
      if (rule?.windowEnd && round.status !== 'scheduled') {
        let points = balance?.earnedPoints ?? null;
        if (points === null) {
          // Joined after the opening and not yet pledged: the budget their first pledge will create.
          const { start, end } = windowOf(rule);
          points = (await rounds.pointsEarnedIn(round.communityId, [actor.id], start, end)).get(actor.id) ?? 0;
        }
        const budget = computeEarnedBudget(rule, points);
        if (!balance) granted = round.status === 'open' ? budget.credits : 0;
        budgetWhy = explainEarnedBudget(rule, budget, Math.max(0, granted - budget.credits));
      }
      const spent = balance?.spent ?? 0;
      me = { granted, spent, balance: granted - spent, pledges, budgetWhy };
    }
    let needList: RoundView['needs'] = [];
    if (round.status === 'open') {
      const projects = new Map((await deps.listVisibleProjects(actor, cctx.community.slug)).map((p) => [p.id, p]));
      const rows = (await needs.listFundable(round.communityId, [...projects.keys()])).filter((n) => n.goal >= round.minimumGoal);
      needList = rankNeeds(rows).map((r) => ({
        id: r.need.id,
        projectId: r.need.projectId,
        projectTitle: projects.get(r.need.projectId)?.title ?? '',
        title: r.need.title,
        status: r.need.status,
        goal: r.need.goal,
        stretchGoal: r.need.stretchGoal,
        pledged: r.need.pledged,
        ceiling: fundingCeiling(r.need, round),
        supporters: r.need.supporters,
        ratio: r.ratio,
        band: r.band,
        almostThere: r.almostThere,
        featured: r.need.featured,
      }));
    }
    const { results: stored, earnedRule: _earnedRule, ...rest } = round;
    const results = (stored as RoundResults | null) ?? null;
    let totals: RoundView['totals'] = { pledged: 0, matched: 0, pledgers: 0, needsPledged: 0, funded: 0 };
    if (results) {
      totals = { pledged: results.totals.pledged, matched: results.totals.matched, pledgers: results.totals.pledgers, needsPledged: results.needs.length, funded: results.totals.funded };
    } else if (round.status === 'open') {
      const live = await rounds.liveTotals(round.id);
      totals = { pledged: live.pledged, matched: 0, pledgers: live.pledgers, needsPledged: live.needs, funded: needList.filter((n) => n.status === 'funded').length };
    }
    const admin = cctx.permissions.isAdmin || isStaff(actor);
    return {
      ...rest,
      communitySlug: cctx.community.slug,
      accepting: accepting(round, now),
      earned: earnedView(round),
      results,
      totals,
      canClose: round.status === 'open' && admin,
      canCancel: round.status === 'scheduled' && admin,
      me,
      needs: needList,
    };
  }

  /** Sets the actor's pledge to `amount` (0 withdraws) under row locks on the round, their balance and the need. */
  async function changePledge(actor: AccessActor, input: { roundId: string; needId: string; amount: number }): Promise<PledgeResult> {
    const { round, cctx } = await communityOfRoundOrThrow(actor, input.roundId);
    if (!cctx.permissions.isMember) throw new AppError('FORBIDDEN', 'Only members of this community can pledge in its rounds.');
    const need = await needs.findById(input.needId);
    if (!need) throw new AppError('NOT_FOUND', 'No such need.');
    if (need.communityId !== round.communityId) refuse('NEED_NOT_IN_ROUND', 'This need belongs to another community; pledge to it in that community’s round.');
    await access.readableProjectOrThrow(actor, need.projectId).catch(() => {
      throw new AppError('NOT_FOUND', 'No such need.');
    });
    const at = clock();
    return needs.transaction(async (tx) => {
      const r = await rounds.lockRound(tx, round.id, 'share');
      if (r?.status === 'scheduled' || (r && at < r.opensAt)) refuse('ROUND_CLOSED', `This funding round opens ${r.opensAt.toISOString()}; pledges start then.`);
      if (!r || !accepting(r, at)) refuse('ROUND_CLOSED', 'This funding round is closed; pledges can no longer change.');
      const balance = await lockMemberBalance(tx, r, actor.id);
      const locked = await needs.lockNeed(tx, need.id);
      if (!locked) throw new AppError('NOT_FOUND', 'No such need.');
      const current = await rounds.currentPledge(tx, r.id, locked.id, actor.id);
      if (input.amount === 0 && current === 0) refuse('NOT_PLEDGED', 'You have not pledged to this need.');
      if (!acceptsPledges(locked.status)) refuse('NEED_NOT_OPEN', 'This need is not open for funding, so pledges to it can no longer change.');
      if (locked.goal < r.minimumGoal) refuse('BELOW_MINIMUM_GOAL', `This round funds needs with a goal of at least ${r.minimumGoal} credits.`);
      const decision = decidePledge({
        amount: input.amount,
        current,
        balance: balance.granted - balance.spent,
        need: { goal: locked.goal, stretchGoal: locked.stretchGoal, pledged: locked.pledged },
        rules: { allowStretch: r.allowStretch, memberCapPerNeed: r.memberCapPerNeed, open: true },
      });
      if (!decision.ok) refuse(decision.reason, decision.message);
      if (decision.delta === 0) return { needId: locked.id, amount: current, needPledged: locked.pledged, needStatus: locked.status, balance: balance.granted - balance.spent };

      await rounds.addSpent(tx, r.id, actor.id, decision.delta);
      await rounds.setPledge(tx, { roundId: r.id, needId: locked.id, userId: actor.id, amount: input.amount, delta: decision.delta, at });
      // Direct rounds fund a need the moment pledges reach its goal (and unfund it if they fall back).
      let status = locked.status;
      if (r.mechanism === 'direct' && status === 'open' && decision.funded) status = 'funded';
      else if (status === 'funded' && !decision.funded) status = 'open';
      await needs.update(tx, locked.id, { pledged: decision.needPledged, status });
      const place = { communityId: locked.communityId, projectId: locked.projectId };
      const events: ContributionInput[] = [
        { ...place, userId: actor.id, kind: 'pledge', weight: Math.abs(decision.delta), ref: { roundId: r.id, needId: locked.id, amount: input.amount, delta: decision.delta }, at },
      ];
      if (status !== locked.status) {
        await needs.recordTransition(tx, { needId: locked.id, actorId: actor.id, from: locked.status, to: status, note: status === 'funded' ? 'goal reached' : 'pledges fell below the goal', at });
        if (status === 'funded') {
          events.push({ ...place, userId: actor.id, kind: 'need.funded', ref: { roundId: r.id, needId: locked.id }, at });
          await notifications.createMany(
            needFundedNotifications({
              needId: locked.id,
              needTitle: locked.title,
              communitySlug: cctx.community.slug,
              proposerId: locked.createdById,
              assigneeIds: await needs.assigneeIds(locked.id, tx),
              actorId: actor.id,
              roundTitle: r.title,
            }),
            tx,
          );
        }
      }
      await contributions.append(events, tx);
      return { needId: locked.id, amount: input.amount, needPledged: decision.needPledged, needStatus: status, balance: balance.granted - balance.spent - decision.delta };
    });
  }

  /**
   * Closes the round and freezes its results under an exclusive lock on its row (which waits for
   * pledges in flight). Returns null if the round is gone or already closed. `actorId` null is the
   * system: the close is recorded with no closer and, as nobody contributed, no contribution events.
   */
  async function closeLocked(roundId: string, actorId: string | null, at: Date): Promise<RoundRow | null> {
    return needs.transaction(async (tx) => {
      const r = await rounds.lockRound(tx, roundId, 'update');
      if (!r || r.status !== 'open') return null;
      const pledges = await rounds.listPledges(r.id, tx);
      const byNeed = new Map<string, number[]>();
      for (const p of pledges) byNeed.set(p.needId, [...(byNeed.get(p.needId) ?? []), p.amount]);
      const matching =
        r.mechanism === 'quadratic' && r.matchingPool > 0 && byNeed.size > 0
          ? allocateWholeCredits(computeQuadraticMatching(Object.fromEntries(byNeed), r.matchingPool, r.capRatio ? { capRatio: r.capRatio } : {}), r.capRatio ? { max: r.capRatio * r.matchingPool } : {})
          : {};
      const entries: RoundResults['needs'] = [];
      const events: ContributionInput[] = [];
      // Looked up only when a need is funded here (quadratic rounds), to keep the close short.
      let communitySlug: string | null = null;
      const slugOfCommunity = async () => (communitySlug ??= (await communities.findById(r.communityId))?.slug ?? '');
      for (const needId of [...byNeed.keys()].sort()) {
        const need = await needs.lockNeed(tx, needId);
        if (!need) continue;
        const list = byNeed.get(needId) ?? [];
        const pledged = list.reduce((a, b) => a + b, 0);
        const matched = matching[needId] ?? 0;
        const total = pledged + matched;
        let status = need.status;
        if (r.mechanism === 'quadratic' && status === 'open' && total >= need.goal) status = 'funded';
        const funded = status !== 'open' && status !== 'proposed' && status !== 'cancelled';
        entries.push({ rank: 0, needId, projectId: need.projectId, title: need.title, goal: need.goal, stretchGoal: need.stretchGoal, pledged, supporters: list.length, matched, total, funded });
        // Unfunded needs start the next round from zero; funded ones keep what they got (pledges and matching).
        await needs.update(tx, needId, { status, pledged: funded ? need.pledged + matched : 0 });
        if (status !== need.status) {
          await needs.recordTransition(tx, { needId, actorId, from: need.status, to: status, note: `funded at the close of “${r.title}”`, at });
          if (actorId) events.push({ userId: actorId, communityId: need.communityId, projectId: need.projectId, kind: 'need.funded', ref: { roundId: r.id, needId, matched }, at });
          if (status === 'funded') {
            await notifications.createMany(
              needFundedNotifications({ needId, needTitle: need.title, communitySlug: await slugOfCommunity(), proposerId: need.createdById, assigneeIds: await needs.assigneeIds(needId, tx), actorId, roundTitle: r.title }),
              tx,
            );
          }
        }
      }
      entries.sort((a, b) => Number(b.funded) - Number(a.funded) || b.total / b.goal - a.total / a.goal || b.supporters - a.supporters || (a.title < b.title ? -1 : 1));
      entries.forEach((e, i) => (e.rank = i + 1));
      const matchedTotal = entries.reduce((a, e) => a + e.matched, 0);
      const results: RoundResults = {
        mechanism: r.mechanism,
        matchingPool: r.matchingPool,
        capRatio: r.capRatio,
        totals: {
          pledged: entries.reduce((a, e) => a + e.pledged, 0),
          matched: matchedTotal,
          unallocated: r.mechanism === 'quadratic' ? r.matchingPool - matchedTotal : 0,
          pledgers: new Set(pledges.map((p) => p.userId)).size,
          funded: entries.filter((e) => e.funded).length,
          unfunded: entries.filter((e) => !e.funded).length,
        },
        needs: entries,
      };
      if (actorId) events.push({ userId: actorId, communityId: r.communityId, projectId: null, kind: 'round.close', ref: { roundId: r.id, funded: results.totals.funded }, at });
      await contributions.append(events, tx);
      return rounds.close(tx, r.id, { closedById: actorId, closedAt: at, results: results as unknown as Record<string, never> });
    });
  }

  return {
    async getRoundOrThrow(actor: AccessActor | null, roundId: string): Promise<RoundView> {
      const { round, cctx } = await communityOfRoundOrThrow(actor, roundId);
      return viewOf(actor, round, cctx);
    },

    /** The community's open round (or null), the round scheduled to open next (or null) and its past rounds. */
    async listRounds(
      actor: AccessActor | null,
      communitySlug: string,
    ): Promise<{ current: RoundView | null; upcoming: RoundView | null; past: { id: string; title: string; closedAt: Date | null; mechanism: TFundingMechanism }[]; canOpen: boolean }> {
      const cctx = await access.communityBySlugOrThrow(actor, communitySlug);
      const admin = cctx.permissions.isAdmin || isStaff(actor);
      if (!cctx.permissions.canViewContents) return { current: null, upcoming: null, past: [], canOpen: false };
      const all = await rounds.listForCommunity(cctx.community.id, 50);
      const open = all.find((r) => r.status === 'open');
      const scheduled = all.find((r) => r.status === 'scheduled');
      return {
        current: open ? await viewOf(actor, open, cctx) : null,
        upcoming: scheduled ? await viewOf(actor, scheduled, cctx) : null,
        past: all.filter((r) => r.status === 'closed').map((r) => ({ id: r.id, title: r.title, closedAt: r.closedAt, mechanism: r.mechanism })),
        // One round open and one scheduled at most: with a round open, admins may schedule the next.
        canOpen: admin && !scheduled,
      };
    },

    /**
     * Admins open a round now (every active member is granted the budget at once) or, with
     * `opensAt` in the future, schedule it: the worker opens it then (`openDue`). A community has
     * at most one open and one scheduled round; a scheduled round opens after the open one closes.
     */
    async openRound(actor: AccessActor, raw: z.input<typeof ZOpenRoundInput>): Promise<RoundView> {
      const input = ZOpenRoundInput.parse(raw);
      const cctx = await access.communityBySlugOrThrow(actor, input.community);
      if (!cctx.permissions.isAdmin && !isStaff(actor)) throw new AppError('FORBIDDEN', 'Only community admins can open funding rounds.');
      const earnedRule = earnedRuleOrThrow(input);
      // Earned rounds: the base is the budget every member gets at least.
      const budgetPerMember = earnedRule ? earnedRule.base : input.budgetPerMember;
      const now = clock();
      const opensAt = input.opensAt && input.opensAt.getTime() > now.getTime() ? input.opensAt : now;
      const scheduling = opensAt !== now;
      if (input.closesAt.getTime() <= now.getTime()) throw new AppError('BAD_REQUEST', 'The round must close in the future.');
      if (input.closesAt.getTime() <= opensAt.getTime()) throw new AppError('BAD_REQUEST', 'The round must close after it opens.');
      try {
        const round = await needs.transaction(async (tx) => {
          await rounds.lockCommunityRounds(tx, cctx.community.id);
          const [open, scheduled] = await Promise.all([rounds.findOpen(cctx.community.id), rounds.findScheduled(cctx.community.id, tx)]);
          if (scheduled) throw new AppError('CONFLICT', `“${scheduled.title}” is already scheduled; cancel it before planning another round.`);
          if (!scheduling && open) throw new AppError('CONFLICT', 'This community already has an open funding round; close it first.');
          if (scheduling && open && opensAt.getTime() < open.closesAt.getTime()) {
            throw new AppError('BAD_REQUEST', `“${open.title}” is open until ${open.closesAt.toISOString()}; schedule the next round to open after that.`);
          }
          const created = await rounds.create(tx, {
            communityId: cctx.community.id,
            title: input.title,
            opensAt,
            closesAt: input.closesAt,
            budgetPerMember,
            budgetMode: input.budgetMode,
            // Scheduled: the window is resolved when the round opens.
            earnedRule: earnedRule ? { ...earnedRule, windowStart: null, windowEnd: null } : null,
            memberCapPerNeed: input.memberCapPerNeed ?? null,
            minimumGoal: input.minimumGoal,
            allowStretch: input.allowStretch,
            mechanism: input.mechanism,
            matchingPool: input.matchingPool,
            capRatio: input.capRatio ?? null,
            createdById: actor.id,
            ...(scheduling ? { status: 'scheduled' as const } : {}),
          });
          if (!scheduling) {
            const memberIds = (await communities.listMembers(cctx.community.id, 'active')).map((m) => m.userId);
            const earned = earnedRule ? await earnedGrants(tx, created, earnedRule, memberIds) : null;
            if (earned) {
              await rounds.setEarnedRule(tx, created.id, earned.rule as unknown as Record<string, never>);
              await rounds.grantEarnedBudgets(tx, created.id, earned.grants);
            } else await rounds.grantBudgets(tx, created.id, memberIds, budgetPerMember);
            // Like the scheduler's opening: in the creating transaction, so once per member.
            await notifications.createMany(
              roundOpenedNotifications({
                roundId: created.id,
                roundTitle: created.title,
                communitySlug: cctx.community.slug,
                communityName: cctx.community.name,
                credits: budgetPerMember,
                ...(earned ? { creditsByMember: new Map(earned.grants.map((g) => [g.userId, g.granted])) } : {}),
                closesAt: input.closesAt,
                memberIds,
                actorId: actor.id,
              }),
              tx,
            );
          }
          const ref = { roundId: created.id, title: created.title, ...(scheduling ? { opensAt: opensAt.toISOString() } : {}) };
          await contributions.append([{ userId: actor.id, communityId: cctx.community.id, projectId: null, kind: 'round.open', ref, at: now }], tx);
          return (await rounds.findById(created.id, tx)) ?? created;
        });
        return viewOf(actor, round, cctx);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'This community already has an open funding round; close it first.');
        throw error;
      }
    },

    /** Admins call off a round that has not opened yet (nothing was granted or pledged in it). */
    async cancelScheduled(actor: AccessActor, roundId: string): Promise<{ id: string }> {
      const { round, cctx } = await communityOfRoundOrThrow(actor, roundId);
      if (!cctx.permissions.isAdmin && !isStaff(actor)) throw new AppError('FORBIDDEN', 'Only community admins can cancel funding rounds.');
      const removed = await needs.transaction(async (tx) => {
        const r = await rounds.lockRound(tx, round.id, 'update');
        return r?.status === 'scheduled' ? rounds.deleteScheduled(tx, r.id) : false;
      });
      if (!removed) throw new AppError('CONFLICT', 'This round has already opened; close it instead.');
      return { id: round.id };
    },

    /**
     * Opens, as the system, every scheduled round whose opening time has come by `now` (the
     * worker's scheduled job) and grants every active member its budget, in one transaction per
     * round under the round's row lock. A round whose community still has a round open waits for
     * the next run; one already opened (by an overlapping worker) is skipped.
     */
    async openDue(now: Date = clock(), limit = 100): Promise<{ opened: string[]; waiting: string[] }> {
      const opened: string[] = [];
      const waiting: string[] = [];
      for (const id of await rounds.listOpeningIds(now, limit)) {
        const result = await needs
          .transaction(async (tx) => {
            const r = await rounds.lockRound(tx, id, 'update');
            if (!r || r.status !== 'scheduled') return 'skipped' as const;
            await rounds.lockCommunityRounds(tx, r.communityId);
            if (await rounds.findOpen(r.communityId)) return 'waiting' as const;
            await rounds.markOpen(tx, r.id);
            const members = await communities.listMembers(r.communityId, 'active');
            const rule = earnedRuleOf(r);
            // Earned rounds count points up to the scheduled opening, whenever the worker gets to it.
            const earned = rule ? await earnedGrants(tx, r, rule, members.map((m) => m.userId)) : null;
            if (earned) {
              await rounds.setEarnedRule(tx, r.id, earned.rule as unknown as Record<string, never>);
              await rounds.grantEarnedBudgets(tx, r.id, earned.grants);
            } else await rounds.grantBudgets(tx, r.id, members.map((m) => m.userId), r.budgetPerMember);
            // In the opening transaction: exactly once per member, however often the scheduler runs.
            const community = await communities.findById(r.communityId);
            if (community) {
              await notifications.createMany(
                roundOpenedNotifications({
                  roundId: r.id,
                  roundTitle: r.title,
                  communitySlug: community.slug,
                  communityName: community.name,
                  credits: r.budgetPerMember,
                  ...(earned ? { creditsByMember: new Map(earned.grants.map((g) => [g.userId, g.granted])) } : {}),
                  closesAt: r.closesAt,
                  memberIds: members.map((m) => m.userId),
                }),
                tx,
              );
            }
            return 'opened' as const;
          })
          .catch((error: unknown) => {
            // An admin opened a round in the same instant: the partial unique index refused ours.
            if (isUniqueViolation(error)) return 'waiting' as const;
            throw error;
          });
        if (result === 'opened') opened.push(id);
        else if (result === 'waiting') waiting.push(id);
      }
      return { opened, waiting };
    },

    async pledge(actor: AccessActor, raw: z.input<typeof ZPledgeInput>): Promise<PledgeResult> {
      const input = ZPledgeInput.parse(raw);
      if (!Number.isSafeInteger(input.amount) || input.amount < 1) refuse('NOT_WHOLE_CREDITS', 'Pledges are whole credits, at least 1. To take a pledge back, withdraw it.');
      return changePledge(actor, input);
    },

    /**
     * Admins add credits to one active member's budget while the round is open (Cobudget's
     * individual allocations), under the same locks as a pledge; recorded in the contribution
     * ledger and told to the member.
     */
    async grantCredits(actor: AccessActor, raw: z.input<typeof ZGrantCreditsInput>): Promise<{ userId: string; granted: number; spent: number; balance: number }> {
      const input = ZGrantCreditsInput.parse(raw);
      const { round, cctx } = await communityOfRoundOrThrow(actor, input.roundId);
      if (!cctx.permissions.isAdmin && !isStaff(actor)) throw new AppError('FORBIDDEN', 'Only community admins can grant credits.');
      const membership = await communities.findMembership(round.communityId, input.userId);
      if (membership?.status !== 'active') throw new AppError('NOT_FOUND', 'No such member in this community.');
      const at = clock();
      return needs.transaction(async (tx) => {
        const r = await rounds.lockRound(tx, round.id, 'share');
        if (!r || !accepting(r, at)) refuse('ROUND_CLOSED', 'Credits can be granted only while the round is open.');
        const before = await lockMemberBalance(tx, r, input.userId);
        if (before.granted + input.credits > MAX_GRANTED) throw new AppError('BAD_REQUEST', `A member can hold at most ${MAX_GRANTED} credits in one round.`);
        await rounds.addGranted(tx, r.id, input.userId, input.credits);
        await contributions.append([{ userId: actor.id, communityId: r.communityId, projectId: null, kind: 'round.grant', ref: { roundId: r.id, toId: input.userId, credits: input.credits }, at }], tx);
        await notifications.createMany(
          creditsGrantedNotifications({ roundId: r.id, roundTitle: r.title, communitySlug: cctx.community.slug, toId: input.userId, actorId: actor.id, credits: input.credits }),
          tx,
        );
        const granted = before.granted + input.credits;
        return { userId: input.userId, granted, spent: before.spent, balance: granted - before.spent };
      });
    },

    async withdraw(actor: AccessActor, raw: z.input<typeof ZWithdrawPledgeInput>): Promise<PledgeResult> {
      const input = ZWithdrawPledgeInput.parse(raw);
      return changePledge(actor, { ...input, amount: 0 });
    },

    /**
     * Closes the round and freezes its results: the ranked needs, funded or not, the quadratic
     * matching (whole credits, capped, redistributed) and totals. Needs a quadratic round funds
     * move to "funded"; needs left unfunded keep their place for the next round, with no pledges.
     */
    async closeRound(actor: AccessActor, roundId: string): Promise<RoundView> {
      const { round, cctx } = await communityOfRoundOrThrow(actor, roundId);
      if (!cctx.permissions.isAdmin && !isStaff(actor)) throw new AppError('FORBIDDEN', 'Only community admins can close funding rounds.');
      const closed = await closeLocked(round.id, actor.id, clock());
      if (!closed) throw new AppError('CONFLICT', 'This round is already closed.');
      return viewOf(actor, closed, cctx);
    },

    /**
     * Closes, as the system, every open round whose window has ended by `now` (the worker's
     * scheduled job), through the same path as an admin's close. Safe to run twice at once: each
     * round is closed under its row lock, and a round found already closed is skipped.
     */
    async closeDue(now: Date = clock(), limit = 100): Promise<{ closed: string[]; skipped: string[] }> {
      const closed: string[] = [];
      const skipped: string[] = [];
      for (const id of await rounds.listDueIds(now, limit)) {
        const round = await closeLocked(id, null, now);
        (round ? closed : skipped).push(id);
      }
      return { closed, skipped };
    },


    /** The round's pledge ledger (every change, in order) with names and need titles. */
    async ledger(actor: AccessActor | null, roundId: string): Promise<(Omit<PledgeEventRow, 'id'> & { id: string; userName: string; needTitle: string })[]> {
      await communityOfRoundOrThrow(actor, roundId);
      const rows = await rounds.listLedger(roundId, 2000);
      const [names, titles] = await Promise.all([needs.namesOf(rows.map((r) => r.userId)), needs.titlesOf(rows.map((r) => r.needId))]);
      return rows.map((r) => ({ ...r, id: r.id.toString(), userName: names.get(r.userId) ?? 'Unknown', needTitle: titles.get(r.needId)?.title ?? 'A need' }));
    },
  };
}

export type RoundService = ReturnType<typeof createRoundService>;
