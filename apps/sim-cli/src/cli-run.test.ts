import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join, runCli, tempDir } from './test-support';

describe('p2pv-sim run and resume', { timeout: 120_000 }, () => {
  it('writes a RunOutput JSON for a tiny run', () => {
    const dir = tempDir();
    const out = join(dir, 'run.json');
    const r = runCli([
      'run', '--seed', '5', '--ticks', '12', '--vectors', 'lifetime_contributions',
      '--histograms', 'hist_task_time_required,hist_interest_90s', '--out', out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const output = JSON.parse(readFileSync(out, 'utf8')) as {
      seed: number;
      variant: string;
      series: Record<string, unknown[]>;
      ticks: number;
      summary: { stop_reason: string; stop_tick: number };
      vectors: Record<string, number[]>;
      histograms: Record<string, { min: number; binWidth: number; counts: number[]; n: number }>;
    };
    expect(output.vectors.lifetime_contributions?.length).toBeGreaterThan(0);
    expect(Object.keys(output.histograms)).toEqual(['hist_task_time_required', 'hist_interest_90s']);
    expect(output.histograms.hist_task_time_required?.binWidth).toBe(100);
    const interests = output.histograms.hist_interest_90s;
    expect(interests?.counts.reduce((a, b) => a + b, 0)).toBe(interests?.n);
    expect(output.seed).toBe(5);
    expect(output.variant).toBe('D2.2');
    expect(Object.keys(output.series)).toContain('count_1s');
    expect(output.summary.stop_tick).toBeLessThanOrEqual(12);
    expect(output.series.count_1s).toHaveLength(output.ticks + 1);
  });

  it('writes a tidy CSV, one row per tick', () => {
    const dir = tempDir();
    const out = join(dir, 'run.csv');
    const r = runCli(['run', '--preset', '21sep_largeSteady_online', '--seed', '2', '--ticks', '8', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]?.startsWith('tick,count_1s,count_9s,count_90s,')).toBe(true);
    expect(lines[1]?.startsWith('0,')).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(10);
  });

  it('is deterministic: two processes, same seed, byte-identical files', () => {
    const dir = tempDir();
    const args = ['run', '--seed', '77', '--ticks', '30', '--set', 'initial-number-90s=150'];
    expect(runCli([...args, '--out', join(dir, 'a.json')]).status).toBe(0);
    expect(runCli([...args, '--out', join(dir, 'b.json')]).status).toBe(0);
    expect(readFileSync(join(dir, 'a.json'))).toEqual(readFileSync(join(dir, 'b.json')));
    expect(runCli(['run', '--seed', '78', '--ticks', '30', '--out', join(dir, 'c.json')]).status).toBe(0);
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).not.toBe(readFileSync(join(dir, 'a.json'), 'utf8'));
  });

  it('resumes from a snapshot to a byte-identical output', () => {
    const dir = tempDir();
    const params = join(dir, 'p.json');
    writeFileSync(params, JSON.stringify({ 'initial-number-9s': 20 }));
    const base = ['run', '--seed', '9', '--ticks', '40', '--params', params];
    expect(runCli([...base, '--out', join(dir, 'full.json')]).status).toBe(0);
    const snap = runCli([...base, '--out', join(dir, 'with-snap.json'), '--snapshot-at', '15', '--snapshot-out', join(dir, 's.json')]);
    expect(snap.status, snap.stderr).toBe(0);
    const resumed = runCli(['resume', '--snapshot', join(dir, 's.json'), '--out', join(dir, 'resumed.json')]);
    expect(resumed.status, resumed.stderr).toBe(0);
    const full = readFileSync(join(dir, 'full.json'));
    expect(readFileSync(join(dir, 'with-snap.json'))).toEqual(full);
    expect(readFileSync(join(dir, 'resumed.json'))).toEqual(full);
  });

  it('rejects a snapshot that is not one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.json'), '{"hello": 1}');
    const r = runCli(['resume', '--snapshot', join(dir, 'x.json'), '--out', join(dir, 'o.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
