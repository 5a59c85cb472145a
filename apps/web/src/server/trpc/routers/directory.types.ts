import { z } from 'zod';
import { CASE_STATUSES, SIZE_BANDS, ZCaseSearchInput, type TCaseSearchInput } from '@p2pvalue/directory';

/** A directory case as the API returns it (the 2016 fields + the researchers' optional fields). */
export const ZCaseOutput = z.object({
  id: z.number().int(),
  nid: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  homepage: z.string().nullable(),
  socialAccounts: z.array(z.string()),
  email: z.string().nullable(),
  contactPage: z.string().nullable(),
  organisationType: z.string().nullable(),
  address: z.string().nullable(),
  legalEntity: z.string().nullable(),
  yearFounded: z.number().int().nullable(),
  languages: z.array(z.string()),
  phone: z.string().nullable(),
  keywords: z.array(z.string()),
  activityType: z.string().nullable(),
  collaborationType: z.string().nullable(),
  resourceTypes: z.array(z.string()),
  licence: z.string().nullable(),
  otherInformation: z.string().nullable(),
  scope: z.string().nullable(),
  governance: z.string().nullable(),
  sizeBand: z.enum(SIZE_BANDS).nullable(),
  country: z.string().nullable(),
  status: z.enum(CASE_STATUSES).nullable(),
  statusDate: z.string().nullable(),
});

const ZFacet = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const ZFacetsOutput = z.object({
  activityType: ZFacet,
  organisationType: ZFacet,
  legalEntity: ZFacet,
  collaborationType: ZFacet,
  resourceTypes: ZFacet,
  licence: ZFacet,
  scope: ZFacet,
  languages: ZFacet,
});

export const ZCaseSearchOutput = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ZCaseOutput),
  facets: ZFacetsOutput,
});

export { ZCaseSearchInput };

// REST query strings: a filter may be given once (?scope=Local) or repeated (?scope=Local&scope=National).
const repeatable = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .optional();

/** The query of GET /api/v1/cases and /api/v1/cases.csv (the old Drupal API's filter names). */
export const ZCaseListQuery = z.object({
  q: z.string().max(200).optional().describe('Full-text search (accent-insensitive, prefix and fuzzy name matching)'),
  activity: repeatable.describe('Type of activity (repeat for alternatives)'),
  organisationType: repeatable.describe('Organisation type'),
  legalEntity: repeatable.describe('Legal entity'),
  collaboration: repeatable.describe('Most important type of collaboration'),
  resource: repeatable.describe('Type of common resource'),
  licence: repeatable.describe('User-generated content licence'),
  scope: repeatable.describe('Scope: Local, National, International'),
  language: repeatable.describe('Language of the platform'),
  yearFrom: z.number().int().min(0).max(3000).optional().describe('Founded in or after this year'),
  yearTo: z.number().int().min(0).max(3000).optional().describe('Founded in or before this year'),
  sort: z.enum(['relevance', 'name', 'year', 'yearDesc']).optional(),
  page: z.number().int().min(1).max(100_000).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});
export type TCaseListQuery = z.output<typeof ZCaseListQuery>;

/** REST filter names → the search service's field names. */
export function caseListQueryToSearch(query: TCaseListQuery): TCaseSearchInput {
  return {
    q: query.q,
    activityType: query.activity,
    organisationType: query.organisationType,
    legalEntity: query.legalEntity,
    collaborationType: query.collaboration,
    resourceTypes: query.resource,
    licence: query.licence,
    scope: query.scope,
    languages: query.language,
    yearFrom: query.yearFrom,
    yearTo: query.yearTo,
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Case ids are PostgreSQL integers: a larger number is refused here, not by the database. */
export const ZCaseIdInput = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const ZStatisticsOutput = z.object({
  total: z.number().int(),
  byYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  facets: ZFacetsOutput,
});
