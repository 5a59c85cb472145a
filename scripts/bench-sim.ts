/**
 * Simulation benchmark (`npm run bench:sim` = `tsx scripts/bench-sim.ts`).
 *
 * Measures, on this machine:
 * - agentTicksPerSec: Σ over ticks of the live population (#1 + #9 + #90), divided by wall time,
 *   for runs at the default preset's population;
 * - ratio10x: wall time of runs whose initial community is 10× larger over the 1× time, same
 *   ticks and seeds, per variant. "Community" is #1s, #9s, #90s AND initial-projects (which is
 *   also the number of lone tasks): scaling only the people would crowd 10× the contributors
 *   onto the same 15 projects, a different community rather than a bigger one. initial-projects
 *   has the slider range 1–50, so the pair is 5 → 50 projects with the variant's default people
 *   (D2.2 1/9/90 → 10/90/900; final 5/45/450 → 50/450/4500). The model sets its own size, so
 *   the 10× community shrinks towards its carrying capacity during the run (products do not
 *   scale: "a few" is 2–6 of them): populationRatio10x is the agent-ticks actually simulated at
 *   10× over those at 1×, and ratio10xPerAgentTick = ratio10x / populationRatio10x is the cost
 *   of one agent-tick at 10× relative to 1× (1 = linear in community size; the ≤ 12 goal on
 *   ratio10x corresponds to ≤ 1.2 here when the population stays 10×); cpuRatio10x is the same
 *   ratio in CPU time (user + system of the measuring process, all its threads, so GC is
 *   included), steadier than wall time when others load the machine, and agentTicksPerSec1x / 10x
 *   are the throughputs of the pair's runs. Each size is timed in a fresh child process
 *   (`--scale-probe`) that first runs the same untimed warm-up (two runs of the variant's 1×
 *   community, same ticks, seeds 100 and 101) and then times the seeds' runs, so both sizes run equally JIT-warm code from an
 *   empty heap (before, both ran in this process after the D2.2 runs: the 1× runs came warm and
 *   the 10× runs inherited the heap; start-up and warm-up are not timed);
 * - experimentWallSec: wall time of `p2pv-sim experiment --name 21sep_largeSteady_online
 *   --workers 2` (a fresh process, so start-up is included);
 * - peakHeapMB: peak V8 heap of the largest preset run, measured in a fresh child process (run
 *   with --expose-gc), and liveHeapMB: the heap after a full collection at every tenth of that
 *   run, which stays flat when nothing but the recorded series grows from tick to tick;
 * - with --all: every one of the 13 experiments with 2 workers, and their total wall time
 *   (target: 2,065 runs / 1.19 M run-ticks in under 10 minutes on 2 cores), the guarded NetLogo
 *   runtime errors (§9.3 codes) met in each, with counts, and the number of runs that stopped on
 *   an error (`error:<code>`, which the default "guard" mode never does).
 * Human-readable lines first; the LAST line is a single JSON object.
 *
 * Options: --all, --ticks T (default 400), --seeds N (default 3), --workers N (default 2),
 * --skip-experiment.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  EXPERIMENT_PRESETS,
  countRuns,
  designConditions,
  defaultParams,
  findPreset,
  runModel,
  type ParamValue,
  type RunOutput,
  type Variant,
} from '@p2pvalue/sim';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'apps', 'sim-cli', 'src', 'main.ts');
const SELF = fileURLToPath(import.meta.url);

const POP_PARAMS = ['initial-number-1s', 'initial-number-9s', 'initial-number-90s'] as const;
/** initial-projects of the 1× community in the ratio10x pair (10× = 50, the slider maximum). */
const RATIO_BASE_PROJECTS = 5;
const POP_METRICS = ['count_1s', 'count_9s', 'count_90s'];

function populationTicks(output: RunOutput): number {
  let total = 0;
  for (const m of POP_METRICS) for (const v of output.series[m] ?? []) total += v ?? 0;
  return total;
}

interface Timed {
  seconds: number;
  /** CPU time of the measuring process (all threads, so GC included) over the same runs. */
  cpuSeconds: number;
  agentTicks: number;
  runTicks: number;
}

