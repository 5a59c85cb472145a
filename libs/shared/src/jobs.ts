import { z } from 'zod';

/**
 * Job contracts shared by producers (web) and consumers (worker): queue and job names plus the
 * payload schema. Payloads carry ids, never blobs or secrets.
 */
export const MAINTENANCE_QUEUE = 'maintenance';

export const PURGE_EXPIRED_AUTH_JOB = 'purge-expired-auth';
export const ZPurgeExpiredAuthPayload = z.object({}).strict();
export type TPurgeExpiredAuthPayload = z.infer<typeof ZPurgeExpiredAuthPayload>;
