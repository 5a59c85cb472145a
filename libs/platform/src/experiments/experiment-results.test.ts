import { describe, expect, it } from 'vitest';
import { aggregateCondition, aggregateMetric, conditionLabel, meanBand, resultsCsvHeader, runCsvRows, sampleTicks, varyingParameters, type ResultRun } from './experiment-results';

const T_975_2 = 4.302652729911275; // Student t quantile, 2 degrees of freedom

function run(overrides: Partial<ResultRun> & Pick<ResultRun, 'conditionIndex' | 'repetition'>): ResultRun {
  return {
    runNumber: overrides.conditionIndex * 3 + overrides.repetition + 1,
    seed: 100 + overrides.repetition,
    parameters: { 'platform-features': overrides.conditionIndex === 1, 'initial-number-90s': 90 },
    status: 'completed',
    summary: { stop_reason: 'timeLimit', stop_tick: 2 },
    series: null,
    ...overrides,
  };
}

describe('meanBand', () => {
  it('is the mean with the Student-t 95% interval', () => {
    const band = meanBand([1, 2, 3]);
    expect(band.mean).toBe(2);
    expect(band.n).toBe(3);
    expect(band.lo).toBeCloseTo(2 - T_975_2 / Math.sqrt(3), 8);
    expect(band.hi).toBeCloseTo(2 + T_975_2 / Math.sqrt(3), 8);
  });

  it('has no interval for one value and nothing for none', () => {
    expect(meanBand([5])).toEqual({ mean: 5, lo: null, hi: null, n: 1 });
    expect(meanBand([])).toEqual({ mean: null, lo: null, hi: null, n: 0 });
  });
});

describe('sampleTicks', () => {
  it('keeps every tick of a short run and samples long ones evenly with both ends', () => {
    expect(sampleTicks(4, 200)).toEqual([0, 1, 2, 3, 4]);
    expect(sampleTicks(1000, 5)).toEqual([0, 250, 500, 750, 1000]);
    expect(sampleTicks(100_000, 200)).toHaveLength(200);
    expect(sampleTicks(0, 200)).toEqual([0]);
  });
});

describe('aggregateCondition', () => {
  it('averages each tick across repetitions with a 95% band', () => {
    const runs = [
      run({ conditionIndex: 0, repetition: 0, series: { ticks: 2, metrics: { count_1s: [0, 1, 10] } }, summary: { stop_tick: 2, count_1s: 10 } }),
      run({ conditionIndex: 0, repetition: 1, series: { ticks: 2, metrics: { count_1s: [0, 2, 20] } }, summary: { stop_tick: 2, count_1s: 20 } }),
      run({ conditionIndex: 0, repetition: 2, series: { ticks: 2, metrics: { count_1s: [0, 3, 30] } }, summary: { stop_tick: 2, count_1s: 30 } }),
    ];
    const result = aggregateCondition(runs, 'count_1s', [0, 1, 2], 'All runs');
    expect(result.runs).toBe(3);
    expect(result.series[0]).toEqual({ mean: 0, lo: 0, hi: 0, n: 3 });
    expect(result.series[1]?.mean).toBe(2);
    expect(result.series[1]?.hi).toBeCloseTo(2 + T_975_2 / Math.sqrt(3), 8);
    expect(result.series[2]?.mean).toBe(20);
    expect(result.series[2]?.lo).toBeCloseTo(20 - (T_975_2 * 10) / Math.sqrt(3), 8);
    expect(result.final).toMatchObject({ mean: 20, n: 3, values: [10, 20, 30] });
  });

  it('drops runs after they stopped, skips null values and ignores unfinished runs', () => {
    const runs = [
      run({ conditionIndex: 0, repetition: 0, series: { ticks: 1, metrics: { pct_1s: [50, 40] } }, summary: { stop_tick: 1, pct_1s: 40 } }),
      run({ conditionIndex: 0, repetition: 1, series: { ticks: 3, metrics: { pct_1s: [50, null, 20, 10] } }, summary: { stop_tick: 3, pct_1s: 10 } }),
      run({ conditionIndex: 0, repetition: 2, status: 'running', series: null, summary: null }),
    ];
    const result = aggregateCondition(runs, 'pct_1s', [0, 1, 2, 3], 'All runs');
    expect(result.runs).toBe(2);
    expect(result.series.map((p) => [p.mean, p.n])).toEqual([
      [50, 2],
      [40, 1],
      [20, 1],
      [10, 1],
    ]);
    expect(result.final).toMatchObject({ mean: 25, n: 2 });
  });

  it('has final values only for designs that recorded final values only', () => {
    const runs = [run({ conditionIndex: 0, repetition: 0, summary: { stop_tick: 400, count_9s: 7 } }), run({ conditionIndex: 0, repetition: 1, summary: { stop_tick: 400, count_9s: 9 } })];
    const result = aggregateCondition(runs, 'count_9s', [], 'All runs');
    expect(result.series).toEqual([]);
    expect(result.final).toMatchObject({ mean: 8, n: 2, values: [7, 9] });
  });
});

