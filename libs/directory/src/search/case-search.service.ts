import { z } from 'zod';
import { AppError } from '@p2pvalue/shared';
import { TERM_FIELDS, VOCABULARY_OF_FIELD, normaliseTerm, type TCase, type TTermField } from '../cases/case-fields';
import type { CaseRepository, StoredCase } from '../cases/case.repository';
import type { CaseSearchQuery, CaseSearchRepository, TTextMode } from './case-search.repository';

const filterValues = z.array(z.string().trim().min(1).max(200)).max(20);

export const ZCaseSearchInput = z.object({
  q: z.string().trim().max(200).optional(),
  activityType: filterValues.optional(),
  organisationType: filterValues.optional(),
  legalEntity: filterValues.optional(),
  collaborationType: filterValues.optional(),
  resourceTypes: filterValues.optional(),
  licence: filterValues.optional(),
  scope: filterValues.optional(),
  languages: filterValues.optional(),
  yearFrom: z.number().int().min(0).max(3000).optional(),
  yearTo: z.number().int().min(0).max(3000).optional(),
  sort: z.enum(['relevance', 'name', 'year', 'yearDesc']).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TCaseSearchInput = z.input<typeof ZCaseSearchInput>;

export interface FacetValue {
  value: string;
  count: number;
}

export interface CaseSearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: TCase[];
  facets: Record<TTermField, FacetValue[]>;
}

const MAX_QUERY_TOKENS = 8;

/** "Wiki commons!" → "wiki:* & commons:*" (letters and digits only, so no tsquery syntax gets in). */
export function prefixTsQuery(text: string): string | null {
  const tokens = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(tokens)].slice(0, MAX_QUERY_TOKENS);
  return unique.length > 0 ? unique.map((token) => `${token}:*`).join(' & ') : null;
}

export const toCase = (stored: StoredCase): TCase => ({ id: stored.id, nid: stored.nid, ...stored.fields });

export function createCaseSearchService(deps: { search: CaseSearchRepository; cases: CaseRepository }) {
  const { search, cases } = deps;

  async function buildQuery(input: z.output<typeof ZCaseSearchInput>, limit: number, offset: number): Promise<CaseSearchQuery | null> {
    if (input.yearFrom !== undefined && input.yearTo !== undefined && input.yearFrom > input.yearTo) {
      throw new AppError('BAD_REQUEST', 'yearFrom must not be after yearTo.');
    }
    const selected = TERM_FIELDS.filter((field) => (input[field]?.length ?? 0) > 0).map((field) => VOCABULARY_OF_FIELD[field]);
    const found = await search.termIdsByNormalised(
      TERM_FIELDS.flatMap((field) => (input[field] ?? []).map((value) => ({ vocabulary: VOCABULARY_OF_FIELD[field], normalised: normaliseTerm(value) }))),
    );
    const termFilters: CaseSearchQuery['termFilters'] = [];
    for (const vocabulary of selected) {
      const termIds = found.filter((term) => term.vocabulary === vocabulary).map((term) => term.id);
      // a value that is no term matches nothing (rather than being ignored)
      if (termIds.length === 0) return null;
      termFilters.push({ vocabulary, termIds });
    }
    const tsquery = input.q ? prefixTsQuery(input.q) : null;
    return {
      tsquery,
      text: tsquery ? input.q! : null,
      textMode: 'fulltext',
      termFilters,
      yearFrom: input.yearFrom ?? null,
      yearTo: input.yearTo ?? null,
      sort: input.sort ?? (tsquery ? 'relevance' : 'name'),
      limit,
      offset,
    };
  }

  function emptyFacets(): Record<TTermField, FacetValue[]> {
    return Object.fromEntries(TERM_FIELDS.map((field) => [field, []])) as unknown as Record<TTermField, FacetValue[]>;
  }

  const service = {
    /** Faceted full-text search: one page of cases, the total and counts for every taxonomy field. */
    async searchCases(rawInput: TCaseSearchInput): Promise<CaseSearchResult> {
      const input = ZCaseSearchInput.parse(rawInput);
      const query = await buildQuery(input, input.pageSize, (input.page - 1) * input.pageSize);
      const facets = emptyFacets();
      if (!query) return { total: 0, page: input.page, pageSize: input.pageSize, items: [], facets };
      let page = await search.searchPage(query);
      // nothing by full text: perhaps a typo in a name ("wikipeda")
      if (page.total === 0 && query.tsquery !== null) page = await search.searchPage({ ...query, textMode: 'fuzzy' });
      const { ids, total, facets: counts } = page;
      const fieldOf = Object.fromEntries(TERM_FIELDS.map((field) => [VOCABULARY_OF_FIELD[field], field]));
      for (const row of counts) facets[fieldOf[row.vocabulary] as TTermField].push({ value: row.label, count: row.count });
      const byId = new Map((await cases.findByIds(ids)).map((item) => [item.id, item]));
      const items = ids.flatMap((id) => (byId.has(id) ? [toCase(byId.get(id)!)] : []));
      return { total, page: input.page, pageSize: input.pageSize, items, facets };
    },

    /** Every matching case (no paging), in name order: the CSV download. */
    async *allMatching(rawInput: TCaseSearchInput, batchSize = 500): AsyncGenerator<StoredCase> {
      const input = ZCaseSearchInput.parse({ ...rawInput, page: 1, pageSize: 1 });
      let textMode: TTextMode = 'fulltext';
      for (let offset = 0; ; offset += batchSize) {
        const query = await buildQuery({ ...input, sort: input.sort ?? 'name' }, batchSize, offset);
        if (!query) return;
        let batch = await search.searchIds({ ...query, textMode });
        if (offset === 0 && batch.total === 0 && query.tsquery !== null) {
          textMode = 'fuzzy';
          batch = await search.searchIds({ ...query, textMode });
        }
        const { ids } = batch;
        const byId = new Map((await cases.findByIds(ids)).map((item) => [item.id, item]));
        for (const id of ids) if (byId.has(id)) yield byId.get(id)!;
        if (ids.length < batchSize) return;
      }
    },

    /** The statistics page: totals per taxonomy term and per year of foundation. */
    async directoryStatistics(): Promise<{ total: number; byYear: { year: number; count: number }[]; facets: Record<TTermField, FacetValue[]> }> {
      const [result, byYear] = await Promise.all([service.searchCases({ pageSize: 1 }), search.yearCounts()]);
      return { total: result.total, byYear, facets: result.facets };
    },

    async getCaseOrThrow(id: number): Promise<TCase> {
      const found = await cases.findById(id);
      if (!found) throw new AppError('NOT_FOUND', 'No such case in the directory.');
      return toCase(found);
    },

    async relatedCases(id: number, limit = 6): Promise<TCase[]> {
      const ids = await search.relatedIds(id, limit);
      const byId = new Map((await cases.findByIds(ids)).map((item) => [item.id, item]));
      return ids.flatMap((related) => (byId.has(related) ? [toCase(byId.get(related)!)] : []));
    },
  };
  return service;
}

export type CaseSearchService = ReturnType<typeof createCaseSearchService>;
