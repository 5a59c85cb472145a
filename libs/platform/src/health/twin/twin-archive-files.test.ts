import { describe, expect, it } from 'vitest';
import { observedSeriesSha256, twinArchiveFiles, type TwinArchiveInput } from './twin-archive-files';
import { TWIN_SCENARIOS } from './twin-scenarios';

const band = (n: number) => ({ q05: Array(n).fill(1), median: Array(n).fill(2), q95: Array(n).fill(3) });
const observed = { weeks: ['2026-W01', '2026-W02'], count1s: [1, 2], count9s: [3, 4], count90s: [10, 12], joins: [1, 0], leaves: [0, 1] };

const input: TwinArchiveInput = {
  calibrationId: '00000000-0000-4000-8000-000000000001',
  community: { slug: 'demo', name: 'Demo, "the" community' },
  settings: { priors: [{ name: 'chance-90s-exit', min: 0, max: 0.1 }], populationSize: 4, generations: 1, alpha: 0.5, fitWeeks: 8, horizonWeeks: 3, forecastDraws: 2, seed: 42 },
  setup: { calibration: { 'initial-number-1s': 1 }, forecast: { 'initial-number-1s': 2 }, notes: { calibration: [], forecast: [] } },
  observed,
  posterior: { parameters: [{ name: 'chance-90s-exit', prior: { min: 0, max: 0.1 }, mean: 0.05, median: 0.05, q05: 0.01, q95: 0.09 }], particles: [{ params: { 'chance-90s-exit': 0.05 }, weight: 1, distance: 0.3 }], history: [], stopReason: null },
  forecast: {
    horizonWeeks: 3,
    draws: 2,
    predictive: { count1s: band(2), count9s: band(2), count90s: band(2) },
    scenarios: TWIN_SCENARIOS.map((s) => ({ id: s.id, label: s.label, runs: 2, size: band(4), core: band(4), alive: [{ weeks: 52, probability: null }], collapsed: 0.5, medianCollapseWeek: 2 })),
  },
  createdAt: new Date('2026-12-01T00:00:00Z'),
  finishedAt: new Date('2026-12-01T01:00:00Z'),
  experiments: [{ id: 'e1', name: 'batch 1', status: 'completed', totalRuns: 1, modelVersion: 'v-test', rootSeed: 42n, idempotencyKey: 'twin-x-1', createdAt: new Date() }],
  runs: [{ experimentId: 'e1', conditionIndex: 0, repetition: 0, parameters: { 'chance-90s-exit': 0.05, 'reward-mechanism-2': 'baseline-both' }, seed: 4_294_967_295n, status: 'completed' }],
};

describe('twin archive files', () => {
  it('names the observed series by a hash that changes with any value', () => {
    expect(observedSeriesSha256(observed)).toMatch(/^[0-9a-f]{64}$/);
    expect(observedSeriesSha256({ ...observed })).toBe(observedSeriesSha256(observed));
    expect(observedSeriesSha256({ ...observed, leaves: [0, 2] })).not.toBe(observedSeriesSha256(observed));
  });

  it('writes the series, posterior, forecast and runs as CSV and everything with its provenance as JSON', () => {
    const a = twinArchiveFiles(input);
    const file = (name: string) => a.files.find((f) => f.name === name)?.content ?? '';
    expect(file('observed.csv')).toBe('week,count1s,count9s,count90s,joins,leaves\n2026-W01,1,3,10,1,0\n2026-W02,2,4,12,0,1\n');
    // parameters as quoted JSON; seeds beyond 2^31 kept exactly
    expect(file('runs.csv').split('\n')[1]).toBe('1,e1,0,0,4294967295,completed,"{""chance-90s-exit"":0.05,""reward-mechanism-2"":""baseline-both""}"');
    expect(file('forecast.csv').split('\n')).toHaveLength(1 + TWIN_SCENARIOS.length * 4 + 1);
    expect(file('forecast-alive.csv').split('\n')[0]).toBe('scenario,label,runs,p_alive_52w,collapsed_share,median_collapse_week');
    expect(file('posterior-particles.csv')).toBe('particle,weight,distance,chance-90s-exit\n1,1,0.3,0.05\n');
    const json = JSON.parse(file('twin.json'));
    expect(json).toMatchObject({ variant: 'final', modelVersions: ['v-test'], observedSha256: a.observedSha256, settings: { seed: 42 }, experiments: [{ rootSeed: '42' }] });
    expect(a.provenance).toContain(a.observedSha256);
    expect(a.provenance).toContain('Model version: v-test; variant: final');
    expect(a.provenance).toContain('seed 42');
    expect(a.title).toContain('Demo, "the" community');
  });
});
