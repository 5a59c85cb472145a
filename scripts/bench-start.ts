/**
 * `npm start` timing (`npm run bench:start` = `tsx scripts/bench-start.ts`).
 *
 * Clones this repository (committed HEAD) into a temporary folder and runs `npm start` there twice:
 * - cold: nothing installed or built (npm ci, Prisma client, migrations, seed, Next build, web +
 *   worker) until GET /api/health answers 200;
 * - warm: the same clone again (nothing changed, so no install and no build).
 * Each run uses its own database and Redis prefix on the shared PostgreSQL and Redis (the dev data
 * is never touched) and a free port. The script stops what it started (the process group of each
 * `npm start`), drops the database, removes the Redis keys and the clone.
 * The LAST line is JSON: {cold_s, warm_s, ...}. Option: --keep (keep the clone).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const say = (line: string) => console.error(`[bench:start] ${line}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Stops an `npm start` and everything under it: its process group, SIGINT as Ctrl-C would. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGINT');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }, 30_000);
  await exited;
  clearTimeout(timer);
  // start.sh waits for web and worker; make sure nothing of the group outlived it.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is empty: good
  }
}

interface Timing {
  seconds: number;
  /** When each step that start.sh announces ("installing dependencies…", "building…") began, in s. */
  steps: Record<string, number>;
}

async function timeStart(clone: string, env: NodeJS.ProcessEnv, port: number, label: string): Promise<Timing> {
  const log = createWriteStream(join(clone, `bench-start-${label}.log`));
  const started = performance.now();
  const since = () => +((performance.now() - started) / 1000).toFixed(1);
  const steps: Record<string, number> = {};
  const child = spawn('npm', ['start'], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const match of chunk.toString().matchAll(/\[p2pvalue\]\S* (.+?)(?:…|$)/gm)) steps[match[1]!.trim()] ??= since();
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    const deadline = started + 20 * 60_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm start (${label}) exited with ${child.exitCode}; see ${join(clone, `bench-start-${label}.log`)}`);
      if (await healthy(port)) return { seconds: since(), steps };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`npm start (${label}) was not healthy within 20 minutes`);
  } finally {
    await stopGroup(child);
    log.end();
  }
}

async function main(): Promise<void> {
  const runId = randomBytes(4).toString('hex');
  const clone = mkdtempSync(join(tmpdir(), 'p2pv-bench-start-'));
  const database = `p2pvalue_bench_${runId}`;
  const prefix = `bench-${runId}`;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${database}`,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'warn',
  };
  // Variables of this shell that would change what `npm start` does are not passed on.
  for (const name of ['NODE_ENV', 'NEXT_DIST_DIR', 'PUBLIC_URL', 'BETTER_AUTH_SECRET']) delete env[name];
  try {
    say(`cloning ${repo} into ${clone}`);
    const cloned = spawnSync('git', ['clone', '--quiet', repo, clone], { stdio: 'inherit' });
    if (cloned.status !== 0) throw new Error('git clone failed');
    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: clone, encoding: 'utf8' }).stdout.trim();
    say(`cold npm start (commit ${commit}, port ${port}, database ${database})…`);
    const cold = await timeStart(clone, env, port, 'cold');
    say(`cold: ${cold.seconds} s; steps began at ${JSON.stringify(cold.steps)}; warm npm start…`);
    const warm = await timeStart(clone, env, port, 'warm');
    say(`warm: ${warm.seconds} s; steps began at ${JSON.stringify(warm.steps)}`);
    console.log(JSON.stringify({ cold_s: cold.seconds, warm_s: warm.seconds, commit, cores: cpus().length, load1: +loadavg()[0]!.toFixed(1) }));
  } finally {
    spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`], { stdio: 'ignore' });
    const keys = spawnSync('redis-cli', ['-p', '6379', '--scan', '--pattern', `${prefix}:*`], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    for (let i = 0; i < keys.length; i += 500) spawnSync('redis-cli', ['-p', '6379', 'del', ...keys.slice(i, i + 500)], { stdio: 'ignore' });
    if (keep) say(`clone kept in ${clone}`);
    else rmSync(clone, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
