import type { PrismaClient } from '@p2pvalue/db';
import type { ResultsExport } from '@p2pvalue/platform';
import { AppError, HTTP_STATUS_BY_CODE, isAppError } from '@p2pvalue/shared';
import type { Viewer } from '../../auth/viewer';
import { experimentResultsService } from '../../simulation/experiment-results-service';

// REST downloads of experiment results (tRPC/OpenAPI procedures answer JSON objects, not files).
// Route files under app/api/v1/experiments/[id]/** call these with the resolved viewer.

export type ResultsFormat = 'csv' | 'json';

function streamed(result: ResultsExport): Response {
  const encoder = new TextEncoder();
  const { chunks } = result;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': `${result.mediaType}; charset=utf-8`,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(result.fileName)}`,
      'cache-control': 'private, no-store',
    },
  });
}

/** GET /api/v1/experiments/{id}/results.csv|json: the owner's (or staff's) results, streamed. */
export async function downloadExperimentResults(db: PrismaClient, viewer: Viewer | null, id: string, format: ResultsFormat): Promise<Response> {
  try {
    if (!viewer) throw new AppError('UNAUTHORIZED', 'Sign in or send an API token to download results.');
    const service = experimentResultsService(db);
    return streamed(format === 'csv' ? await service.exportCsv(viewer, id) : await service.exportJson(viewer, id));
  } catch (error) {
    if (isAppError(error)) return Response.json({ code: error.code, message: error.userMessage }, { status: HTTP_STATUS_BY_CODE[error.code] });
    throw error;
  }
}
