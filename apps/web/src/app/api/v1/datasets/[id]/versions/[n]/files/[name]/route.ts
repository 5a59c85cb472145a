import { getDb } from '~/server/db';
import { resolveViewer } from '~/server/auth/viewer';
import { downloadDatasetFile, uploadDatasetFile } from '~/server/trpc/routers/archive.http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string; n: string; name: string }> };

export async function GET(req: Request, { params }: Params) {
  return downloadDatasetFile(getDb(), await resolveViewer(req.headers), await params);
}

export async function PUT(req: Request, { params }: Params) {
  return uploadDatasetFile(getDb(), await resolveViewer(req.headers), await params, req);
}
