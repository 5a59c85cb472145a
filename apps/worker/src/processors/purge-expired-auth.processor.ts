import type { Job } from 'bullmq';
import type { PrismaClient } from '@p2pvalue/db';
import { ZPurgeExpiredAuthPayload } from '@p2pvalue/shared';

/** Deletes expired sessions and verification tokens; idempotent, so a retry is harmless. */
export function createPurgeExpiredAuthProcessor(deps: { db: PrismaClient; now: () => Date }) {
  return async (job: Job): Promise<{ sessions: number; verifications: number }> => {
    ZPurgeExpiredAuthPayload.parse(job.data);
    const now = deps.now();
    const [sessions, verifications] = await deps.db.$transaction([
      deps.db.session.deleteMany({ where: { expiresAt: { lt: now } } }),
      deps.db.verification.deleteMany({ where: { expiresAt: { lt: now } } }),
    ]);
    return { sessions: sessions.count, verifications: verifications.count };
  };
}
