import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join, runCli, tempDir } from './test-support';

const DESIGN = {
  name: 'tiny',
  repetitions: 2,
  steps: 6,
  metrics: ['count_1s', 'count_9s', 'count_90s', 'mean_total_contribution_1s'],
  enumerated: { 'platform-features': [false, true], 'initial-number-90s': [50] },
  stepped: { 'new-9s-barrier': { first: 0.5, step: 0.5, last: 1 } },
};

describe('p2pv-sim experiment', { timeout: 180_000 }, () => {
  it('writes a BehaviorSpace table and a per-condition summary, identical for 1 and 2 workers', () => {
    const dir = tempDir();
    const design = join(dir, 'tiny.json');
    writeFileSync(design, JSON.stringify(DESIGN));
    const one = runCli(['experiment', '--design', design, '--workers', '1', '--out', join(dir, 'w1'), '--quiet']);
    expect(one.status, one.stderr).toBe(0);
    const two = runCli(['experiment', '--design', design, '--workers', '2', '--out', join(dir, 'w2')]);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stderr).toMatch(/tiny: 8 runs/);

    const table1 = readFileSync(join(dir, 'w1', 'tiny-table.csv'), 'utf8');
    expect(readFileSync(join(dir, 'w2', 'tiny-table.csv'), 'utf8')).toBe(table1);
    const summary1 = readFileSync(join(dir, 'w1', 'tiny-summary.json'), 'utf8');
    expect(readFileSync(join(dir, 'w2', 'tiny-summary.json'), 'utf8')).toBe(summary1);

    const lines = table1.trimEnd().split('\n');
    expect(lines[0]).toBe(
      '[run number],platform-features,initial-number-90s,new-9s-barrier,[step],count_1s,count_9s,count_90s,mean_total_contribution_1s',
    );
    expect(lines[1]?.startsWith('1,false,50,0.5,0,')).toBe(true);
    // Runs appear in order; run 3 is the first replicate of condition 1 (barrier 1).
    const runNumbers = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(runNumbers).toEqual([...runNumbers].sort((a, b) => a - b));
    expect(lines.find((l) => l.startsWith('3,'))?.startsWith('3,false,50,1,0,')).toBe(true);

    const summary = JSON.parse(summary1) as {
      runs: number;
      conditions: Array<{ replicates: number; seeds: number[]; final: Record<string, { n: number }>; stopReasons: Record<string, number> }>;
    };
    expect(summary.runs).toBe(8);
    expect(summary.conditions).toHaveLength(4);
    const seeds = summary.conditions.flatMap((c) => c.seeds);
    expect(new Set(seeds).size).toBe(8);
    for (const c of summary.conditions) {
      expect(c.replicates).toBe(2);
      expect(c.final.count_90s?.n).toBe(2);
      expect(Object.values(c.stopReasons).reduce((a, b) => a + b, 0)).toBe(2);
    }
  });

  it('runs a preset with --reps and writes the final state only when asked', () => {
    const dir = tempDir();
    const design = join(dir, 'final-only.json');
    writeFileSync(design, JSON.stringify({ ...DESIGN, name: 'final-only', runMetricsEveryStep: false, stepped: undefined }));
    const r = runCli(['experiment', '--design', design, '--reps', '1', '--workers', '2', '--out', dir, '--quiet', '--seed', '3']);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(dir, 'final-only-table.csv'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 2);
  });
});
