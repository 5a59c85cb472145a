import { AppError } from '@p2pvalue/shared';
import { applyCaseDiff, diffCaseFields, isEmptyDiff, type TCaseDiff } from '../cases/case-diff';
import { ZCaseFields, type TCaseFields } from '../cases/case-fields';
import type { RevisionRow } from '../cases/case-revision.repository';
import type { DirectoryRepos, DirectoryStore } from '../cases/directory-store';
import { saveCase } from './case-writer';

export interface CurationActor {
  id: string;
  isStaff: boolean;
}

export interface RevisionView {
  id: number;
  caseId: number | null;
  caseName: string;
  kind: RevisionRow['kind'];
  status: RevisionRow['status'];
  /** The user's display name, or "import" for the importer's revisions. */
  author: string;
  authorId: string | null;
  diff: TCaseDiff;
  reason: string | null;
  reviewer: string | null;
  reviewedAt: Date | null;
  revertOfId: number | null;
  createdAt: Date;
}

export interface CurationLimits {
  /** proposals per signed-in non-staff user per hour */
  proposalsPerHour: number;
}

const DEFAULT_LIMITS: CurationLimits = { proposalsPerHour: 10 };

/**
 * Open editing with review: anyone signed in proposes a new case or an edit; staff approve (as is
 * or edited), reject with a reason, edit directly or revert to any earlier revision. Every change
 * is a revision with author, time and a field-by-field diff.
 */
