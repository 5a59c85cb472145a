import { describe, expect, it } from 'vitest';
import { allowanceProblem } from './allowance';

const allowance = { activeRuns: 15, maxActiveRuns: 20, remainingRuns: 5, maxTicksPerRun: 1_000 };

describe('allowanceProblem', () => {
  it('lets a design within the limits through', () => {
    expect(allowanceProblem(allowance, { runs: 5, steps: 1_000 })).toBeNull();
  });

  it('explains a design with too many ticks per run', () => {
    expect(allowanceProblem(allowance, { runs: 1, steps: 1_001 })).toMatch(/at most 1,000 ticks here; this design asks for 1,001/);
  });

  it('explains a design with more runs than are left, and how many would fit', () => {
    expect(allowanceProblem(allowance, { runs: 6, steps: 10 })).toMatch(/15 runs queued or running.*at most 20.*adds 6 runs, queue at most 5 runs now/);
    expect(allowanceProblem({ ...allowance, activeRuns: 20, remainingRuns: 0 }, { runs: 1, steps: 10 })).toMatch(/wait for your experiments to finish, or cancel one/);
  });
});
