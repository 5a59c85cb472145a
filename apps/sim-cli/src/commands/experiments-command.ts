/**
 * `p2pv-sim experiments --list`: the presets with their run counts and tick limits.
 */
import { parseOptions } from '../parse-options';
import { countRuns, findPreset, presetNames } from '../sim-lib';

export const EXPERIMENTS_USAGE = 'experiments --list';

export function experimentsCommand(args: string[]): void {
  parseOptions('experiments', args, { list: { type: 'boolean' } });
  const rows = presetNames().map((name) => {
    const d = findPreset(name);
    const runs = d ? countRuns(d) : 0;
    const ticks = d?.steps ?? 0;
    return [name, String(runs), String(ticks), String(runs * ticks), d?.variant ?? 'D2.2'];
  });
  const header = ['name', 'runs', 'ticks', 'run-ticks', 'variant'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]): string =>
    r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  process.stdout.write(`${[header, ...rows].map(fmt).join('\n')}\n`);
}
