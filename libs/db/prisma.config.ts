// Prisma CLI configuration (Prisma 7 reads no .env file: DATABASE_URL comes from the environment).
// Offline, only `prisma generate|validate|format` work, and only with PRISMA_SCHEMA_ENGINE_BINARY
// pointing at any existing file (scripts/generate.ts does that). Migrations go through
// scripts/migrate.ts, which drives the WASM schema engine over the same folders.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  schema: path.join(here, 'prisma/schema'),
  migrations: { path: path.join(here, 'prisma/migrations') },
  // Optional for `generate`; required by the stock (online) `prisma migrate deploy`.
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
