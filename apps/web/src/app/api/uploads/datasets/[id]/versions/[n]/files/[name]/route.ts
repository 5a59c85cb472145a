import { getDb } from '~/server/db';
import { resolveViewer } from '~/server/auth/viewer';
import { uploadDatasetFile } from '~/server/trpc/routers/archive.http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string; n: string; name: string }> };

// The same upload as PUT /api/v1/datasets/…/files/{name}, under /api/uploads so files above the
// HTTP front's 1 MB JSON limit get through (the archive's own limit still applies).
export async function PUT(req: Request, { params }: Params) {
  if (req.headers.get('content-length') === null) return Response.json({ message: 'Send the file with a Content-Length.' }, { status: 411 });
  return uploadDatasetFile(getDb(), await resolveViewer(req.headers), await params, req);
}