describe('aggregateMetric and condition labels', () => {
  it('groups runs by condition in condition order and names conditions by what varies', () => {
    const conditions = [
      { 'platform-features': false, 'initial-number-90s': 90 },
      { 'platform-features': true, 'initial-number-90s': 90 },
    ];
    const varying = varyingParameters(conditions);
    expect(varying).toEqual(['platform-features']);
    expect(conditionLabel(conditions[1]!, varying)).toBe('platform-features = true');
    expect(conditionLabel(conditions[0]!, [])).toBe('All runs');
    expect(conditionLabel({ x: 0.12190545696333574, n: 39, f: 0.005 }, ['x', 'n', 'f'])).toBe('x = 0.121905, n = 39, f = 0.005');
    const runs = [1, 0].flatMap((c) => [0, 1].map((r) => run({ conditionIndex: c, repetition: r, series: { ticks: 0, metrics: { count_1s: [c * 10 + r] } }, summary: { count_1s: c * 10 + r } })));
    const labels = new Map(conditions.map((c, i) => [i, conditionLabel(c, varying)]));
    const result = aggregateMetric(runs, 'count_1s', [0], labels);
    expect(result.conditions.map((c) => [c.conditionIndex, c.label, c.series[0]?.mean])).toEqual([
      [0, 'platform-features = false', 0.5],
      [1, 'platform-features = true', 10.5],
    ]);
  });
});

describe('tidy CSV', () => {
  const parameters = ['reward-mechanism', 'platform-features'];
  const metrics = ['count_1s', 'pct_1s'];

  it('has the BehaviorSpace table header', () => {
    expect(resultsCsvHeader(parameters, metrics)).toBe('[run number],condition,repetition,seed,reward-mechanism,platform-features,[step],count_1s,pct_1s\n');
  });

  it('writes one row per recorded tick, quoting where needed and leaving nulls empty', () => {
    const r = run({
      conditionIndex: 1,
      repetition: 2,
      parameters: { 'reward-mechanism': "'thanks', points", 'platform-features': true },
      series: { ticks: 2, metrics: { count_1s: [1, 2, 3], pct_1s: [50, null, 12.5] } },
    });
    expect(runCsvRows(r, parameters, metrics)).toBe(
      ['6,2,3,102,"\'thanks\', points",true,0,1,50', '6,2,3,102,"\'thanks\', points",true,1,2,', '6,2,3,102,"\'thanks\', points",true,2,3,12.5', ''].join('\n'),
    );
  });

  it('writes one row at the final tick for final-only designs, and nothing for unfinished runs', () => {
    const final = run({ conditionIndex: 0, repetition: 0, parameters: { 'reward-mechanism': 'points', 'platform-features': false }, series: { ticks: 40, metrics: {} }, summary: { stop_tick: 37, count_1s: 4, pct_1s: null } });
    expect(runCsvRows(final, parameters, metrics)).toBe('1,1,1,100,points,false,37,4,\n');
    expect(runCsvRows(run({ conditionIndex: 0, repetition: 1, status: 'failed', summary: null }), parameters, metrics)).toBe('');
  });
});
