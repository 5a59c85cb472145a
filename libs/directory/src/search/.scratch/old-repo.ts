import { Prisma } from '@p2pvalue/db';
import type { Db } from '../../cases/case.repository';
import type { TVocabulary } from '../../cases/case-fields';

export type TCaseSort = 'relevance' | 'name' | 'year' | 'yearDesc';

export interface CaseSearchQuery {
  /** prefix tsquery text ("wiki:* & commons:*"), built from letters and digits only */
  tsquery: string | null;
  /** the raw query, for trigram similarity on names */
  text: string | null;
  /** selected term ids per vocabulary: OR within one vocabulary, AND across vocabularies */
  termFilters: { vocabulary: TVocabulary; termIds: number[] }[];
  yearFrom: number | null;
  yearTo: number | null;
  sort: TCaseSort;
  limit: number;
  offset: number;
}

export interface FacetCountRow {
  vocabulary: TVocabulary;
  label: string;
  count: number;
}

// Conditions that do not depend on taxonomy filters: text and foundation year.
function baseConditions(query: CaseSearchQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (query.tsquery !== null && query.text !== null) {
    // Full text (unaccented prefix match on name, keywords, description, …) or a name similar to
    // the whole query (typos: "wikipeda"). Whole-string similarity (%), not word similarity (<%):
    // the latter matches every name containing any common word of a multi-word query.
    parts.push(Prisma.sql`(c.search @@ to_tsquery('directory_search', ${query.tsquery}) OR c."nameSearch" % lower(directory_unaccent(${query.text})))`);
  }
  if (query.yearFrom !== null) parts.push(Prisma.sql`c."yearFounded" >= ${query.yearFrom}`);
  if (query.yearTo !== null) parts.push(Prisma.sql`c."yearFounded" <= ${query.yearTo}`);
  return parts.length > 0 ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}

const termCondition = (termIds: number[]) =>
  Prisma.sql`EXISTS (SELECT 1 FROM directory_case_term ct WHERE ct."caseId" = c.id AND ct."termId" = ANY(${termIds}::int[]))`;

function orderBy(query: CaseSearchQuery): Prisma.Sql {
  switch (query.sort) {
    case 'name':
      return Prisma.sql`lower(c.name), c.id`;
    case 'year':
      return Prisma.sql`c."yearFounded" ASC NULLS LAST, lower(c.name), c.id`;
    case 'yearDesc':
      return Prisma.sql`c."yearFounded" DESC NULLS LAST, lower(c.name), c.id`;
    default:
      if (query.tsquery === null || query.text === null) return Prisma.sql`lower(c.name), c.id`;
      return Prisma.sql`ts_rank_cd(c.search, to_tsquery('directory_search', ${query.tsquery})) + similarity(c."nameSearch", lower(directory_unaccent(${query.text}))) DESC, lower(c.name), c.id`;
  }
}

/** Faceted full-text search over cases in SQL (GIN tsvector + trigram indexes). */
export function createCaseSearchRepository(db: Db) {
  return {
    /** One page of matching case ids, in order, with the total. */
    async searchIds(query: CaseSearchQuery): Promise<{ ids: number[]; total: number }> {
      const where = Prisma.join([baseConditions(query), ...query.termFilters.map((filter) => termCondition(filter.termIds))], ' AND ');
      const rows = await db.$queryRaw<{ id: number; total: bigint }[]>`
        SELECT c.id, count(*) OVER () AS total FROM directory_case c WHERE ${where}
        ORDER BY ${orderBy(query)} LIMIT ${query.limit} OFFSET ${query.offset}`;
      if (rows.length > 0) return { ids: rows.map((row) => row.id), total: Number(rows[0]!.total) };
      if (query.offset === 0) return { ids: [], total: 0 };
      const [count] = await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM directory_case c WHERE ${where}`;
      return { ids: [], total: Number(count?.total ?? 0) };
    },

    /**
     * Counts per term for every vocabulary. A vocabulary's counts ignore its own selection (so the
     * other values of a facet stay visible and selectable) but apply every other filter.
     */
    async facetCounts(query: CaseSearchQuery): Promise<FacetCountRow[]> {
      const flags = query.termFilters.map((filter, i) => Prisma.sql`${termCondition(filter.termIds)} AS ${Prisma.raw(`f${i}`)}`);
      const keep = query.termFilters.map((filter, i) => Prisma.sql`(m.${Prisma.raw(`f${i}`)} OR t.vocabulary = ${filter.vocabulary}::directory_vocabulary)`);
      return db.$queryRaw<FacetCountRow[]>`
        WITH m AS (SELECT ${Prisma.join([Prisma.sql`c.id`, ...flags])} FROM directory_case c WHERE ${baseConditions(query)})
        SELECT t.vocabulary::text AS vocabulary, t.label, count(*)::int AS count
        FROM m JOIN directory_case_term ct ON ct."caseId" = m.id JOIN directory_term t ON t.id = ct."termId"
        WHERE ${keep.length > 0 ? Prisma.join(keep, ' AND ') : Prisma.sql`TRUE`}
        GROUP BY t.vocabulary, t.id, t.label
        ORDER BY t.vocabulary, count(*) DESC, t.label`;
    },

    /** Cases per year of foundation (cases without a year are left out). */
    async yearCounts(): Promise<{ year: number; count: number }[]> {
      return db.$queryRaw<{ year: number; count: number }[]>`
        SELECT "yearFounded" AS year, count(*)::int AS count FROM directory_case WHERE "yearFounded" IS NOT NULL GROUP BY "yearFounded" ORDER BY "yearFounded"`;
    },

    /** Term ids of the given labels (matched like the importer does), per vocabulary. */
    async termIdsByNormalised(vocabulary: TVocabulary, normalised: string[]): Promise<number[]> {
      const rows = await db.$queryRaw<{ id: number }[]>`
        SELECT id FROM directory_term WHERE vocabulary = ${vocabulary}::directory_vocabulary AND normalised = ANY(${normalised}::text[])`;
      return rows.map((row) => row.id);
    },

    /** Cases sharing the most taxonomy terms and keywords with a case (rarer terms weigh more). */
    async relatedIds(caseId: number, limit: number): Promise<number[]> {
      const rows = await db.$queryRaw<{ id: number }[]>`
        WITH mine AS (SELECT "termId" FROM directory_case_term WHERE "caseId" = ${caseId}),
        term_weight AS (
          SELECT m."termId", 1.0 / ln(2 + count(*)) AS weight
          FROM mine m JOIN directory_case_term ct ON ct."termId" = m."termId" GROUP BY m."termId"
        ),
        by_terms AS (
          SELECT ct."caseId" AS id, sum(w.weight) AS score
          FROM term_weight w JOIN directory_case_term ct ON ct."termId" = w."termId"
          WHERE ct."caseId" <> ${caseId} GROUP BY ct."caseId"
        ),
        by_keywords AS (
          SELECT c.id, 2.0 * count(*) AS score
          FROM directory_case me, unnest(me.keywords) AS k(word), directory_case c
          WHERE me.id = ${caseId} AND c.id <> me.id AND c.keywords @> ARRAY[k.word]
          GROUP BY c.id
        )
        SELECT id FROM (SELECT id, score FROM by_terms UNION ALL SELECT id, score FROM by_keywords) s
        GROUP BY id ORDER BY sum(score) DESC, id LIMIT ${limit}`;
      return rows.map((row) => row.id);
    },
  };
}

export type CaseSearchRepository = ReturnType<typeof createCaseSearchRepository>;
