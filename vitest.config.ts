import './tools/node20-polyfills.ts';
import { defineConfig } from 'vitest/config';

// One runner for the whole workspace. Integration tests get a fresh PostgreSQL database and a
// private Redis key prefix from the global setup; they never touch development data.
export default defineConfig({
  test: {
    include: ['{apps,libs,tools}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'apps/web-e2e/**', '**/.next/**', '**/.next-*/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['./tools/vitest/global-setup.ts'],
  },
});
