import type { Job } from 'bullmq';
import { pruneAbandonedUploads, type PlatformRepositories, type PrunedUploads } from '@p2pvalue/platform';
import { ZPruneAbandonedUploadsPayload } from '@p2pvalue/shared';

/** Deletes uploads never used within a day (see pruneAbandonedUploads); idempotent, so a retry is harmless. */
export function createPruneAbandonedUploadsProcessor(deps: { repos: Pick<PlatformRepositories, 'chatAttachments' | 'images'>; now: () => Date }) {
  return async (job: Job): Promise<PrunedUploads> => {
    ZPruneAbandonedUploadsPayload.parse(job.data);
    return pruneAbandonedUploads(deps.repos, deps.now());
  };
}
