import { checkExperimentDesign } from '../../experiments/experiment-design';
import { describe, expect, it } from 'vitest';
import { collapseWeek, summariseScenario } from './twin-forecast';
import { calibrationRuns, drawPosterior, forecastRuns, particleDistance, twinDesign } from './twin-plan';
import { TWIN_SCENARIOS } from './twin-scenarios';
import { resolveTwinSettings } from './twin-settings';

describe('forecast summary', () => {
  const alive = { count1s: [1, 1, 1, 1, 1], count9s: [2, 2, 2, 2, 2], count90s: [5, 5, 5, 5, 5] };
  // Contributors gone in week 2; the run stopped at week 3 and holds its last counts.
  const collapsing = { count1s: [1, 1, 0, 0], count9s: [1, 0, 0, 0], count90s: [4, 3, 2, 2] };

  it('finds the first week without contributors, holding the last counts of a short run', () => {
    expect(collapseWeek(alive, 4)).toBeNull();
    expect(collapseWeek(collapsing, 4)).toBe(2);
    expect(collapseWeek({ count1s: [1], count9s: [0], count90s: [9] }, 4)).toBeNull();
  });

  it('gives bands of size and core, P(alive) within the horizon and the median collapse week', () => {
    const f = summariseScenario({ id: 'off', label: 'Off' }, [alive, collapsing], 4);
    expect(f.runs).toBe(2);
    expect(f.size.q95).toEqual([8, 8, 8, 8, 8]);
    expect(f.size.q05).toEqual([6, 4, 2, 2, 2]);
    expect(f.core.q05).toEqual([1, 1, 0, 0, 0]);
    expect(f.alive).toEqual([
      { weeks: 52, probability: null },
      { weeks: 104, probability: null },
      { weeks: 260, probability: null },
    ]);
    expect(f.collapsed).toBe(0.5);
    expect(f.medianCollapseWeek).toBe(2);
    const long = summariseScenario({ id: 'off', label: 'Off' }, [alive, collapsing], 104);
    expect(long.alive.map((a) => a.probability)).toEqual([0.5, 0.5, null]);
  });
});

describe('twin plan', () => {
  it('writes designs the experiment service accepts', () => {
    expect(checkExperimentDesign(twinDesign('Twin', 12)).totalRuns).toBe(1);
  });

  it('gives every particle a run with the setup, the calibration features and its own values', () => {
    const runs = calibrationRuns([{ params: { 'chance-90s-exit': 0.02 }, seed: 7, logWeight: 0 }], { 'initial-number-1s': 2 });
    expect(runs).toEqual([{ conditionIndex: 0, repetition: 0, seed: 7, parameters: { 'initial-number-1s': 2, 'platform-features': true, 'featured-needs?': false, 'reward-mechanism-2': 'baseline-both', 'chance-90s-exit': 0.02 } }]);
  });

  it('resamples the posterior by weight and reuses each draw’s seed in every scenario', () => {
    const population = [
      { params: { a: 1 }, weight: 0.75, distance: 0 },
      { params: { a: 2 }, weight: 0.25, distance: 0 },
    ];
    const draws = drawPosterior(population, 8, 3);
    expect(draws.filter((d) => d.params['a'] === 1)).toHaveLength(6);
    expect(drawPosterior(population, 8, 3)).toEqual(draws);
    const runs = forecastRuns(draws, { calibration: { 'initial-number-1s': 1 }, forecast: { 'initial-number-1s': 4 } });
    expect(runs).toHaveLength(8 * (TWIN_SCENARIOS.length + 1));
    expect(runs.filter((r) => r.repetition === 5).map((r) => r.seed)).toEqual(Array(TWIN_SCENARIOS.length + 1).fill(draws[5]?.seed));
    expect(runs.find((r) => r.conditionIndex === 0)?.parameters['initial-number-1s']).toBe(1);
    expect(runs.find((r) => r.conditionIndex === 1)?.parameters).toMatchObject({ 'initial-number-1s': 4, 'platform-features': false });
  });

  it('measures a particle against the fitted series; a missing run is never accepted', () => {
    const observed = { weeks: ['a', 'b'], count1s: [1, 1], count9s: [2, 2], count90s: [3, 3], joins: [0, 0], leaves: [0, 0] };
    expect(particleDistance(observed, { count_1s: [1, 1], count_9s: [2, 2], count_90s: [3, 3] })).toBe(0);
    expect(particleDistance(observed, null)).toBeNaN();
  });
});

describe('twin settings', () => {
  it('fills defaults and refuses parameters that cannot be calibrated', () => {
    const s = resolveTwinSettings({}, 11);
    expect(s.seed).toBe(11);
    expect(s.priors.map((p) => p.name)).toEqual(['new-90s-barrier', 'chance-90s-exit', 'chance-9s-exit', 'chance-90-find-a-task']);
    expect(() => resolveTwinSettings({ priors: [{ name: 'initial-number-1s', min: 0, max: 5 }] }, 1)).toThrow(/not a calibratable/);
    expect(() => resolveTwinSettings({ priors: [{ name: 'chance-90s-exit', min: 0, max: 2 }] }, 1)).toThrow(/must stay in/);
    expect(() => resolveTwinSettings({ populationSize: 2 }, 1)).toThrow(/populationSize/);
  });
});
