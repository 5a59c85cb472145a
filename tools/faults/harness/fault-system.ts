import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { createRedisServer, type RedisServer } from './redis-server';
import { credentialHeaders, request, type Credential, type HttpResult } from './http-client';
import { freePort, run, startProcess, waitFor, type ManagedProcess } from './processes';
import { ensureWebBuild } from './web-build';

export interface HealthBody {
  status: string;
  db: string;
  redis: string;
  workers: number;
}

/**
 * A whole P2Pvalue system of its own: private PostgreSQL cluster and Redis server, a production
 * web process and one worker. Scenarios break its parts and watch what users would see.
 */
export class FaultSystem {
  readonly baseUrl: string;
  private web: ManagedProcess | null = null;
  /** Worker processes by WORKER_ID; the system starts with `worker-1`. */
  private readonly workers = new Map<string, ManagedProcess>();

  private constructor(
    readonly repo: string,
    readonly root: string,
    readonly postgres: PostgresCluster,
    readonly redis: RedisServer,
    readonly databaseName: string,
    readonly env: NodeJS.ProcessEnv,
    private readonly log: (line: string) => void,
  ) {
    this.baseUrl = env.PUBLIC_URL!;
  }

  static async start(options: { repo: string; distDir: string; dev: boolean; noBuild: boolean; log: (line: string) => void }): Promise<FaultSystem> {
    const root = mkdtempSync(join(tmpdir(), 'p2pv-faults-'));
    const [pgPort, redisPort, webPort] = [await freePort(), await freePort(), await freePort()];
    const runId = randomBytes(4).toString('hex');
    options.log(`private PostgreSQL on :${pgPort}, Redis on :${redisPort}, web on :${webPort} (files in ${root})`);
    const postgres = createPostgresCluster(root, pgPort);
    postgres.start();
    const redis = createRedisServer(root, redisPort);
    await redis.start();
    const databaseName = 'p2pvalue_faults';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: options.dev ? 'development' : 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: options.distDir,
      DATABASE_URL: postgres.url(databaseName),
      REDIS_URL: redis.url,
      REDIS_PREFIX: `faults-${runId}`,
      PORT: String(webPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${webPort}`,
      BETTER_AUTH_SECRET: `faults-secret-${runId}-0123456789abcdef0123456789`,
      AUTH_SIGNIN_RATE_LIMIT: '1000',
      SEED_DEMO_USERS: 'true',
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: '1',
      // Checkpoints every half second (default 10 s), so worker-kill finds a run with a checkpoint
      // well inside a run of a few seconds and can check that the takeover resumes from it.
      WORKER_CHECKPOINT_SECONDS: '0.5',
      // …on every interval, whatever a checkpoint costs (by default at most 5 % of a run's time).
      WORKER_CHECKPOINT_MAX_PERCENT: '100',
      // web-restart: up to 10 chat clients of one user send several messages a second.
      CHAT_SEND_RATE_LIMIT: '100000',
    };
    const system = new FaultSystem(options.repo, root, postgres, redis, databaseName, env, options.log);
    try {
      run('npm', ['run', '--silent', 'db:migrate'], { cwd: options.repo, env });
      run('npx', ['tsx', 'libs/db/scripts/seed.ts'], { cwd: options.repo, env });
      if (!options.dev) ensureWebBuild(options.repo, options.distDir, env, options.log, { reuse: options.noBuild });
      await system.startWorker();
      await system.startWeb();
      return system;
    } catch (error) {
      await system.close({ keepFiles: true });
      throw error;
    }
  }

  /** Files (logs) of this run, for a failure report. */
  logFiles(): string[] {
    const extraWorkers = [...this.workers.keys()].filter((id) => id !== FaultSystem.FIRST_WORKER).map((id) => join(this.root, `${id}.log`));
    return [join(this.root, 'web.log'), join(this.root, 'worker.log'), ...extraWorkers, join(this.root, 'postgres.log'), join(this.root, 'redis.log')];
  }

  webPid(): number | null {
    return this.web?.alive() ? this.web.pid : null;
  }

  workerAlive(id = FaultSystem.FIRST_WORKER): boolean {
    return this.workers.get(id)?.alive() ?? false;
  }

  static readonly FIRST_WORKER = 'worker-1';

  async startWeb(): Promise<void> {
    this.web = startProcess('web', process.execPath, ['--import', 'tsx', 'apps/web/src/server/main.ts'], { cwd: this.repo, env: this.env, logFile: join(this.root, 'web.log') });
    const up = await waitFor(async () => ((await this.health()).status === 200 ? true : undefined), 90_000, 500);
    if (!up) throw new Error(`the web process did not become healthy (see ${join(this.root, 'web.log')})`);
  }

  /** Stops the web process: SIGTERM (its graceful path, SIGKILL after 15 s) or SIGKILL (a crash). */
  async stopWeb(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    if (signal === 'SIGKILL') await this.web?.kill();
    else await this.web?.stop();
  }

  /**
   * Starts a worker process with this WORKER_ID (its runs record it). More workers need nothing
   * but the same REDIS_URL and DATABASE_URL. Logs go to `<id>.log` (`worker.log` for the first).
   */
  async startWorker(id = FaultSystem.FIRST_WORKER): Promise<void> {
    if (this.workers.get(id)?.alive()) throw new Error(`worker ${id} is already running`);
    const logFile = join(this.root, id === FaultSystem.FIRST_WORKER ? 'worker.log' : `${id}.log`);
    this.workers.set(id, startProcess(id, process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], { cwd: this.repo, env: { ...this.env, WORKER_ID: id }, logFile }));
  }

  /** kill -9 of one worker: no shutdown, its jobs' locks simply stop being renewed. */
  async killWorker(id: string): Promise<void> {
    const worker = this.workers.get(id);
    if (!worker) throw new Error(`no worker ${id}`);
    await worker.kill();
  }

  /** A graceful stop (SIGTERM) of one worker. */
  async stopWorker(id: string): Promise<void> {
    await this.workers.get(id)?.stop();
    this.workers.delete(id);
  }

  /** The rows psql prints for a query on the system's database (unaligned, `|`-separated). */
  sql(query: string): string[][] {
    return this.postgres
      .psql(this.databaseName, query)
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => line.split('|'));
  }

  health(timeoutMs = 5_000): Promise<HttpResult & { body?: HealthBody }> {
    return request(`${this.baseUrl}/api/health`, {}, timeoutMs).then((result) => ({ ...result, body: (result.json as HealthBody | null) ?? undefined }));
  }

  /** Waits until /api/health matches; the answer and how long it took, or null on timeout. */
  async waitForHealth(match: (body: HealthBody, status: number) => boolean, timeoutMs: number) {
    return waitFor(async () => {
      const result = await this.health(3_000);
      return result.body && match(result.body, result.status) ? result : undefined;
    }, timeoutMs, 200);
  }

  get(path: string, credential: Credential = null, timeoutMs = 10_000): Promise<HttpResult> {
    return request(`${this.baseUrl}${path}`, { headers: credentialHeaders(credential) }, timeoutMs);
  }

  /** A tRPC query over HTTP (superjson wire format). */
  trpcQuery(path: string, input: unknown, credential: Credential = null, timeoutMs = 10_000): Promise<HttpResult> {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return request(`${this.baseUrl}/api/trpc/${path}${query}`, { headers: credentialHeaders(credential) }, timeoutMs);
  }

  trpcMutation(path: string, input: unknown, credential: Credential = null, timeoutMs = 10_000): Promise<HttpResult> {
    return request(
      `${this.baseUrl}/api/trpc/${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', origin: this.baseUrl, ...credentialHeaders(credential) }, body: JSON.stringify({ json: input }) },
      timeoutMs,
    );
  }

  /** Signs a seeded demo user in; the session cookie. */
  async signIn(email: string): Promise<{ cookie: string }> {
    const response = await fetch(`${this.baseUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.baseUrl },
      body: JSON.stringify({ email, password: 'p2pvalue-demo' }),
    });
    if (!response.ok) throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return { cookie };
  }

  async createApiToken(session: { cookie: string }, name: string): Promise<{ token: string }> {
    const result = await this.trpcMutation('account.createApiToken', { name }, session, 60_000);
    const token = (result.json as { result?: { data?: { json?: { token?: string } } } } | null)?.result?.data?.json?.token;
    if (result.status !== 200 || !token) throw new Error(`creating an API token answered ${result.status}: ${result.text}`);
    return { token };
  }

  /** Stops everything this system started; removes its files unless asked to keep them. */
  async close(options: { keepFiles?: boolean } = {}): Promise<void> {
    await this.web?.stop().catch(() => undefined);
    for (const worker of this.workers.values()) await worker.stop().catch(() => undefined);
    await this.redis.stop().catch(() => undefined);
    try {
      if (this.postgres.running()) this.postgres.stop('immediate');
    } catch {
      // already down
    }
    if (!options.keepFiles) rmSync(this.root, { recursive: true, force: true });
  }
}
