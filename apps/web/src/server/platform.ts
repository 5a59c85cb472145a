import { createPlatformServices, type PlatformServices } from '@p2pvalue/platform';
import type { PrismaClient } from '@p2pvalue/db';
import { createLiveDocuments } from './realtime/live-documents';

/** The collaboration services over a Prisma client (one composition for tRPC, REST and realtime). */
export function platformServices(db: PrismaClient): PlatformServices {
  return createPlatformServices({ db, live: createLiveDocuments(db) });
}
