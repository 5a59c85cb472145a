import type { PrismaClient } from '@p2pvalue/db';
import type { TCaseFields } from './case-fields';
import { createCaseRepository } from './case.repository';
import { createTermIndex, termsOfFields } from './term-index';

/**
 * Inserts many new cases without revisions or checks: for benchmarks and fixtures only (the
 * importer is the way data comes in).
 */
export async function insertCasesInBulk(db: PrismaClient, cases: { nid: number; fields: TCaseFields; postedBy?: string | null }[], batchSize = 5_000): Promise<void> {
  const repo = createCaseRepository(db);
  const wanted = new Map(cases.flatMap((item) => termsOfFields(item.fields)).map((term) => [`${term.vocabulary}|${term.normalised}`, term]));
  const index = createTermIndex(await repo.ensureTerms([...wanted.values()]));
  for (let start = 0; start < cases.length; start += batchSize) {
    await repo.createMany(
      cases.slice(start, start + batchSize).map((item) => {
        const fields = index.canonical(item.fields);
        return { nid: item.nid, fields, termIds: index.idsOf(fields), postedBy: item.postedBy ?? null };
      }),
    );
  }
}
