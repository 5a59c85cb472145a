/**
 * Simulation benchmark (`npm run bench:sim` = `tsx scripts/bench-sim.ts`).
 *
 * Measures, on this machine:
 * - agentTicksPerSec: Σ over ticks of the live population (#1 + #9 + #90), divided by wall time,
 *   for runs at the default preset's population;
 * - ratio10x: wall time of the same runs with 10× the initial population over the 1× time;
 * - experimentWallSec: wall time of `p2pv-sim experiment --name 21sep_largeSteady_online
 *   --workers 2` (a fresh process, so start-up is included);
 * - peakHeapMB: peak V8 heap of the largest preset run, measured in a fresh child process;
 * - with --all: every one of the 13 experiments with 2 workers, and their total wall time
 *   (target: 2,065 runs / 1.19 M run-ticks in under 10 minutes on 2 cores).
 * Human-readable lines first; the LAST line is a single JSON object.
 *
 * Options: --all, --ticks T (default 400), --seeds N (default 3), --workers N (default 2),
 * --skip-experiment.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  EXPERIMENT_PRESETS,
  countRuns,
  designConditions,
  findPreset,
  runModel,
  type ParamValue,
  type RunOutput,
} from '@p2pvalue/sim';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'apps', 'sim-cli', 'src', 'main.ts');
const SELF = fileURLToPath(import.meta.url);

const POP_PARAMS = ['initial-number-1s', 'initial-number-9s', 'initial-number-90s'] as const;
const POP_METRICS = ['count_1s', 'count_9s', 'count_90s'];

function populationTicks(output: RunOutput): number {
  let total = 0;
  for (const m of POP_METRICS) for (const v of output.series[m] ?? []) total += v ?? 0;
  return total;
}

interface Timed {
  seconds: number;
  agentTicks: number;
  runTicks: number;
}

function timeRuns(params: Record<string, ParamValue>, ticks: number, seeds: number): Timed {
  let seconds = 0;
  let agentTicks = 0;
  let runTicks = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const start = performance.now();
    const output = runModel({ seed, params }, { ticks, metrics: POP_METRICS, record: 'every-tick' });
    seconds += (performance.now() - start) / 1000;
    agentTicks += populationTicks(output);
    runTicks += output.ticks;
  }
  return { seconds, agentTicks, runTicks };
}

function runCli(args: string[]): { seconds: number; ok: boolean; stderr: string } {
  const start = performance.now();
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { seconds: (performance.now() - start) / 1000, ok: r.status === 0, stderr: r.stderr.trim() };
}

/** Preset condition with the largest initial population (longest horizon breaks ties). */
function largestPresetRun(): { name: string; params: Record<string, ParamValue>; steps: number } {
  let best = { name: 'default', params: {} as Record<string, ParamValue>, steps: 800, size: -1 };
  for (const design of EXPERIMENT_PRESETS) {
    for (const params of designConditions(design)) {
      const size = POP_PARAMS.reduce((s, p) => s + Number(params[p] ?? 0), 0);
      if (size > best.size || (size === best.size && design.steps > best.steps)) {
        best = { name: design.name, params, steps: design.steps, size };
      }
    }
  }
  return best;
}

