/**
 * `p2pv-sim resume`: continue a run from a snapshot. The snapshot carries the config, the RNG
 * state and the series recorded so far, so the output equals the uninterrupted run's byte for byte.
 */
import { CliError } from '../cli-error';
import { readJsonFile } from '../read-json-file';
import { writeRunOutput } from './run-command';
import { outputFormat } from '../output/write-text-file';
import { intOption, parseOptions, requireString, stringOption } from '../parse-options';
import { resumeRun, type Run, type SimSnapshot } from '../sim-lib';

export const RESUME_USAGE = 'resume --snapshot s.json [--ticks T] --out file.json|file.csv|-';

export function resumeCommand(args: string[]): void {
  const values = parseOptions('resume', args, {
    snapshot: { type: 'string' },
    ticks: { type: 'string' },
    out: { type: 'string' },
  });
  const snapshotPath = requireString(values, 'snapshot', 'resume');
  const out = stringOption(values, 'out') ?? '-';
  outputFormat(out);
  const ticks = intOption(values, 'ticks', { min: 0 });
  const snapshot = readJsonFile(snapshotPath, 'snapshot');
  if (typeof snapshot !== 'object' || snapshot === null || (snapshot as { kind?: unknown }).kind !== 'p2pvalue-snapshot') {
    throw new CliError(`snapshot ${JSON.stringify(snapshotPath)} is not a p2pvalue snapshot`);
  }
  let run: Run;
  try {
    run = resumeRun(snapshot as SimSnapshot, ticks === undefined ? undefined : { ticks });
  } catch (e) {
    // A truncated, edited or other-version snapshot is a usage error, not a crash.
    throw new CliError(`snapshot ${JSON.stringify(snapshotPath)} cannot be resumed: ${(e as Error).message}`);
  }
  // stepTo is capped by the run's tick limit: the snapshot's own, or --ticks.
  run.stepTo(Number.MAX_SAFE_INTEGER);
  writeRunOutput(out, run.output());
}
