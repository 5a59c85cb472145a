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
    // Two files at a time even on two cores (Vitest's default there is one): most files wait on
    // PostgreSQL, Redis or a server they started, so a second file fills the idle time. Files do
    // not share state: each makes its own rows, and BullMQ tests use their own key prefixes.
    maxWorkers: 2,
    globalSetup: ['./tools/vitest/global-setup.ts'],
    // One known shutdown race, and only it: when a test closes a web process, ioredis rejects a
    // command still in flight on a connection being closed ("Connection is closed.", raised from
    // its socket close handler) that a library (socket.io's Redis adapter or Hocuspocus's Redis
    // extension) issued without a catch. It is about 1 run in 6 of chat-socket.test.ts, before and
    // after this session's changes; tracked as work to find the library call. Every other
    // unhandled error still fails the run.
    onUnhandledError(error) {
      const isIoredisCloseRace = error.message === 'Connection is closed.' && /ioredis[\\/]built[\\/]redis[\\/]event_handler/.test(error.stack ?? '');
      return !isIoredisCloseRace;
    },
  },
});
