import { Prisma } from '@p2pvalue/db';
import type { Db } from '../cases/case.repository';
import type { TVocabulary } from '../cases/case-fields';

export type TCaseSort = 'relevance' | 'name' | 'year' | 'yearDesc';

/**
 * How the text matches: `fulltext` (the GIN tsvector index) first; `fuzzy` (trigram similarity on
 * names, for typos like "wikipeda") only when full text finds nothing, since trigram matching of a
 * short query scans a large part of the name index.
 */
export type TTextMode = 'fulltext' | 'fuzzy';

export interface CaseSearchQuery {
  /** prefix tsquery text ("wiki:* & commons:*"), built from letters and digits only */
  tsquery: string | null;
  /** the raw query, for trigram similarity on names */
  text: string | null;
  textMode: TTextMode;
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

const hasText = (query: CaseSearchQuery): query is CaseSearchQuery & { tsquery: string; text: string } => query.tsquery !== null && query.text !== null;

// Conditions that do not depend on taxonomy filters: text and foundation year.
function baseConditions(query: CaseSearchQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (hasText(query)) {
    // Fuzzy: whole-string similarity (%), not word similarity (<%): the latter matches every name
    // containing any common word of a multi-word query.
    parts.push(
      query.textMode === 'fulltext'
        ? Prisma.sql`c.search @@ to_tsquery('directory_search', ${query.tsquery})`
        : Prisma.sql`c."nameSearch" % lower(directory_unaccent(${query.text}))`,
    );
  }
  if (query.yearFrom !== null) parts.push(Prisma.sql`c."yearFounded" >= ${query.yearFrom}`);
  if (query.yearTo !== null) parts.push(Prisma.sql`c."yearFounded" <= ${query.yearTo}`);
  return parts.length > 0 ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}

// Term ids are unique across vocabularies, so overlap with the selected ids is "any of them" (GIN).
const termCondition = (termIds: number[]) => Prisma.sql`c."termIds" && ${termIds}::int[]`;

/**
 * ORDER BY over `c` (a directory_case row) or, with `fromMatches`, over the `m` rows of
 * searchPage (which carry id, sort_name, "yearFounded" and "nameSearch"; full-text relevance
 * then reads the tsvector from `c`, joined for that sort only).
 */
function orderBy(query: CaseSearchQuery, fromMatches = false): Prisma.Sql {
  const r = Prisma.raw(fromMatches ? 'm' : 'c');
  const name = fromMatches ? Prisma.sql`m.sort_name` : Prisma.sql`lower(c.name)`;
  switch (query.sort) {
    case 'name':
      return Prisma.sql`${name}, ${r}.id`;
    case 'year':
      return Prisma.sql`${r}."yearFounded" ASC NULLS LAST, ${name}, ${r}.id`;
    case 'yearDesc':
      return Prisma.sql`${r}."yearFounded" DESC NULLS LAST, ${name}, ${r}.id`;
    default:
      if (!hasText(query)) return Prisma.sql`${name}, ${r}.id`;
      return query.textMode === 'fulltext'
        ? Prisma.sql`ts_rank_cd(c.search, to_tsquery('directory_search', ${query.tsquery})) DESC, ${name}, ${r}.id`
        : Prisma.sql`similarity(${r}."nameSearch", lower(directory_unaccent(${query.text}))) DESC, ${name}, ${r}.id`;
  }
}

const rankedByFullText = (query: CaseSearchQuery) => query.sort === 'relevance' && hasText(query) && query.textMode === 'fulltext';

/** Faceted full-text search over cases in SQL (GIN indexes on the tsvector, the term ids and trigrams of names). */
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
     * One page of matching ids, the total and the facet counts, from one scan of the matching
     * cases. A vocabulary's counts ignore its own selection (so the other values of a facet stay
     * visible and selectable) but apply every other filter: a case counts for a term when every
     * filter holds (miss = 0), or when the only one that fails is the term's own (miss = i + 1).
     */
    async searchPage(query: CaseSearchQuery): Promise<{ ids: number[]; total: number; facets: FacetCountRow[] }> {
      const filters = query.termFilters;
      const fails = filters.map((filter) => Prisma.sql`(NOT ${termCondition(filter.termIds)})::int`);
      const miss =
        filters.length === 0
          ? Prisma.sql`0`
          : Prisma.sql`CASE ${Prisma.join(
              filters.map((filter, i) => Prisma.sql`WHEN NOT ${termCondition(filter.termIds)} THEN ${i + 1}`),
              ' ',
            )} ELSE 0 END`;
      const atMostOneFails = filters.length > 1 ? Prisma.sql`AND ${Prisma.join(fails, ' + ')} <= 1` : Prisma.empty;
      const ownVocabulary =
        filters.length === 0
          ? Prisma.sql`FALSE`
          : Prisma.sql`CASE n.miss ${Prisma.join(
              filters.map((filter, i) => Prisma.sql`WHEN ${i + 1} THEN t.vocabulary = ${filter.vocabulary}::directory_vocabulary`),
              ' ',
            )} ELSE FALSE END`;
      const pageFrom = rankedByFullText(query) ? Prisma.sql`m JOIN directory_case c ON c.id = m.id` : Prisma.sql`m`;
      const [row] = await db.$queryRaw<{ ids: number[] | null; total: number; facets: FacetCountRow[] | null }[]>`
        WITH m AS MATERIALIZED (
          SELECT c.id, c."termIds", lower(c.name) AS sort_name, c."yearFounded", c."nameSearch", ${miss} AS miss
          FROM directory_case c WHERE ${baseConditions(query)} ${atMostOneFails}
        ),
        n AS (
          SELECT x.id, x.miss, count(*)::int AS count FROM (SELECT unnest(m."termIds") AS id, m.miss FROM m) x GROUP BY x.id, x.miss
        ),
        facets AS (
          SELECT t.vocabulary::text AS vocabulary, t.label, sum(n.count)::int AS count
          FROM n JOIN directory_term t ON t.id = n.id
          WHERE n.miss = 0 OR ${ownVocabulary}
          GROUP BY t.vocabulary, t.id, t.label
        ),
        page AS (
          SELECT m.id FROM ${pageFrom} WHERE m.miss = 0 ORDER BY ${orderBy(query, true)} LIMIT ${query.limit} OFFSET ${query.offset}
        )
        SELECT
          -- an aggregate reading a sorted subquery with nothing in between keeps its order
          (SELECT array_agg(id) FROM page) AS ids,
          (SELECT count(*)::int FROM m WHERE m.miss = 0) AS total,
          (SELECT json_agg(f ORDER BY f.vocabulary, f.count DESC, f.label) FROM facets f) AS facets`;
      return { ids: row?.ids ?? [], total: row?.total ?? 0, facets: row?.facets ?? [] };
    },

    /** Cases per year of foundation (cases without a year are left out). */
    async yearCounts(): Promise<{ year: number; count: number }[]> {
      return db.$queryRaw<{ year: number; count: number }[]>`
        SELECT "yearFounded" AS year, count(*)::int AS count FROM directory_case WHERE "yearFounded" IS NOT NULL GROUP BY "yearFounded" ORDER BY "yearFounded"`;
    },

    /** Ids of the given terms (matched by normalised label, like the importer), in one query. */
    async termIdsByNormalised(wanted: { vocabulary: TVocabulary; normalised: string }[]): Promise<{ vocabulary: TVocabulary; id: number }[]> {
      if (wanted.length === 0) return [];
      return db.$queryRaw<{ vocabulary: TVocabulary; id: number }[]>`
        SELECT t.vocabulary::text AS vocabulary, t.id FROM directory_term t
        JOIN unnest(${wanted.map((w) => w.vocabulary)}::text[], ${wanted.map((w) => w.normalised)}::text[]) AS w(v, n)
          ON t.vocabulary::text = w.v AND t.normalised = w.n`;
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
