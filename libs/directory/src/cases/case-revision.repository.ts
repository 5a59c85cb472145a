import type { Prisma } from '@p2pvalue/db';
import type { TCaseDiff } from './case-diff';
import type { TCaseFields } from './case-fields';
import type { Db } from './case.repository';

export type TRevisionStatus = 'proposed' | 'approved' | 'rejected';
export type TRevisionKind = 'create' | 'update' | 'revert';

export interface RevisionRow {
  id: number;
  caseId: number | null;
  kind: TRevisionKind;
  status: TRevisionStatus;
  authorId: string | null;
  diff: TCaseDiff;
  snapshot: TCaseFields;
  reason: string | null;
  reviewerId: string | null;
  reviewedAt: Date | null;
  revertOfId: number | null;
  createdAt: Date;
}

export interface RevisionInsert {
  caseId: number | null;
  kind: TRevisionKind;
  status: TRevisionStatus;
  authorId: string | null;
  diff: TCaseDiff;
  snapshot: TCaseFields;
  reviewerId?: string | null;
  reviewedAt?: Date | null;
  revertOfId?: number | null;
  createdAt?: Date;
}

const revisionSelect = {
  id: true,
  caseId: true,
  kind: true,
  status: true,
  authorId: true,
  diff: true,
  snapshot: true,
  reason: true,
  reviewerId: true,
  reviewedAt: true,
  revertOfId: true,
  createdAt: true,
} satisfies Prisma.CaseRevisionSelect;

const toRow = (row: Prisma.CaseRevisionGetPayload<{ select: typeof revisionSelect }>): RevisionRow => ({
  ...row,
  diff: row.diff as TCaseDiff,
  snapshot: row.snapshot as TCaseFields,
});

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Case revisions: the import's, proposals and their reviews. */
export function createCaseRevisionRepository(db: Db) {
  return {
    async insertMany(revisions: RevisionInsert[]): Promise<void> {
      if (revisions.length === 0) return;
      // One fixed statement with a JSON parameter: fast for the importer's thousands of rows.
      const rows = revisions.map((revision) => ({ reviewerId: null, reviewedAt: null, revertOfId: null, ...revision }));
      await db.$executeRaw`
        INSERT INTO directory_case_revision ("caseId", kind, status, "authorId", diff, snapshot, "reviewerId", "reviewedAt", "revertOfId")
        SELECT "caseId", kind, status, "authorId", diff, snapshot, "reviewerId", "reviewedAt", "revertOfId"
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("caseId" int, kind case_revision_kind, status case_revision_status,
          "authorId" text, diff jsonb, snapshot jsonb, "reviewerId" text, "reviewedAt" timestamp, "revertOfId" int)`;
    },

    async insert(revision: RevisionInsert): Promise<RevisionRow> {
      const row = await db.caseRevision.create({
        data: { ...revision, diff: json(revision.diff), snapshot: json(revision.snapshot) },
        select: revisionSelect,
      });
      return toRow(row);
    },

    async findById(id: number): Promise<RevisionRow | null> {
      const row = await db.caseRevision.findUnique({ where: { id }, select: revisionSelect });
      return row ? toRow(row) : null;
    },

    /** Locks a proposal row so two reviewers cannot decide it twice. */
    async lockProposal(id: number): Promise<boolean> {
      const rows = await db.$queryRaw<{ id: number }[]>`SELECT id FROM directory_case_revision WHERE id = ${id} AND status = 'proposed' FOR UPDATE`;
      return rows.length === 1;
    },

    async listForCase(caseId: number): Promise<RevisionRow[]> {
      const rows = await db.caseRevision.findMany({ where: { caseId }, select: revisionSelect, orderBy: { id: 'desc' } });
      return rows.map(toRow);
    },

    async listByStatus(status: TRevisionStatus, take: number): Promise<RevisionRow[]> {
      const rows = await db.caseRevision.findMany({ where: { status }, select: revisionSelect, orderBy: { id: 'asc' }, take });
      return rows.map(toRow);
    },

    async countByStatus(status: TRevisionStatus): Promise<number> {
      return db.caseRevision.count({ where: { status } });
    },

    async countByAuthorSince(authorId: string, since: Date): Promise<number> {
      return db.caseRevision.count({ where: { authorId, createdAt: { gte: since } } });
    },

    async decide(id: number, decision: { status: 'approved' | 'rejected'; reviewerId: string; reviewedAt: Date; reason?: string | null; caseId?: number; diff?: TCaseDiff; snapshot?: TCaseFields }): Promise<void> {
      await db.caseRevision.update({
        where: { id },
        data: {
          status: decision.status,
          reviewerId: decision.reviewerId,
          reviewedAt: decision.reviewedAt,
          reason: decision.reason ?? null,
          ...(decision.caseId !== undefined ? { caseId: decision.caseId } : {}),
          ...(decision.diff ? { diff: json(decision.diff) } : {}),
          ...(decision.snapshot ? { snapshot: json(decision.snapshot) } : {}),
        },
        select: { id: true },
      });
    },

    /** Display names of revision authors and reviewers (users only; null ids are the importer). */
    async userNames(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
      return new Map(users.map((user) => [user.id, user.name]));
    },
  };
}

export type CaseRevisionRepository = ReturnType<typeof createCaseRevisionRepository>;
