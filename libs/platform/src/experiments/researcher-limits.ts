import { AppError } from '@p2pvalue/shared';
import { DEFAULT_EXPERIMENT_LIMITS } from './experiment-design';

/**
 * What one researcher may have on the shared workers at a time, so that one large sweep cannot
 * hold the queue for everyone. Set by the operator (env); see docs/OPERATIONS.md.
 */
export interface ResearcherLimits {
  /** Runs queued or running across all of a researcher's experiments, the new one included. */
  maxActiveRuns: number;
  /** Tick limit of one run; at most the service's own limit (DEFAULT_EXPERIMENT_LIMITS.maxTicks). */
  maxTicksPerRun: number;
}

export const DEFAULT_RESEARCHER_LIMITS: ResearcherLimits = { maxActiveRuns: 20_000, maxTicksPerRun: DEFAULT_EXPERIMENT_LIMITS.maxTicks };

/** Refuses a submission that would take the researcher past their active-run limit, saying how far. */
export function checkActiveRuns(activeRuns: number, newRuns: number, limits: ResearcherLimits): void {
  if (activeRuns + newRuns <= limits.maxActiveRuns) return;
  const room = Math.max(0, limits.maxActiveRuns - activeRuns);
  throw new AppError(
    'TOO_MANY_REQUESTS',
    `You have ${activeRuns} runs queued or running, and this experiment adds ${newRuns}: at most ${limits.maxActiveRuns} may be waiting at a time. ` +
      (room > 0 ? `Queue at most ${room} runs now, or wait for your experiments to finish or cancel one.` : 'Wait for your experiments to finish or cancel one.'),
    { details: { reason: 'RESEARCHER_RUN_LIMIT', activeRuns, newRuns, maxActiveRuns: limits.maxActiveRuns } },
  );
}
