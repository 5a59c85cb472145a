import type { TCaseSearchInput } from '@p2pvalue/directory';

/** The taxonomy fields shown as facets, with the URL parameter each uses (the REST API's names). */
export const FACETS = [
  { field: 'activityType', param: 'activity', label: 'Type of activity' },
  { field: 'organisationType', param: 'organisationType', label: 'Organisation type' },
  { field: 'legalEntity', param: 'legalEntity', label: 'Legal entity' },
  { field: 'collaborationType', param: 'collaboration', label: 'Main type of collaboration' },
  { field: 'resourceTypes', param: 'resource', label: 'Common resource' },
  { field: 'licence', param: 'licence', label: 'Content licence' },
  { field: 'scope', param: 'scope', label: 'Scope' },
  { field: 'languages', param: 'language', label: 'Platform language' },
] as const;

export type FacetField = (typeof FACETS)[number]['field'];
export type FacetParam = (typeof FACETS)[number]['param'];

export const SORTS = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'name', label: 'Name' },
  { value: 'year', label: 'Oldest first' },
  { value: 'yearDesc', label: 'Newest first' },
] as const;
export type SortValue = (typeof SORTS)[number]['value'];

export const PAGE_SIZE = 20;

/** The directory's state, as read from the URL. The page URL uses the same query as /api/v1/cases. */
export interface DirectoryState {
  q: string;
  filters: Record<FacetParam, string[]>;
  yearFrom: number | null;
  yearTo: number | null;
  sort: SortValue | null;
  page: number;
}

type RawParams = Record<string, string | string[] | undefined>;

const all = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= 200).slice(0, 20);
const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();

function year(value: string | string[] | undefined): number | null {
  const text = one(value);
  if (!/^\d{1,4}$/.test(text)) return null;
  return Number(text);
}

export function parseDirectoryState(params: RawParams): DirectoryState {
  const filters = Object.fromEntries(FACETS.map(({ param }) => [param, [...new Set(all(params[param]))]])) as Record<FacetParam, string[]>;
  const sort = one(params.sort);
  const page = Number(one(params.page));
  return {
    q: one(params.q).slice(0, 200),
    filters,
    yearFrom: year(params.yearFrom),
    yearTo: year(params.yearTo),
    sort: SORTS.some((s) => s.value === sort) ? (sort as SortValue) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export function toSearchInput(state: DirectoryState): TCaseSearchInput {
  const input: TCaseSearchInput = { page: state.page, pageSize: PAGE_SIZE };
  if (state.q) input.q = state.q;
  for (const { field, param } of FACETS) if (state.filters[param].length > 0) input[field] = state.filters[param];
  // A reversed range is read the way the person meant it.
  const [from, to] = state.yearFrom !== null && state.yearTo !== null && state.yearFrom > state.yearTo ? [state.yearTo, state.yearFrom] : [state.yearFrom, state.yearTo];
  if (from !== null) input.yearFrom = from;
  if (to !== null) input.yearTo = to;
  if (state.sort) input.sort = state.sort;
  return input;
}

/** The query string of a state (without paging when `withPage` is false: the CSV link). */
export function toQueryString(state: DirectoryState, withPage = true): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { param } of FACETS) for (const value of state.filters[param]) params.append(param, value);
  if (state.yearFrom !== null) params.set('yearFrom', String(state.yearFrom));
  if (state.yearTo !== null) params.set('yearTo', String(state.yearTo));
  if (state.sort) params.set('sort', state.sort);
  if (withPage && state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const directoryHref = (state: DirectoryState) => `/directory${toQueryString(state)}`;

/** The state with one facet value switched on or off (back to page 1). */
export function toggleFacet(state: DirectoryState, param: FacetParam, value: string): DirectoryState {
  const current = state.filters[param];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, filters: { ...state.filters, [param]: next }, page: 1 };
}

export const emptyState = (): DirectoryState => parseDirectoryState({});

/** The search page filtered on one taxonomy value (links from a case page). */
export function facetHref(param: FacetParam, value: string): string {
  return directoryHref(toggleFacet(emptyState(), param, value));
}

export const paramOfField = (field: FacetField): FacetParam => FACETS.find((f) => f.field === field)!.param;

export function hasFilters(state: DirectoryState): boolean {
  return state.q !== '' || state.yearFrom !== null || state.yearTo !== null || FACETS.some(({ param }) => state.filters[param].length > 0);
}
