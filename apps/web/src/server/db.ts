import { getPrisma, type PrismaClient } from '@p2pvalue/db';
import { env } from '../env';

/** The process-wide Prisma client (shared by Next's bundle and the custom server). */
export function getDb(): PrismaClient {
  return getPrisma(env.DATABASE_URL);
}