/** Child mode: run one config and report the peak heap sampled every tick. */
async function heapProbe(spec: string): Promise<void> {
  const { params, steps } = JSON.parse(spec) as { params: Record<string, ParamValue>; steps: number };
  let peak = process.memoryUsage().heapUsed;
  runModel(
    { seed: 1, params },
    {
      ticks: steps,
      record: 'every-tick',
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    },
  );
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  process.stdout.write(`${JSON.stringify({ peakHeapMB: peak / 2 ** 20 })}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      all: { type: 'boolean' },
      ticks: { type: 'string' },
      seeds: { type: 'string' },
      workers: { type: 'string' },
      'skip-experiment': { type: 'boolean' },
      'heap-probe': { type: 'string' },
    },
  });
  if (values['heap-probe'] !== undefined) return heapProbe(values['heap-probe']);
  const ticks = Number(values.ticks ?? 400);
  const seeds = Number(values.seeds ?? 3);
  const workers = String(values.workers ?? 2);

  const base = designConditions(findPreset('default') ?? { name: 'default', repetitions: 1, steps: ticks, enumerated: {} })[0] ?? {};
  // Warm-up so that JIT compilation is not charged to the first measurement.
  timeRuns(base, Math.min(50, ticks), 1);
  const one = timeRuns(base, ticks, seeds);
  const agentTicksPerSec = one.agentTicks / one.seconds;
  console.log(
    `default population: ${seeds} runs × ${ticks} ticks (${one.runTicks} run) in ${one.seconds.toFixed(2)} s, ${Math.round(agentTicksPerSec)} agent-ticks/s, ${(one.runTicks / one.seconds).toFixed(0)} ticks/s`,
  );

  const defaults: Record<string, number> = { 'initial-number-1s': 1, 'initial-number-9s': 9, 'initial-number-90s': 90 };
  const big: Record<string, ParamValue> = { ...base };
  for (const p of POP_PARAMS) big[p] = 10 * Number(base[p] ?? defaults[p]);
  const ten = timeRuns(big, ticks, seeds);
  const ratio10x = ten.seconds / one.seconds;
  // Runs may stop early (collapse, "huge"), so also report the cost per tick actually run.
  const ratio10xPerTick = ten.seconds / ten.runTicks / (one.seconds / one.runTicks);
  console.log(
    `10× initial population: ${ten.seconds.toFixed(2)} s for ${ten.runTicks} ticks (ratio ${ratio10x.toFixed(2)}, per tick ${ratio10xPerTick.toFixed(2)}), ${Math.round(ten.agentTicks / ten.seconds)} agent-ticks/s`,
  );

  const experimentWallSec: Record<string, number> = {};
  const outDir = mkdtempSync(join(tmpdir(), 'bench-sim-'));
  let allWallSec: number | null = null;
  let allRuns = 0;
  let allRunTicks = 0;
  try {
    if (!values['skip-experiment']) {
      const name = '21sep_largeSteady_online';
      const r = runCli(['experiment', '--name', name, '--workers', workers, '--out', outDir, '--quiet']);
      if (!r.ok) throw new Error(`experiment ${name} failed: ${r.stderr}`);
      experimentWallSec[name] = r.seconds;
      console.log(`experiment ${name}: ${r.seconds.toFixed(1)} s with ${workers} workers`);
    }
    if (values.all) {
      allWallSec = 0;
      for (const design of EXPERIMENT_PRESETS) {
        const r = runCli(['experiment', '--name', design.name, '--workers', workers, '--out', outDir, '--quiet']);
        if (!r.ok) throw new Error(`experiment ${design.name} failed: ${r.stderr}`);
        experimentWallSec[design.name] = r.seconds;
        allWallSec += r.seconds;
        allRuns += countRuns(design);
        allRunTicks += countRuns(design) * design.steps;
        console.log(`experiment ${design.name}: ${countRuns(design)} runs in ${r.seconds.toFixed(1)} s`);
        // Each table can be hundreds of MB; keep only one on disk at a time.
        rmSync(join(outDir, `${design.name.replace(/[^\w.-]+/g, '_')}-table.csv`), { force: true });
      }
      console.log(`all 13 experiments: ${allRuns} runs, ${allRunTicks} run-ticks (limit) in ${allWallSec.toFixed(1)} s`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  const largest = largestPresetRun();
  const probe = spawnSync(TSX, [SELF, '--heap-probe', JSON.stringify({ params: largest.params, steps: largest.steps })], {
    encoding: 'utf8',
  });
  const peakHeapMB = probe.status === 0 ? (JSON.parse(probe.stdout.trim().split('\n').pop() ?? '{}') as { peakHeapMB: number }).peakHeapMB : null;
  console.log(`peak heap of the largest preset run (${largest.name}, ${largest.steps} ticks): ${peakHeapMB?.toFixed(1) ?? 'failed'} MB`);

  console.log(
    JSON.stringify({
      agentTicksPerSec: Math.round(agentTicksPerSec),
      ratio10x: Number(ratio10x.toFixed(3)),
      ratio10xPerTick: Number(ratio10xPerTick.toFixed(3)),
      runTicks1x: one.runTicks,
      runTicks10x: ten.runTicks,
      loadAverage1m: Number(loadavg()[0]?.toFixed(2) ?? 0),
      experimentWallSec: Object.fromEntries(Object.entries(experimentWallSec).map(([k, v]) => [k, Number(v.toFixed(2))])),
      peakHeapMB: peakHeapMB === null ? null : Number(peakHeapMB.toFixed(1)),
      allExperimentsWallSec: allWallSec === null ? null : Number(allWallSec.toFixed(1)),
      allRuns: values.all ? allRuns : null,
      ticks,
      seeds,
      workers: Number(workers),
      node: process.version,
    }),
  );
}

await main();
