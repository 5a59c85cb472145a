import { describe, it, expect } from 'vitest';
import { BEHAVIORSPACE_METRIC_IDS } from '../observe/behaviorspace-metrics';
import { METRICS, VECTORS } from '../observe/registry';
import { SimConfigError } from '../params/sim-config-error';
import { MODEL_VERSION } from '../version';
import { createModel, createRun, resumeRun, runModel, type SimConfig, type RunOptions } from './run';

const ALL_METRICS = [...METRICS.keys()];

describe('runModel', () => {
  it('produces the documented output shape with all 54 params', () => {
    const out = runModel({ seed: 3 }, { ticks: 5 });
    expect(out.model).toBe('p2pvalue');
    expect(out.version).toBe(MODEL_VERSION);
    expect(out.variant).toBe('D2.2');
    expect(out.fidelity).toBe('faithful');
    expect(Object.keys(out.params)).toHaveLength(54);
    expect(Object.keys(out.series)).toEqual([...BEHAVIORSPACE_METRIC_IDS]);
    expect(BEHAVIORSPACE_METRIC_IDS).toHaveLength(59);
    expect(out.series.count_1s).toHaveLength(out.ticks + 1);
    expect(out.summary.stop_reason).toBe(out.ticks === 5 ? 'timeLimit' : out.summary.stop_reason);
    expect(Object.keys(out.runtimeErrors)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8']);
  });

  it('is deterministic: same config + seed → identical JSON', () => {
    for (const variant of ['D2.2', 'final'] as const) {
      const cfg: SimConfig = { seed: 11, variant };
      const opts: RunOptions = { ticks: 60, metrics: ALL_METRICS, vectors: ['lifetime_contributions'] };
      expect(JSON.stringify(runModel(cfg, opts))).toBe(JSON.stringify(runModel(cfg, opts)));
    }
  });

  it('different seeds give different trajectories', () => {
    const a = runModel({ seed: 1 }, { ticks: 40, metrics: ['count_90s', 'count_tasks'] });
    const b = runModel({ seed: 2 }, { ticks: 40, metrics: ['count_90s', 'count_tasks'] });
    expect(JSON.stringify(a.series)).not.toBe(JSON.stringify(b.series));
  });

  it('record "final" keeps only the summary', () => {
    const out = runModel({ seed: 5 }, { ticks: 10, record: 'final', metrics: ['count_9s'] });
    expect(out.series).toEqual({});
    expect(typeof out.summary.count_9s).toBe('number');
  });

  it('validates run options', () => {
    expect(() => runModel({ seed: 1 }, { ticks: 5, metrics: ['nope'] })).toThrow(SimConfigError);
    expect(() => runModel({ seed: 1 }, { ticks: -1 })).toThrow(SimConfigError);
    expect(() => runModel({ seed: 1 }, { ticks: 1, vectors: ['nope'] })).toThrow(SimConfigError);
  });

  it('honours onProgress and an abort signal', () => {
    const seen: number[] = [];
    const signal = { aborted: false };
    const out = runModel(
      { seed: 2, fidelity: 'corrected' },
      {
        ticks: 50,
        metrics: ['count_1s'],
        signal,
        onProgress: (t) => {
          seen.push(t);
          if (t === 7) signal.aborted = true;
        },
      },
    );
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(out.summary.stop_reason).toBe('aborted');
    expect(out.ticks).toBe(7);
  });

  it('exposes every metric and vector without throwing', () => {
    for (const variant of ['D2.2', 'final'] as const) {
      const out = runModel({ seed: 4, variant }, { ticks: 30, metrics: ALL_METRICS, vectors: [...VECTORS.keys()] });
      for (const id of ALL_METRICS) expect(out.series[id]).toHaveLength(out.ticks + 1);
      expect(out.vectors.lifetime_contributions!.length).toBe(out.summary.contributors_ever);
    }
  });
});

describe('binned histograms', () => {
  it('bins the requested vectors with their default width, and only when asked', () => {
    const cfg: SimConfig = { seed: 7, variant: 'final' };
    const plain = runModel(cfg, { ticks: 30, metrics: ['count_1s'] });
    expect(plain).not.toHaveProperty('histograms');
    const ids = ['hist_task_time_required', 'hist_friend_degree', 'hist_interest_90s'];
    const out = runModel(cfg, { ticks: 30, metrics: ['count_1s'], vectors: ids, histograms: ids });
    expect(Object.keys(out.histograms ?? {})).toEqual(ids);
    for (const id of ids) {
      const h = out.histograms![id]!;
      const raw = out.vectors[id]!;
      expect(h.binWidth).toBe(VECTORS.get(id)!.binWidth);
      expect(h.n).toBe(raw.length);
      expect(h.counts.reduce((a, b) => a + b, 0)).toBe(raw.length);
      // Every value falls in its bin [min + k·w, min + (k+1)·w).
      for (const x of raw) expect(h.counts[Math.floor((x - h.min) / h.binWidth)]).toBeGreaterThan(0);
    }
    expect(out.histograms!.hist_task_time_required!.binWidth).toBe(100);
    // Reading histograms changes nothing else in the output.
    const { histograms: _h, ...rest } = out;
    const withoutHist = runModel(cfg, { ticks: 30, metrics: ['count_1s'], vectors: ids });
    expect(JSON.stringify(rest)).toBe(JSON.stringify(withoutHist));
  });

  it('rejects unknown histogram ids', () => {
    expect(() => runModel({ seed: 1 }, { ticks: 1, histograms: ['nope'] })).toThrow(/Unknown vector "nope" in histograms/);
  });
});

describe('snapshot / resume', () => {
  const cases: [string, SimConfig][] = [
    ['D2.2 faithful', { seed: 21 }],
    ['final faithful', { seed: 22, variant: 'final' }],
    ['D2.2 corrected offline', { seed: 23, fidelity: 'corrected', params: { 'community-type': 'offline', 'reward-mechanism': "'thanks' only" } }],
    ['final bounties', { seed: 24, variant: 'final', params: { 'reward-mechanism-2': 'bounties' } }],
    // Dense friendships from tick ~20: S5 orders a person's links by creation rank, which a resumed
    // state rebuilds from the saved per-person orders.
    ['D2.2 10× community', { seed: 25, params: { 'initial-number-1s': 10, 'initial-number-9s': 90, 'initial-number-90s': 900, 'initial-projects': 50 } }],
  ];
  for (const [name, cfg] of cases) {
    it(`resume at k gives byte-identical output (${name})`, () => {
      const opts: RunOptions = {
        ticks: 45,
        metrics: ALL_METRICS,
        vectors: ['lifetime_contributions', 'hist_friend_degree'],
        histograms: ['hist_times_worked_together'],
      };
      const full = JSON.stringify(runModel(cfg, opts));
      for (const k of [0, 1, 20, 44]) {
        const run = createRun(cfg, opts);
        run.stepTo(k);
        // Through JSON text, as a worker or a database would store it.
        const snap = JSON.parse(JSON.stringify(run.snapshot()));
        const resumed = resumeRun(snap);
        resumed.stepTo(opts.ticks);
        expect(JSON.stringify(resumed.output())).toBe(full);
      }
    });
  }

  it('rejects foreign snapshots and option changes', () => {
    const run = createRun({ seed: 1 }, { ticks: 3, metrics: ['count_1s'] });
    const snap = run.snapshot();
    expect(() => resumeRun({ ...snap, version: '0.0.0' })).toThrow(SimConfigError);
    expect(() => resumeRun(snap, { metrics: ['count_9s'] })).toThrow(SimConfigError);
    expect(() => resumeRun(snap, { histograms: ['hist_friend_degree'] })).toThrow(/histograms/);
    expect(resumeRun(snap, { ticks: 5 }).model.steps).toBe(0);
  });
});

describe('createModel', () => {
  it('exposes tick, stopped and stopReason and steps until a stop', () => {
    const m = createModel({ seed: 1, params: { 'initial-number-1s': 0, 'initial-number-9s': 0 } });
    expect(m.tick).toBe(0);
    expect(m.stopped).toBe(false);
    for (let i = 0; i < 100 && !m.stopped; i++) m.step();
    // no #1s at all → the cumulative no-#1 counter reaches 26 (or another stop fires first)
    expect(m.stopped).toBe(true);
    expect(m.stopReason).not.toBeNull();
    expect(m.tick).toBe(m.steps - 1); // a stop happens before ticks is incremented
  });
});
