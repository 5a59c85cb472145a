// npm run test:faults — fault-injection scenarios against a really running system (production
// web + worker) on its own PostgreSQL cluster and Redis server. Prints a table of scenarios and
// outcomes; exits non-zero when any step fails. Options: --only <scenario>[,<scenario>…], --keep
// (keep logs and data of the run), --no-build (use the build there as it is; `npm test` has just
// built it), --dev (Next in development mode, no build: only for writing scenarios).
// NEXT_DIST_DIR selects the Next build folder (default .next); FAULTS_FULL=1 runs the scenarios at
// the sizes issue 10 names (web-restart: 20 editors and 10 chat members instead of 6 and 4).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FaultSystem } from './harness/fault-system';
import { StepFailure, type ScenarioContext, type StepResult } from './scenario';
import { SCENARIOS } from './scenarios';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const say = (line: string) => console.log(`[faults] ${line}`);

function parseArgs(argv: string[]): { only: string[] | null; keep: boolean; dev: boolean; noBuild: boolean } {
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : null;
  return { only, keep: argv.includes('--keep'), dev: argv.includes('--dev'), noBuild: argv.includes('--no-build') };
}

function printTable(results: StepResult[]): void {
  const rows = [['scenario', 'step', 'outcome', 'ms', 'detail'], ...results.map((r) => [r.scenario, r.step, r.ok ? 'pass' : 'FAIL', String(r.ms), r.detail])];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join(' │ ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─') + '─┼─' + '─'.repeat(20));
  for (const row of rows.slice(1)) console.log(line(row));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const scenarios = args.only ? SCENARIOS.filter((s) => args.only!.includes(s.name)) : SCENARIOS;
  if (scenarios.length === 0) {
    say(`no scenario matches; there are: ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const started = performance.now();
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const system = await FaultSystem.start({ repo, distDir, dev: args.dev, noBuild: args.noBuild, log: say });
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    say('interrupted: stopping the system…');
    void system.close({ keepFiles: args.keep }).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // A client library throwing outside any step must not leave the system's processes running.
  process.once('uncaughtException', (error) => {
    interrupted = true;
    say(`crashed: ${error.stack ?? error.message}; stopping the system…`);
    void system.close({ keepFiles: true }).then(() => process.exit(1));
  });

  say(`system up in ${((performance.now() - started) / 1000).toFixed(1)} s; running ${scenarios.length} scenario(s)`);
  const results: StepResult[] = [];
  for (const scenario of scenarios) {
    if (interrupted) break;
    say(`▶ ${scenario.name}: ${scenario.summary}`);
    const cleanups: Array<() => Promise<void> | void> = [];
    const ctx: ScenarioContext = {
      system,
      onCleanup: (fn) => cleanups.push(fn),
      async step(name, check) {
        const t0 = performance.now();
        try {
          const detail = await check();
          results.push({ scenario: scenario.name, step: name, ok: true, ms: Math.round(performance.now() - t0), detail });
        } catch (error) {
          const detail = error instanceof StepFailure ? error.message : `crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
          results.push({ scenario: scenario.name, step: name, ok: false, ms: Math.round(performance.now() - t0), detail });
          throw new StepFailure(detail);
        }
      },
    };
    try {
      await scenario.run(ctx);
    } catch (error) {
      if (!(error instanceof StepFailure)) {
        results.push({ scenario: scenario.name, step: '(scenario)', ok: false, ms: 0, detail: error instanceof Error ? error.message : String(error) });
      }
    }
    for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch((error: unknown) => say(`cleanup failed: ${String(error)}`));
    // Every scenario hands the next one a healthy system.
    const healthy = await system.waitForHealth((body, status) => status === 200 && body.workers >= 1, 30_000);
    if (!healthy) {
      results.push({ scenario: scenario.name, step: 'system healthy afterwards', ok: false, ms: 30_000, detail: 'not healthy 30 s after the scenario; stopping' });
      break;
    }
  }

  const failed = results.filter((r) => !r.ok);
  console.log('');
  printTable(results);
  if (failed.length > 0) {
    for (const file of system.logFiles()) {
      try {
        const tail = readFileSync(file, 'utf8').trim().split('\n').slice(-15).join('\n');
        console.log(`\n── last lines of ${file}\n${tail}`);
      } catch {
        // not written
      }
    }
  }
  await system.close({ keepFiles: args.keep || failed.length > 0 });
  if (args.keep || failed.length > 0) say(`logs kept in ${system.root}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(`${results.length - failed.length} passed, ${failed.length} failed in ${seconds} s`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