export function createCaseCurationService(deps: { store: DirectoryStore; now?: () => Date; limits?: Partial<CurationLimits> }) {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };

  async function toViews(repos: DirectoryRepos, rows: RevisionRow[]): Promise<RevisionView[]> {
    const names = await repos.revisions.userNames([...new Set(rows.flatMap((row) => [row.authorId, row.reviewerId]).filter((id): id is string => id !== null))]);
    return rows.map((row) => ({
      id: row.id,
      caseId: row.caseId,
      caseName: row.snapshot.name,
      kind: row.kind,
      status: row.status,
      author: row.authorId === null ? 'import' : (names.get(row.authorId) ?? 'former user'),
      authorId: row.authorId,
      diff: row.diff,
      reason: row.reason,
      reviewer: row.reviewerId === null ? null : (names.get(row.reviewerId) ?? 'former user'),
      reviewedAt: row.reviewedAt,
      revertOfId: row.revertOfId,
      createdAt: row.createdAt,
    }));
  }

  async function guardProposal(actor: CurationActor): Promise<void> {
    if (actor.isStaff) return;
    const since = new Date(now().getTime() - 60 * 60 * 1000);
    if ((await store.repos.revisions.countByAuthorSince(actor.id, since)) >= limits.proposalsPerHour) {
      throw new AppError('TOO_MANY_REQUESTS', `You can propose at most ${limits.proposalsPerHour} changes per hour. Please try again later.`);
    }
  }

  async function getCaseFieldsOrThrow(repos: DirectoryRepos, caseId: number): Promise<TCaseFields> {
    const found = await repos.cases.findById(caseId);
    if (!found) throw new AppError('NOT_FOUND', 'No such case in the directory.');
    return found.fields;
  }

  const service = {
    /**
     * A proposal (new case when caseId is absent, else an edit given as the full proposed fields).
     * A filled honeypot field means a bot: the answer looks the same but nothing is stored.
     */
    async propose(input: { actor: CurationActor; caseId?: number; fields: TCaseFields; honeypot?: string }): Promise<{ id: number; status: 'proposed' }> {
      if (input.honeypot && input.honeypot.trim() !== '') return { id: 0, status: 'proposed' };
      const fields = ZCaseFields.parse(input.fields);
      let diff: TCaseDiff;
      if (input.caseId === undefined) diff = diffCaseFields(null, fields);
      else {
        diff = diffCaseFields(await getCaseFieldsOrThrow(store.repos, input.caseId), fields);
        if (isEmptyDiff(diff)) throw new AppError('BAD_REQUEST', 'The proposal changes nothing.');
      }
      await guardProposal(input.actor);
      const row = await store.repos.revisions.insert({
        caseId: input.caseId ?? null,
        kind: input.caseId === undefined ? 'create' : 'update',
        status: 'proposed',
        authorId: input.actor.id,
        diff,
        snapshot: fields,
        createdAt: now(),
      });
      return { id: row.id, status: 'proposed' };
    },

    async reviewQueue(take = 50): Promise<{ total: number; items: RevisionView[] }> {
      const [total, rows] = await Promise.all([store.repos.revisions.countByStatus('proposed'), store.repos.revisions.listByStatus('proposed', take)]);
      return { total, items: await toViews(store.repos, rows) };
    },

    /** The proposal with the case as it is now, so the reviewer sees what approving would change. */
    async getProposal(id: number): Promise<{ proposal: RevisionView; proposed: TCaseFields; current: TCaseFields | null }> {
      const row = await store.repos.revisions.findById(id);
      if (!row) throw new AppError('NOT_FOUND', 'No such revision.');
      const current = row.caseId === null ? null : ((await store.repos.cases.findById(row.caseId))?.fields ?? null);
      const [proposal] = await toViews(store.repos, [row]);
      return { proposal: proposal!, proposed: row.snapshot, current };
    },

    /** Applies a proposal; `fields` (optional) is the reviewer's edited version of it. */
    async approve(input: { reviewerId: string; revisionId: number; fields?: TCaseFields }): Promise<{ caseId: number; revisionId: number }> {
      const edited = input.fields ? ZCaseFields.parse(input.fields) : undefined;
      return store.transaction(async (repos) => {
        if (!(await repos.revisions.lockProposal(input.revisionId))) throw new AppError('CONFLICT', 'This proposal was already reviewed or does not exist.');
        const row = (await repos.revisions.findById(input.revisionId))!;
        const before = row.caseId === null ? null : await getCaseFieldsOrThrow(repos, row.caseId);
        // An edit applies only the fields it changed, so edits approved in between are kept.
        const target = edited ?? (before ? applyCaseDiff(before, row.diff) : row.snapshot);
        const saved = await saveCase(repos, row.caseId, target);
        const diff = diffCaseFields(before, saved.fields);
        await repos.revisions.decide(row.id, { status: 'approved', reviewerId: input.reviewerId, reviewedAt: now(), caseId: saved.id, diff, snapshot: saved.fields });
        return { caseId: saved.id, revisionId: row.id };
      });
    },

    async reject(input: { reviewerId: string; revisionId: number; reason: string }): Promise<void> {
      const reason = input.reason.trim();
      if (!reason) throw new AppError('BAD_REQUEST', 'Give the proposer a reason.');
      await store.transaction(async (repos) => {
        if (!(await repos.revisions.lockProposal(input.revisionId))) throw new AppError('CONFLICT', 'This proposal was already reviewed or does not exist.');
        await repos.revisions.decide(input.revisionId, { status: 'rejected', reviewerId: input.reviewerId, reviewedAt: now(), reason });
      });
    },

    /** A staff edit, applied at once as an approved revision. */
    async editCase(input: { staffId: string; caseId: number; fields: TCaseFields }): Promise<{ revisionId: number | null }> {
      const fields = ZCaseFields.parse(input.fields);
      return store.transaction(async (repos) => {
        const before = await getCaseFieldsOrThrow(repos, input.caseId);
        if (isEmptyDiff(diffCaseFields(before, fields))) return { revisionId: null };
        const saved = await saveCase(repos, input.caseId, fields);
        const revision = await repos.revisions.insert({
          caseId: input.caseId, kind: 'update', status: 'approved', authorId: input.staffId, diff: diffCaseFields(before, saved.fields), snapshot: saved.fields, reviewerId: input.staffId, reviewedAt: now(), createdAt: now(),
        });
        return { revisionId: revision.id };
      });
    },

    /** Restores the case as it was right after an approved revision, as a new revision. */
    async revert(input: { staffId: string; caseId: number; revisionId: number }): Promise<{ revisionId: number }> {
      return store.transaction(async (repos) => {
        const target = await repos.revisions.findById(input.revisionId);
        if (!target || target.caseId !== input.caseId || target.status !== 'approved') throw new AppError('NOT_FOUND', 'No such approved revision of this case.');
        const before = await getCaseFieldsOrThrow(repos, input.caseId);
        if (isEmptyDiff(diffCaseFields(before, target.snapshot))) throw new AppError('CONFLICT', 'The case is already as it was after that revision.');
        const saved = await saveCase(repos, input.caseId, target.snapshot);
        const revision = await repos.revisions.insert({
          caseId: input.caseId, kind: 'revert', status: 'approved', authorId: input.staffId, diff: diffCaseFields(before, saved.fields), snapshot: saved.fields, reviewerId: input.staffId, reviewedAt: now(), createdAt: now(), revertOfId: target.id,
        });
        return { revisionId: revision.id };
      });
    },

    /** A case's revisions, newest first; only staff see proposals and rejections. */
    async caseHistory(input: { caseId: number; includeUndecided: boolean }): Promise<RevisionView[]> {
      const rows = await store.repos.revisions.listForCase(input.caseId);
      return toViews(store.repos, input.includeUndecided ? rows : rows.filter((row) => row.status === 'approved'));
    },
  };
  return service;
}

export type CaseCurationService = ReturnType<typeof createCaseCurationService>;
