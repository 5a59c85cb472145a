// Prisma Client construction: Prisma 7 talks to PostgreSQL through the `pg` driver adapter.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { dbEnv } from './env';

export interface CreatePrismaClientOptions {
  /** postgres:// connection URL. */
  url: string;
  /** Maximum pool size (pg default: 10). */
  max?: number;
}

/** A new client with its own pool; the caller owns it (`$disconnect()` when done). */
export function createPrismaClient({ url, max }: CreatePrismaClientOptions): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, ...(max ? { max } : {}) }) });
}

// Kept on globalThis so that module re-evaluation (Next.js dev HMR) does not open more pools.
const registry = globalThis as typeof globalThis & { __p2pvaluePrisma?: Map<string, PrismaClient> };

/**
 * The process-wide client for `url` (default: DATABASE_URL), created on first use.
 * Apps use this; tests prefer their own database from `@p2pvalue/db/testing`.
 */
export function getPrisma(url: string = dbEnv().DATABASE_URL): PrismaClient {
  const clients = (registry.__p2pvaluePrisma ??= new Map());
  let client = clients.get(url);
  if (!client) {
    client = createPrismaClient({ url });
    clients.set(url, client);
  }
  return client;
}

/** Disconnects every client made by getPrisma (graceful shutdown). */
export async function disconnectAllPrisma(): Promise<void> {
  const clients = registry.__p2pvaluePrisma;
  if (!clients) return;
  const all = [...clients.values()];
  clients.clear();
  await Promise.all(all.map((client) => client.$disconnect()));
}
