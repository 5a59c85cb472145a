import type { PrismaClient } from '@p2pvalue/db';

export interface DirectoryCaseRow {
  id: number;
  name: string;
  homepage: string | null;
  yearFounded: number | null;
  sizeBand: string | null;
  status: string | null;
  country: string | null;
}

export interface CaseDatasetRow {
  datasetId: string;
  n: number;
  title: string;
  publishedAt: Date | null;
}

const caseSelect = { id: true, name: true, homepage: true, yearFounded: true, sizeBand: true, status: true, country: true } as const;

/** The only code that touches community_case_link (a community's entry in the CBPP directory). */
export function createCommunityCaseRepository(db: PrismaClient) {
  return {
    async linkedCase(communityId: string): Promise<DirectoryCaseRow | null> {
      const link = await db.communityCaseLink.findUnique({ where: { communityId }, select: { case: { select: caseSelect } } });
      return link?.case ?? null;
    },

    findCase(caseId: number): Promise<DirectoryCaseRow | null> {
      return db.case.findUnique({ where: { id: caseId }, select: caseSelect });
    },

    /** Published data-set versions about the case, newest first (the archive's own rows). */
    async publishedDatasets(caseId: number, take: number): Promise<CaseDatasetRow[]> {
      const rows = await db.datasetCase.findMany({
        where: { caseId, version: { status: 'published' } },
        orderBy: { version: { publishedAt: 'desc' } },
        take,
        select: { version: { select: { datasetId: true, n: true, title: true, publishedAt: true } } },
      });
      return rows.map((r) => r.version);
    },

    async link(communityId: string, caseId: number, linkedById: string): Promise<void> {
      await db.communityCaseLink.upsert({ where: { communityId }, create: { communityId, caseId, linkedById }, update: { caseId, linkedById }, select: { communityId: true } });
    },

    async unlink(communityId: string): Promise<void> {
      await db.communityCaseLink.deleteMany({ where: { communityId } });
    },
  };
}

export type CommunityCaseRepository = ReturnType<typeof createCommunityCaseRepository>;
