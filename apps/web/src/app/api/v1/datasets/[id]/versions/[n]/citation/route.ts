import { getDb } from '~/server/db';
import { resolveViewer } from '~/server/auth/viewer';
import { downloadCitation } from '~/server/trpc/routers/archive.http';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  return downloadCitation(getDb(), await resolveViewer(req.headers), await params, new URL(req.url));
}
