// `@p2pvalue/db`: the Prisma client, its construction, and the database configuration.
// Test databases live under `@p2pvalue/db/testing`; migrations are run by scripts/migrate.ts.
export { createPrismaClient, disconnectAllPrisma, getPrisma, type CreatePrismaClientOptions } from './client';
export { dbEnv, DEV_DATABASE_URL } from './env';
export { isDatabaseUnavailableError } from './unavailable';
export { isDatabaseStorageFullError } from './storage-full';
export { listenToPostgres, type PgListener, type PgListenerOptions } from './pg-listener';
export { Prisma, PrismaClient, UserRole } from './generated/prisma/client';
export type { Account, Apikey, RateLimit, Session, User, Verification } from './generated/prisma/client';
