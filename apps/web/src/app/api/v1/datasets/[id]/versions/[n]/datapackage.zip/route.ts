import { getDb } from '~/server/db';
import { resolveViewer } from '~/server/auth/viewer';
import { downloadDataPackage } from '~/server/trpc/routers/archive.http';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  return downloadDataPackage(getDb(), await resolveViewer(req.headers), await params, new URL(req.url).origin);
}
