// `prisma generate` offline: the CLI only needs PRISMA_SCHEMA_ENGINE_BINARY to point at some existing
// file to skip downloading the native schema engine, which generate does not use.
//   tsx libs/db/scripts/generate.ts [extra prisma generate flags]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DB_LIB_ROOT } from '../src/migrate/paths';

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [prismaCli, 'generate', '--config', path.join(DB_LIB_ROOT, 'prisma.config.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
