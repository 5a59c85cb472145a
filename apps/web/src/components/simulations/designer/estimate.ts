import { designConditions, getParameterSpec, type Design, type Variant } from '@p2pvalue/sim';
import { defaultValueOf } from './design-state';

/**
 * Seconds of one core's time per agent-tick (one #1, #9 or #90 living through one tick).
 * Measured with `npm run bench:sim -- --skip-experiment` on the project's 2-core machine while
 * other builds ran: 55,771 agent-ticks/s at the default population (3 runs × 400 ticks in
 * 2.69 s). An idle machine is faster, so the estimate errs on the long side.
 */
export const SECONDS_PER_AGENT_TICK = 1 / 55_771;

/**
 * Fixed cost of one run: setup measured at about 4 ms on the same machine, plus an allowance (not
 * measured) for the queue round trip and storing checkpoints and results.
 */
export const SECONDS_PER_RUN = 0.05;

const POPULATION = ['initial-number-1s', 'initial-number-9s', 'initial-number-90s'] as const;

function initialPopulation(condition: Record<string, unknown>, variant: Variant): number {
  let total = 0;
  for (const name of POPULATION) {
    const value = condition[name] ?? defaultValueOf(getParameterSpec(name)!, variant);
    total += typeof value === 'number' ? value : 0;
  }
  // An empty community still costs its projects and products each tick.
  return Math.max(total, 10);
}

/**
 * Core-seconds the design needs: every condition's runs × ticks × its initial population (the
 * model changes its size as it runs, so this is an order of magnitude, not a promise).
 */
export function estimateComputeSeconds(design: Design): number {
  const variant = design.variant ?? 'D2.2';
  let seconds = 0;
  for (const condition of designConditions(design)) {
    seconds += design.repetitions * (SECONDS_PER_RUN + design.steps * initialPopulation(condition, variant) * SECONDS_PER_AGENT_TICK);
  }
  return seconds;
}

/** "40 s", "12 min", "3.5 h", "2.1 days". */
export function formatDuration(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}
