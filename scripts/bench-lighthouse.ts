/**
 * Lighthouse in mobile mode on the pages issue 10 names (`npm run bench:lighthouse`).
 *
 *   tsx scripts/bench-lighthouse.ts [--url http://host:port] [--runs N] [--out dir]
 *
 * With --url it measures a running production server. Without, it starts one like scripts/e2e.sh
 * does, from the build already in apps/web/$NEXT_DIST_DIR (default .next; `npm run build` first):
 * a fresh database (migrated and seeded), a private Redis prefix and a free port, all removed
 * afterwards. Lighthouse 12.2.3 drives Debian's chromium (offline machines: nothing is downloaded)
 * with its default mobile settings (Moto G Power screen, simulated slow 4G, 4× CPU slowdown).
 * For each of /, /directory, a case page and /simulations it prints the performance and
 * accessibility scores, the Core Web Vitals behind them, the JavaScript the page loaded (bytes on
 * the wire) and the audits that cost points. With --runs N (default 1) the median-performance run
 * of N is reported; --out keeps each reported run's full report (<dir>/<page>.json) for digging
 * into its audits. The LAST line is JSON.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

const repo = fileURLToPath(new URL('..', import.meta.url));
const say = (line: string) => console.error(`[bench:lighthouse] ${line}`);
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

// The flags the project uses for Debian's chromium everywhere (see apps/web-e2e/playwright.config.ts).
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const GOALS = { performance: 90, accessibility: 95 };

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

interface Server {
  url: string;
  stop: () => Promise<void>;
}

/** A production web server on a fresh database, as scripts/e2e.sh starts one (without the worker: pages only). */
async function startServer(): Promise<Server> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(join(repo, 'apps/web', distDir, 'BUILD_ID'))) throw new Error(`no production build in apps/web/${distDir}: run \`npm run build\` (or pass --url)`);
  const runId = randomBytes(4).toString('hex');
  const database = `p2pvalue_lighthouse_${runId}`;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${database}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    REDIS_PREFIX: `lighthouse-${runId}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://localhost:${port}`,
    BETTER_AUTH_SECRET: `lighthouse-secret-${runId}-0123456789abcdef0123456789`,
    SEED_DEMO_USERS: 'true',
    LOG_LEVEL: 'warn',
  };
  const cleanup = () => {
    spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`], { stdio: 'ignore' });
    spawnSync('bash', ['-c', `redis-cli -p 6379 --scan --pattern '${env.REDIS_PREFIX}:*' | xargs -r redis-cli -p 6379 del`], { stdio: 'ignore' });
  };
  for (const script of ['db:migrate', 'db:seed']) {
    say(`npm run ${script} (database ${database})…`);
    const run = spawnSync('npm', ['run', '--silent', script], { cwd: repo, env, encoding: 'utf8' });
    if (run.status !== 0) {
      cleanup();
      throw new Error(`${script} failed:\n${run.stdout}\n${run.stderr}`);
    }
  }
  say(`starting the web server from apps/web/${distDir} on port ${port}…`);
  const child: ChildProcess = spawn('node', ['--import', 'tsx', 'apps/web/src/server/main.ts'], { cwd: repo, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    cleanup();
  };
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url: env.PUBLIC_URL!, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error('the web server did not become healthy in 2 minutes');
}

interface PageFigures {
  page: string;
  url: string;
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** JavaScript the page loaded, bytes on the wire (compressed), and scripts counted. */
  firstLoadJsKB: number;
  scripts: number;
  /** Audits that cost points: accessibility audits that failed, performance audits scored below 0.9. */
  failing: string[];
  /**
   * Lighthouse's CPU benchmark of this machine at the time (a quiet desktop scores about 1000-2000).
   * TBT is the observed main-thread work times the 4× slowdown, so a loaded machine inflates it.
   */
  benchmarkIndex: number;
}

const score = (lhr: Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const numeric = (lhr: Result, id: string) => +(lhr.audits[id]?.numericValue ?? NaN).toFixed(id === 'cumulative-layout-shift' ? 3 : 0);

function figures(page: string, url: string, lhr: Result): PageFigures {
  const requests = ((lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? []).filter((r) => r.resourceType === 'Script');
  const failing: string[] = [];
  for (const [category, threshold] of [
    ['accessibility', 1],
    ['performance', 0.9],
  ] as const) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= threshold) continue;
      failing.push(`${category}:${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  }
  return {
    page,
    url,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    speedIndexMs: numeric(lhr, 'speed-index'),
    firstLoadJsKB: +(requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024).toFixed(1),
    scripts: requests.length,
    failing,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
  };
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(arg('--runs') ?? 1));
  const out = arg('--out');
  const given = arg('--url');
  const server = given ? { url: given.replace(/\/$/, ''), stop: async () => undefined } : await startServer();
  const results: PageFigures[] = [];
  try {
    const cases = (await (await fetch(`${server.url}/api/v1/cases?pageSize=1`)).json()) as { items: { id: string }[] };
    const pages = [
      { page: '/', path: '/' },
      { page: '/directory', path: '/directory' },
      { page: 'case', path: `/directory/cases/${cases.items[0]!.id}` },
      { page: '/simulations', path: '/simulations' },
    ];
    // One unmeasured visit each, so the first measured page does not pay for the server's cold caches.
    for (const { path } of pages) await fetch(`${server.url}${path}`);
    for (const { page, path } of pages) {
      const url = `${server.url}${path}`;
      const measured: { figures: PageFigures; lhr: Result }[] = [];
      for (let i = 0; i < runs; i++) {
        let lhr: Result | undefined;
        // A starved machine sometimes loses the navigation (NO_NAVSTART, NO_FCP): try that run again.
        for (let attempt = 1; attempt <= 3 && !lhr; attempt++) {
          // A fresh browser (and profile) per run: the app's service worker and IndexedDB from an
          // earlier page would otherwise change this one's load (and once broke its trace).
          const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
          const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }).finally(() => chrome.kill());
          if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
          if (result.lhr.runtimeError) say(`${page}: ${result.lhr.runtimeError.code} (attempt ${attempt} of 3)`);
          else lhr = result.lhr;
        }
        if (!lhr) throw new Error(`lighthouse could not measure ${url} in 3 attempts`);
        measured.push({ figures: figures(page, url, lhr), lhr });
      }
      const middle = measured.sort((a, b) => a.figures.performance - b.figures.performance)[Math.floor(measured.length / 2)]!;
      const median = middle.figures;
      if (out) {
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, `${page.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}.json`), JSON.stringify(middle.lhr));
      }
      results.push(median);
      const miss = median.performance < GOALS.performance || median.accessibility < GOALS.accessibility;
      console.log(
        `${page.padEnd(13)} performance ${String(median.performance).padStart(3)}  accessibility ${String(median.accessibility).padStart(3)}  ` +
          `FCP ${median.fcpMs} ms  LCP ${median.lcpMs} ms  TBT ${median.tbtMs} ms  CLS ${median.cls}  JS ${median.firstLoadJsKB} KB (${median.scripts} scripts)  CPU benchmark ${median.benchmarkIndex}${miss ? '  ← below goal' : ''}`,
      );
      if (median.failing.length > 0) console.log(`${''.padEnd(13)} costs points: ${median.failing.join(', ')}`);
    }
  } finally {
    await server.stop();
  }
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memGB: Math.round(totalmem() / 2 ** 30), loadavg1: +loadavg()[0]!.toFixed(2) };
  const met = results.every((r) => r.performance >= GOALS.performance && r.accessibility >= GOALS.accessibility);
  console.log(JSON.stringify({ date: new Date().toISOString(), lighthouse: '12.2.3', formFactor: 'mobile', runs, goals: GOALS, met, machine, pages: results }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
