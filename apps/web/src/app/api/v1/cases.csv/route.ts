import { getDb } from '~/server/db';
import { casesCsvResponse } from '~/server/trpc/routers/directory.csv-response';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return casesCsvResponse(getDb(), new URL(req.url));
}
