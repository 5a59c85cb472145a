import type { PrismaClient } from '@p2pvalue/db';
import { caseToCsvLine, createDirectoryServices, csvHeader } from '@p2pvalue/directory';
import { HTTP_STATUS_BY_CODE, isAppError } from '@p2pvalue/shared';
import { ZCaseListQuery, caseListQueryToSearch } from './directory.types';

const NUMERIC = new Set(['yearFrom', 'yearTo', 'page', 'pageSize']);

/** URLSearchParams → the REST query object (repeated keys become arrays, numbers are numbers). */
function queryObject(params: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = NUMERIC.has(key) ? Number(values[0]) : values.length === 1 ? values[0] : values;
  }
  return query;
}

/**
 * GET /api/v1/cases.csv: every case matching the filters, no paging, in the 2016 column layout
 * (re-importing the file changes nothing). Streamed, so the whole directory is never one string.
 */
export async function casesCsvResponse(db: PrismaClient, url: URL): Promise<Response> {
  const parsed = ZCaseListQuery.safeParse(queryObject(url.searchParams));
  if (!parsed.success) return Response.json({ message: 'Invalid query.', issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) }, { status: 400 });
  const { search } = createDirectoryServices(db);
  const cases = search.allMatching({ ...caseListQueryToSearch(parsed.data), page: undefined, pageSize: undefined });
  // Read the first case before answering, so a bad filter is a 400 rather than a broken download.
  let first: IteratorResult<Awaited<ReturnType<typeof cases.next>>['value']>;
  try {
    first = await cases.next();
  } catch (error) {
    if (isAppError(error)) return Response.json({ message: error.userMessage }, { status: HTTP_STATUS_BY_CODE[error.code] });
    throw error;
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvHeader()));
      if (!first.done && first.value) controller.enqueue(encoder.encode(caseToCsvLine(first.value)));
      if (first.done) controller.close();
    },
    async pull(controller) {
      const next = await cases.next();
      if (next.done || !next.value) controller.close();
      else controller.enqueue(encoder.encode(caseToCsvLine(next.value)));
    },
    async cancel() {
      await cases.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="p2pvalue-directory.csv"',
      'cache-control': 'no-store',
    },
  });
}
