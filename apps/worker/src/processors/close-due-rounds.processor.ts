import type { Job } from 'bullmq';
import type { RoundService } from '@p2pvalue/platform';
import { ZCloseDueRoundsPayload } from '@p2pvalue/shared';

/**
 * Closes, as the system, every open funding round whose window has ended, through the admins'
 * close path. Idempotent and safe in several workers at once: each round is closed under its row
 * lock and a round already closed is skipped, so a retry or an overlapping run is harmless.
 */
export function createCloseDueRoundsProcessor(deps: { rounds: Pick<RoundService, 'closeDue'>; now: () => Date }) {
  return async (job: Job): Promise<{ closed: string[]; skipped: string[] }> => {
    ZCloseDueRoundsPayload.parse(job.data);
    return deps.rounds.closeDue(deps.now());
  };
}