/** Runs seeds firstSeed … firstSeed + seeds − 1 of one configuration, timing each run. */
function timeRuns(params: Record<string, ParamValue>, ticks: number, seeds: number, variant: Variant = 'D2.2', firstSeed = 1): Timed {
  let seconds = 0;
  let cpuSeconds = 0;
  let agentTicks = 0;
  let runTicks = 0;
  for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const output = runModel({ seed, params, variant }, { ticks, metrics: POP_METRICS, record: 'every-tick' });
    seconds += (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    cpuSeconds += (cpu.user + cpu.system) / 1e6;
    agentTicks += populationTicks(output);
    runTicks += output.ticks;
  }
  return { seconds, cpuSeconds, agentTicks, runTicks };
}

/** Guarded runtime errors and error stops of one experiment, from its per-condition summary file. */
function experimentErrors(outDir: string, name: string): { runtimeErrors: Record<string, number>; errorStops: number } {
  const path = join(outDir, `${name.replace(/[^\w.-]+/g, '_')}-summary.json`);
  const summary = JSON.parse(readFileSync(path, 'utf8')) as {
    conditions: { runtimeErrors: Record<string, number>; stopReasons: Record<string, number> }[];
  };
  const runtimeErrors: Record<string, number> = {};
  let errorStops = 0;
  for (const c of summary.conditions) {
    for (const [code, n] of Object.entries(c.runtimeErrors)) runtimeErrors[code] = (runtimeErrors[code] ?? 0) + n;
    for (const [reason, n] of Object.entries(c.stopReasons)) if (reason.startsWith('error:')) errorStops += n;
  }
  return { runtimeErrors: Object.fromEntries(Object.entries(runtimeErrors).sort(([a], [b]) => a.localeCompare(b))), errorStops };
}

