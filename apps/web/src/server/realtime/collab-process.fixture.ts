/**
 * A web server's realtime half (socket.io + Hocuspocus at /collab, with every extension of the
 * app) in its own OS process, for the multi-process tests: `node --import tsx
 * collab-process.fixture.ts`. It takes its configuration from the environment like the web server
 * (the test's database and Redis prefix are inherited), prints `{"port":…}` once listening, and
 * stops gracefully (documents flushed) on SIGTERM.
 */
import { createServer } from 'node:http';
import { attachRealtime } from './attach-realtime';

const server = createServer((_req, res) => res.end());
const realtime = attachRealtime(server, { debounceMs: 100, maxDebounceMs: 500 });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`);
});
process.once('SIGTERM', () => {
  void realtime.close().finally(() => process.exit(0));
});
