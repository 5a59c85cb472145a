import { describe, expect, it } from 'vitest';
import { createRun } from '../model/run';
import { runAbcSmc, type UniformPrior } from './abc-smc';
import { normalisedRmse } from './distance';
import { summarisePosterior } from './posterior';

// A small community (the demo's size) observed for a year. The truth is what the recovery must find.
const SETUP = { 'initial-number-1s': 2, 'initial-number-9s': 20, 'initial-number-90s': 100, 'initial-projects': 5 };
const WEEKS = 52;
const METRICS = { count1s: 'count_1s', count9s: 'count_9s', count90s: 'count_90s' } as const;
const TRUTH = { 'chance-90s-exit': 0.035, 'chance-90-find-a-task': 0.01, 'chance-9s-exit': 0.01 };
const PRIORS: UniformPrior[] = [
  { name: 'chance-90s-exit', min: 0, max: 0.1 },
  { name: 'chance-90-find-a-task', min: 0, max: 0.03 },
  { name: 'chance-9s-exit', min: 0, max: 0.05 },
];

function simulate(params: Record<string, number>, seed: number): Record<string, (number | null)[]> {
  const run = createRun({ seed, params: { ...SETUP, ...params } }, { ticks: WEEKS, metrics: Object.values(METRICS) });
  run.stepTo(WEEKS);
  const out = run.output();
  return Object.fromEntries(Object.entries(METRICS).map(([name, id]) => [name, out.series[id] ?? []]));
}

describe('ABC-SMC recovery on synthetic truth', () => {
  it('puts the true parameters inside the 90% posterior intervals, narrower than the prior', async () => {
    const observed = simulate(TRUTH, 20261207) as Record<string, number[]>;
    const state = await runAbcSmc(
      { priors: PRIORS, populationSize: 40, maxGenerations: 4, alpha: 0.5, finalTolerance: 0, maxSimulationsPerGeneration: 240, minAcceptanceRate: 0.02, seed: 99 },
      (proposals) => proposals.map((p) => normalisedRmse(observed, simulate(p.params, p.seed))),
    );
    const posterior = summarisePosterior(state.population, PRIORS);
    for (const p of posterior) {
      const truth = TRUTH[p.name as keyof typeof TRUTH];
      expect(truth, p.name).toBeGreaterThanOrEqual(p.q05);
      expect(truth, p.name).toBeLessThanOrEqual(p.q95);
      // The prior's own 90% interval is 90% of its width.
      expect(p.q95 - p.q05, p.name).toBeLessThan(0.9 * (p.prior.max - p.prior.min));
    }
    const tolerances = state.history.map((h) => h.tolerance);
    expect(tolerances[tolerances.length - 1]).toBeLessThan(tolerances[0] as number);
  }, 240_000);
});
