/**
 * `p2pv-sim experiment`: a whole experiment (a preset, or a design file) on worker threads,
 * writing <out>/<name>-table.csv and <out>/<name>-summary.json.
 */
import { availableParallelism } from 'node:os';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli-error';
import { checkConfig, requirePreset } from '../build-config';
import { createProgress } from '../experiment/progress-bar';
import { runConfig, runExperiment, type ExperimentPlan } from '../experiment/run-experiment';
import { writeTextFile } from '../output/write-text-file';
import { readJsonFile } from '../read-json-file';
import { choiceOption, intOption, parseOptions, stringOption } from '../parse-options';
import {
  DEFAULT_ROOT_SEED,
  DesignError,
  METRICS,
  PARAMETERS,
  designMetrics,
  designValueSets,
  expandDesign,
  validateDesign,
  type Design,
} from '../sim-lib';

export const EXPERIMENT_USAGE =
  'experiment (--name <preset> | --design file.json) [--reps N] [--workers N] [--seed N] ' +
  '[--variant D2.2|final] [--fidelity faithful|corrected] [--out dir] [--quiet]';

function loadDesign(path: string): Design {
  try {
    return validateDesign(readJsonFile(path, 'design file'), {
      knownParams: new Set(PARAMETERS.map((p) => p.name)),
      knownMetrics: new Set(METRICS.keys()),
    });
  } catch (e) {
    if (e instanceof DesignError) throw new CliError(`design file ${JSON.stringify(path)}: ${e.message}`);
    throw e;
  }
}

/** Safe file-name stem for an experiment name. */
function fileStem(name: string): string {
  return name.replace(/[^\w.-]+/g, '_');
}

export async function experimentCommand(args: string[]): Promise<void> {
  const values = parseOptions('experiment', args, {
    name: { type: 'string' },
    design: { type: 'string' },
    reps: { type: 'string' },
    workers: { type: 'string' },
    seed: { type: 'string' },
    variant: { type: 'string' },
    fidelity: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const name = stringOption(values, 'name');
  const designPath = stringOption(values, 'design');
  if ((name === undefined) === (designPath === undefined)) {
    throw new CliError('"experiment" needs exactly one of --name <preset> or --design file.json');
  }
  const design = name !== undefined ? requirePreset(name) : loadDesign(designPath as string);
  const repetitions = intOption(values, 'reps', { min: 1 }) ?? design.repetitions;
  const workers = intOption(values, 'workers', { min: 1, max: 256 }) ?? Math.max(1, availableParallelism());
  const rootSeed = intOption(values, 'seed') ?? design.seed ?? DEFAULT_ROOT_SEED;
  const variant = choiceOption(values, 'variant', ['D2.2', 'final'] as const) ?? design.variant;
  const fidelity = choiceOption(values, 'fidelity', ['faithful', 'corrected'] as const) ?? design.fidelity;
  const outDir = stringOption(values, 'out') ?? '.';

  const metrics = designMetrics(design);
  const plan: ExperimentPlan = {
    design,
    runs: expandDesign(design, { rootSeed, repetitions }),
    metrics,
    paramNames: designValueSets(design).map(([p]) => p),
    rootSeed,
    ...(variant !== undefined ? { variant } : {}),
    ...(fidelity !== undefined ? { fidelity } : {}),
  };
  // Validate every condition before starting any worker: bad input must fail fast with exit 2.
  const checked = new Set<number>();
  for (const run of plan.runs) {
    if (checked.has(run.conditionIndex)) continue;
    checked.add(run.conditionIndex);
    checkConfig(runConfig(plan, run), `condition ${run.conditionIndex}: `);
  }
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new CliError(`cannot create output directory ${JSON.stringify(outDir)} (${(e as { code?: string }).code ?? 'error'})`);
  }
  const stem = fileStem(design.name);
  const tablePath = join(outDir, `${stem}-table.csv`);
  const summaryPath = join(outDir, `${stem}-summary.json`);
  const quiet = values.quiet === true;
  const progress = quiet ? undefined : createProgress(design.name, plan.runs.length);
  const started = performance.now();
  const summary = await runExperiment(plan, {
    workers,
    tablePath,
    ...(progress ? { onProgress: (done: number) => progress.update(done) } : {}),
  });
  progress?.finish();
  writeTextFile(summaryPath, `${JSON.stringify(summary, null, 2)}\n`, 'summary');
  if (!quiet) {
    const secs = (performance.now() - started) / 1000;
    process.stderr.write(
      `${design.name}: ${summary.runs} runs, ${summary.runTicks} run-ticks in ${secs.toFixed(1)} s on ${workers} workers -> ${tablePath}, ${summaryPath}\n`,
    );
  }
}
