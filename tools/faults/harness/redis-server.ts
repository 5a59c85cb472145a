import { join } from 'node:path';
import { sleep, startProcess, type ManagedProcess } from './processes';
import { connect } from 'node:net';

/** A private redis-server without persistence, on its own port; restarting it empties it. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  start(): Promise<void>;
  /** SIGKILL: the server dies as in a crash, cutting every connection. */
  stop(): Promise<void>;
  running(): boolean;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

export function createRedisServer(root: string, port: number): RedisServer {
  let process: ManagedProcess | null = null;
  return {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    async start() {
      process = startProcess('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', root], {
        cwd: root,
        env: { PATH: globalThis.process.env.PATH },
        logFile: join(root, 'redis.log'),
      });
      for (let i = 0; i < 100; i++) {
        if (await portAnswers(port)) return;
        if (!process.alive()) break;
        await sleep(100);
      }
      throw new Error(`redis-server did not come up on port ${port} (see ${join(root, 'redis.log')})`);
    },
    async stop() {
      await process?.kill();
      process = null;
    },
    running: () => process?.alive() ?? false,
  };
}
