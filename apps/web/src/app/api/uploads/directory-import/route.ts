import { getDb } from '~/server/db';
import { resolveViewer } from '~/server/auth/viewer';
import { importDirectoryCsv } from '~/server/directory-import.http';

export const dynamic = 'force-dynamic';

export async function POST(req: Request) {
  return importDirectoryCsv(getDb(), await resolveViewer(req.headers), req);
}
