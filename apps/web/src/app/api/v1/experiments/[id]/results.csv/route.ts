import { getDb } from '~/server/db';
import { resolveViewer } from '~/server/auth/viewer';
import { downloadExperimentResults } from '~/server/trpc/routers/experiment-results.http';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return downloadExperimentResults(getDb(), await resolveViewer(req.headers), (await params).id, 'csv');
}
