// Where libs/db keeps its Prisma schema and migrations (independent of the current directory).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DB_LIB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMA_DIR = path.join(DB_LIB_ROOT, 'prisma/schema');
export const MIGRATIONS_DIR = path.join(DB_LIB_ROOT, 'prisma/migrations');
