import { z } from 'zod';
import { createDirectoryServices } from '@p2pvalue/directory';
import { createTRPCRouter, publicProcedure } from '../init';
import {
  ZCaseIdInput,
  ZCaseListQuery,
  ZCaseOutput,
  ZCaseSearchInput,
  ZCaseSearchOutput,
  ZStatisticsOutput,
  caseListQueryToSearch,
} from './directory.types';

export const directoryRouter = createTRPCRouter({
  /** The /directory page: search with facets (arrays of term labels per taxonomy field). */
  search: publicProcedure
    .input(ZCaseSearchInput)
    .output(ZCaseSearchOutput)
    .query(({ ctx, input }) => createDirectoryServices(ctx.db).search.searchCases(input)),

  listCases: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/cases',
        tags: ['directory'],
        summary: 'Search the CBPP directory',
        description: 'Faceted full-text search. Facet counts for a field ignore that field’s own filter. The same filters give `/api/v1/cases.csv`.',
        protect: false,
      },
    })
    .input(ZCaseListQuery)
    .output(ZCaseSearchOutput)
    .query(({ ctx, input }) => createDirectoryServices(ctx.db).search.searchCases(caseListQueryToSearch(input))),

  getCase: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/cases/{id}', tags: ['directory'], summary: 'One directory case', protect: false } })
    .input(ZCaseIdInput)
    .output(ZCaseOutput)
    .query(({ ctx, input }) => createDirectoryServices(ctx.db).search.getCaseOrThrow(input.id)),

  relatedCases: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/cases/{id}/related', tags: ['directory'], summary: 'Cases sharing taxonomy terms or keywords', protect: false } })
    .input(ZCaseIdInput)
    .output(z.array(ZCaseOutput))
    .query(({ ctx, input }) => createDirectoryServices(ctx.db).search.relatedCases(input.id)),

  statistics: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/directory/statistics', tags: ['directory'], summary: 'Cases per taxonomy term and per year of foundation', protect: false } })
    .input(z.void())
    .output(ZStatisticsOutput)
    .query(({ ctx }) => createDirectoryServices(ctx.db).search.directoryStatistics()),
});
