import type { Job } from 'bullmq';
import type { RoundService } from '@p2pvalue/platform';
import { ZCloseDueRoundsPayload } from '@p2pvalue/shared';

/**
 * Keeps funding rounds on their schedule, as the system: first closes every open round whose window
 * has ended (through the admins' close path), then opens every scheduled round whose time has come
 * (granting the members' budgets) — in that order, so a round scheduled to follow one that ends now
 * opens in the same run. Idempotent and safe in several workers at once: each round changes under
 * its row lock and one already closed or opened is skipped, so a retry or an overlapping run is
 * harmless.
 */
export function createCloseDueRoundsProcessor(deps: { rounds: Pick<RoundService, 'closeDue' | 'openDue'>; now: () => Date }) {
  return async (job: Job): Promise<{ closed: string[]; skipped: string[]; opened: string[]; waiting: string[] }> => {
    ZCloseDueRoundsPayload.parse(job.data);
    const now = deps.now();
    const { closed, skipped } = await deps.rounds.closeDue(now);
    const { opened, waiting } = await deps.rounds.openDue(now);
    return { closed, skipped, opened, waiting };
  };
}
