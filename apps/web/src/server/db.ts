import { createPrismaClient, type PrismaClient } from '@p2pvalue/db';
import { env } from '../env';

// One client per process: Next's bundle and the custom server share it through globalThis.
const holder = globalThis as unknown as { __p2pvPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  holder.__p2pvPrisma ??= createPrismaClient({ url: env.DATABASE_URL });
  return holder.__p2pvPrisma;
}
