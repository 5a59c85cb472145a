/**
 * `p2pv-sim run`: one run, written as RunOutput JSON or a tidy per-tick CSV; optionally a
 * snapshot taken at tick K on the way (the run continues to the end either way).
 */
import { CliError } from '../cli-error';
import { planSingleRun } from '../build-config';
import { runToCsv } from '../output/run-csv';
import { outputFormat, toJsonText, writeTextFile } from '../output/write-text-file';
import { choiceOption, intOption, parseOptions, stringList, stringOption } from '../parse-options';
import { SimConfigError, createRun, type Run, type RunOptions, type RunOutput } from '../sim-lib';

export const RUN_USAGE =
  'run [--preset default|<experiment>] [--params file.json] [--set name=value]... --seed N [--ticks T] ' +
  '[--variant D2.2|final] [--fidelity faithful|corrected] [--vectors id,...] [--histograms id,...] [--out file.json|file.csv|-] ' +
  '[--snapshot-at K --snapshot-out s.json]';

export function writeRunOutput(path: string, output: RunOutput): void {
  const text = outputFormat(path) === 'csv' ? runToCsv(output) : toJsonText(output);
  writeTextFile(path, text, 'output');
}

export function runCommand(args: string[]): void {
  const values = parseOptions('run', args, {
    preset: { type: 'string' },
    params: { type: 'string' },
    set: { type: 'string', multiple: true },
    seed: { type: 'string' },
    ticks: { type: 'string' },
    variant: { type: 'string' },
    fidelity: { type: 'string' },
    out: { type: 'string' },
    'snapshot-at': { type: 'string' },
    'snapshot-out': { type: 'string' },
    vectors: { type: 'string', multiple: true },
    histograms: { type: 'string', multiple: true },
  });
  const seed = intOption(values, 'seed');
  if (seed === undefined) throw new CliError('"run" needs --seed N');
  const ticks = intOption(values, 'ticks', { min: 0 });
  const out = stringOption(values, 'out') ?? '-';
  outputFormat(out);
  const snapshotAt = intOption(values, 'snapshot-at', { min: 0 });
  const snapshotOut = stringOption(values, 'snapshot-out');
  if ((snapshotAt === undefined) !== (snapshotOut === undefined)) {
    throw new CliError('--snapshot-at and --snapshot-out must be given together');
  }
  const plan = planSingleRun({
    preset: stringOption(values, 'preset'),
    paramsFile: stringOption(values, 'params'),
    sets: stringList(values, 'set'),
    seed,
    ticks,
    variant: choiceOption(values, 'variant', ['D2.2', 'final'] as const),
    fidelity: choiceOption(values, 'fidelity', ['faithful', 'corrected'] as const),
  });
  if (snapshotAt !== undefined && snapshotAt > plan.ticks) {
    throw new CliError(`--snapshot-at ${snapshotAt} is beyond the run's ${plan.ticks} ticks`);
  }

  const idList = (name: 'vectors' | 'histograms'): string[] =>
    stringList(values, name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const vectors = idList('vectors');
  const histograms = idList('histograms');
  const opts: RunOptions = { ticks: plan.ticks, record: 'every-tick' };
  if (plan.metrics) opts.metrics = plan.metrics;
  if (vectors.length > 0) opts.vectors = vectors;
  if (histograms.length > 0) opts.histograms = histograms;
  let run: Run;
  try {
    run = createRun(plan.config, opts);
  } catch (e) {
    // Unknown metric or vector ids are reported by the model as configuration errors.
    if (e instanceof SimConfigError) throw new CliError(e.message);
    throw e;
  }
  if (snapshotAt !== undefined && snapshotOut !== undefined) {
    run.stepTo(snapshotAt);
    writeTextFile(snapshotOut, toJsonText(run.snapshot()), 'snapshot');
  }
  run.stepTo(plan.ticks);
  writeRunOutput(out, run.output());
}
