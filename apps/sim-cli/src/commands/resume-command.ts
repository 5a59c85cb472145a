/**
 * `p2pv-sim resume`: continue a run from a snapshot. The snapshot carries the config, the RNG
 * state and the series recorded so far, so the output equals the uninterrupted run's byte for byte.
 */
import { CliError } from '../cli-error';
import { readJsonFile } from '../read-json-file';
import { writeRunOutput } from './run-command';
import { outputFormat } from '../output/write-text-file';
import { intOption, parseOptions, requireString, stringOption } from '../parse-options';
import { loadModel, resumeRun } from '../sim-lib';

export const RESUME_USAGE = 'resume --snapshot s.json [--ticks T] --out file.json|file.csv|-';

export async function resumeCommand(args: string[]): Promise<void> {
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
  await loadModel();
  let run;
  try {
    run = resumeRun(snapshot, ticks === undefined ? undefined : { ticks });
  } catch (e) {
    // A malformed or foreign snapshot is a usage error, not a crash.
    throw new CliError(`snapshot ${JSON.stringify(snapshotPath)} cannot be resumed: ${(e as Error).message}`);
  }
  const target = ticks ?? snapshotTicks(snapshot);
  if (target !== undefined) run.stepTo(target);
  writeRunOutput(out, run.output());
}

/** The run length recorded in a snapshot, if it states one. */
function snapshotTicks(snapshot: unknown): number | undefined {
  if (typeof snapshot !== 'object' || snapshot === null) return undefined;
  const s = snapshot as { ticks?: unknown; opts?: { ticks?: unknown } };
  const t = s.opts?.ticks ?? s.ticks;
  return typeof t === 'number' ? t : undefined;
}