/** Runs one experiment through the CLI (a fresh process) and returns its wall time. */
function timedExperiment(name: string, workers: string, outDir: string): number {
  const r = runCli(['experiment', '--name', name, '--workers', workers, '--out', outDir, '--quiet']);
  if (!r.ok) throw new Error(`experiment ${name} failed: ${r.stderr}`);
  return r.seconds;
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

interface HeapProbe {
  peakHeapMB: number;
  /** Heap after a full GC at ticks steps/10, 2·steps/10, …; empty without --expose-gc. */
  liveHeapMB: number[];
  ticks: number;
}

/** Child mode: run one config and report the peak heap sampled every tick, and the live heap. */
async function heapProbe(spec: string): Promise<void> {
  const { params, steps } = JSON.parse(spec) as { params: Record<string, ParamValue>; steps: number };
  const gc = (globalThis as { gc?: () => void }).gc;
  const every = Math.max(1, Math.floor(steps / 10));
  const live: number[] = [];
  let peak = process.memoryUsage().heapUsed;
  const output = runModel(
    { seed: 1, params },
    {
      ticks: steps,
      record: 'every-tick',
      onProgress: (tick) => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        if (gc && tick % every === 0) {
          gc();
          live.push(process.memoryUsage().heapUsed / 2 ** 20);
        }
      },
    },
  );
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const result: HeapProbe = { peakHeapMB: peak / 2 ** 20, liveHeapMB: live, ticks: output.ticks };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

interface ScaleResult {
  oneX: Timed;
  tenX: Timed;
  ratio10x: number;
  /** ratio10x in CPU time: on a shared machine the wall-time ratio moves with the others' load. */
  cpuRatio10x: number;
  populationRatio10x: number;
  ratio10xPerAgentTick: number;
}

/** The 1× community of the ratio10x pair for a variant, times `k` (see the header). */
function scaledCommunity(variant: Variant, k: number): Record<string, ParamValue> {
  const defaults = defaultParams(variant);
  const params: Record<string, ParamValue> = { 'initial-projects': k * RATIO_BASE_PROJECTS };
  for (const p of POP_PARAMS) params[p] = k * Number(defaults[p]);
  return params;
}

interface ScaleProbeSpec {
  variant: Variant;
  k: number;
  ticks: number;
  seeds: number;
}

/** Child mode: the untimed warm-up on the variant's 1× community, then the timed k× runs. */
function scaleProbe(spec: string): void {
  const { variant, k, ticks, seeds } = JSON.parse(spec) as ScaleProbeSpec;
  // Two whole 1× runs: after only 50 ticks the 1× runs still paid for compilation (2.1 s of CPU against 1.2 s).
  timeRuns(scaledCommunity(variant, 1), ticks, 2, variant, 100);
  process.stdout.write(`${JSON.stringify(timeRuns(scaledCommunity(variant, k), ticks, seeds, variant))}\n`);
}

/** Times the k× community of a variant in a fresh child process (see the header). */
function timeInChild(spec: ScaleProbeSpec): Timed {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--scale-probe', JSON.stringify(spec)], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(`scale probe ${JSON.stringify(spec)} failed: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Timed;
}

function measureScaling(variant: Variant, ticks: number, seeds: number): ScaleResult {
  const oneX = timeInChild({ variant, k: 1, ticks, seeds });
  const tenX = timeInChild({ variant, k: 10, ticks, seeds });
  const ratio10x = tenX.seconds / oneX.seconds;
  const populationRatio10x = tenX.agentTicks / oneX.agentTicks;
  return { oneX, tenX, ratio10x, cpuRatio10x: tenX.cpuSeconds / oneX.cpuSeconds, populationRatio10x, ratio10xPerAgentTick: ratio10x / populationRatio10x };
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
      'scale-probe': { type: 'string' },
    },
  });
  if (values['heap-probe'] !== undefined) return heapProbe(values['heap-probe']);
  if (values['scale-probe'] !== undefined) return scaleProbe(values['scale-probe']);
  const ticks = Number(values.ticks ?? 400);
  const seeds = Number(values.seeds ?? 3);
  const workers = String(values.workers ?? 2);
  // Other work on the machine distorts every figure; report the load at both ends.
  const loadAtStart = Number(loadavg()[0]?.toFixed(2) ?? 0);

  const base = designConditions(findPreset('default') ?? { name: 'default', repetitions: 1, steps: ticks, enumerated: {} })[0] ?? {};
  // Warm-up so that JIT compilation is not charged to the first measurement.
  timeRuns(base, Math.min(50, ticks), 1);
  const one = timeRuns(base, ticks, seeds);
  const agentTicksPerSec = one.agentTicks / one.seconds;
  console.log(
    `default population: ${seeds} runs × ${ticks} ticks (${one.runTicks} run) in ${one.seconds.toFixed(2)} s, ${Math.round(agentTicksPerSec)} agent-ticks/s, ${(one.runTicks / one.seconds).toFixed(0)} ticks/s`,
  );

  const scaling: Record<string, ScaleResult> = {};
  for (const variant of ['D2.2', 'final'] as const) {
    const r = measureScaling(variant, ticks, seeds);
    scaling[variant] = r;
    console.log(
      `${variant} ${r.oneX.seconds.toFixed(2)} s at 1× → ${r.tenX.seconds.toFixed(2)} s at 10× (${r.tenX.runTicks}/${r.oneX.runTicks} ticks run): ratio ${r.ratio10x.toFixed(2)} (CPU ${r.cpuRatio10x.toFixed(2)}), population ×${r.populationRatio10x.toFixed(2)}, per agent-tick ${r.ratio10xPerAgentTick.toFixed(2)}; ${Math.round(r.oneX.agentTicks / r.oneX.seconds)} → ${Math.round(r.tenX.agentTicks / r.tenX.seconds)} agent-ticks/s`,
    );
  }
  const d22 = scaling['D2.2'] as ScaleResult;

  const experimentWallSec: Record<string, number> = {};
  const outDir = mkdtempSync(join(tmpdir(), 'bench-sim-'));
  let allWallSec: number | null = null;
  let allRuns = 0;
  let allRunTicks = 0;
  const guarded: Record<string, Record<string, number>> = {};
  let errorStops = 0;
  try {
    if (!values['skip-experiment']) {
      const name = '21sep_largeSteady_online';
      const seconds = timedExperiment(name, workers, outDir);
      experimentWallSec[name] = seconds;
      console.log(`experiment ${name}: ${seconds.toFixed(1)} s with ${workers} workers`);
    }
    if (values.all) {
      allWallSec = 0;
      for (const design of EXPERIMENT_PRESETS) {
        // The experiment timed on its own above counts as it is (its summary file is still there).
        const seconds = experimentWallSec[design.name] ?? timedExperiment(design.name, workers, outDir);
        experimentWallSec[design.name] = seconds;
        const errs = experimentErrors(outDir, design.name);
        guarded[design.name] = errs.runtimeErrors;
        errorStops += errs.errorStops;
        allWallSec += seconds;
        allRuns += countRuns(design);
        allRunTicks += countRuns(design) * design.steps;
        console.log(
          `experiment ${design.name}: ${countRuns(design)} runs in ${seconds.toFixed(1)} s; guarded errors ${JSON.stringify(errs.runtimeErrors)}, error stops ${errs.errorStops}`,
        );
        // Each table can be hundreds of MB; keep only one on disk at a time.
        rmSync(join(outDir, `${design.name.replace(/[^\w.-]+/g, '_')}-table.csv`), { force: true });
      }
      console.log(`all 13 experiments: ${allRuns} runs, ${allRunTicks} run-ticks (limit) in ${allWallSec.toFixed(1)} s`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  const largest = largestPresetRun();
  const probe = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', SELF, '--heap-probe', JSON.stringify({ params: largest.params, steps: largest.steps })],
    { encoding: 'utf8', cwd: ROOT },
  );
  const heap = probe.status === 0 ? (JSON.parse(probe.stdout.trim().split('\n').pop() ?? '{}') as HeapProbe) : null;
  const peakHeapMB = heap?.peakHeapMB ?? null;
  console.log(
    `peak heap of the largest preset run (${largest.name}, ${heap?.ticks ?? '?'} of ${largest.steps} ticks): ${peakHeapMB?.toFixed(1) ?? 'failed'} MB; ` +
      `after GC at every tenth: ${heap?.liveHeapMB.map((v) => v.toFixed(1)).join(', ') ?? 'n/a'} MB`,
  );

  console.log(
    JSON.stringify({
      agentTicksPerSec: Math.round(agentTicksPerSec),
      ratio10x: Number(d22.ratio10x.toFixed(3)),
      populationRatio10x: Number(d22.populationRatio10x.toFixed(3)),
      ratio10xPerAgentTick: Number(d22.ratio10xPerAgentTick.toFixed(3)),
      scaling: Object.fromEntries(
        Object.entries(scaling).map(([v, r]) => [
          v,
          {
            ratio10x: Number(r.ratio10x.toFixed(3)),
            cpuRatio10x: Number(r.cpuRatio10x.toFixed(3)),
            agentTicksPerSec1x: Math.round(r.oneX.agentTicks / r.oneX.seconds),
            agentTicksPerSec10x: Math.round(r.tenX.agentTicks / r.tenX.seconds),
            populationRatio10x: Number(r.populationRatio10x.toFixed(3)),
            ratio10xPerAgentTick: Number(r.ratio10xPerAgentTick.toFixed(3)),
            seconds1x: Number(r.oneX.seconds.toFixed(3)),
            seconds10x: Number(r.tenX.seconds.toFixed(3)),
            cpuSeconds1x: Number(r.oneX.cpuSeconds.toFixed(3)),
            cpuSeconds10x: Number(r.tenX.cpuSeconds.toFixed(3)),
            runTicks1x: r.oneX.runTicks,
            runTicks10x: r.tenX.runTicks,
          },
        ]),
      ),
      loadAverage1mStart: loadAtStart,
      loadAverage1m: Number(loadavg()[0]?.toFixed(2) ?? 0),
      experimentWallSec: Object.fromEntries(Object.entries(experimentWallSec).map(([k, v]) => [k, Number(v.toFixed(2))])),
      peakHeapMB: peakHeapMB === null ? null : Number(peakHeapMB.toFixed(1)),
      liveHeapMB: heap ? heap.liveHeapMB.map((v) => Number(v.toFixed(1))) : null,
      allExperimentsWallSec: allWallSec === null ? null : Number(allWallSec.toFixed(1)),
      allRuns: values.all ? allRuns : null,
      guardedRuntimeErrors: values.all ? guarded : null,
      errorStops: values.all ? errorStops : null,
      ticks,
      seeds,
      workers: Number(workers),
      node: process.version,
    }),
  );
}

await main();
