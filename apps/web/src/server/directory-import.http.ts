import type { PrismaClient } from '@p2pvalue/db';
import { createDirectoryServices, DEFAULT_IMPORT_MAX_BYTES, type ImportReport } from '@p2pvalue/directory';
import { hasRole } from '@p2pvalue/platform';
import type { Viewer } from './auth/viewer';

// POST /api/uploads/directory-import?dryRun=1&skipInvalid=1&strict=1 with the CSV as the body.
// Lives under /api/uploads so the HTTP front's 1 MB JSON limit does not apply; the importer
// enforces its own limit while streaming. The answer is NDJSON: progress lines, then the report.

export type ImportStreamLine = { type: 'progress'; phase: 'reading' | 'writing' | 'done'; rows: number } | { type: 'report'; report: ImportReport } | { type: 'error'; message: string };

const json = (status: number, message: string) => Response.json({ message }, { status });

export async function importDirectoryCsv(db: PrismaClient, viewer: Viewer | null, req: Request): Promise<Response> {
  if (!viewer) return json(401, 'Sign in to import.');
  if (!hasRole(viewer.role, 'staff')) return json(403, 'Only project staff can import cases.');
  // A cross-site form cannot send this content type without a preflight, so no CSRF token is needed.
  if (!(req.headers.get('content-type') ?? '').startsWith('text/csv')) return json(415, 'Send the file as text/csv.');
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > DEFAULT_IMPORT_MAX_BYTES) return json(413, `Files can be at most ${DEFAULT_IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
  if (!req.body) return json(400, 'The file is empty.');

  const url = new URL(req.url);
  const flag = (name: string) => url.searchParams.get(name) === '1';
  const source = req.body as unknown as AsyncIterable<Uint8Array>;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const report = await createDirectoryServices(db).importer.importCsv(source, {
          dryRun: flag('dryRun'),
          skipInvalid: flag('skipInvalid'),
          strict: flag('strict'),
          maxBytes: DEFAULT_IMPORT_MAX_BYTES,
          onProgress: (progress) => send({ type: 'progress', ...progress }),
        });
        send({ type: 'report', report });
      } catch {
        send({ type: 'error', message: 'The import failed on our side; nothing was imported.' });
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' } });
}
