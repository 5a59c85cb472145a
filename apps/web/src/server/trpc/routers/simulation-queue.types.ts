import { z } from 'zod';

const count = z.number().int().min(0);

export const ZQueueDashboardOutput = z.object({
  counts: z.object({ waiting: count, active: count, delayed: count, failed: count, completed: count }),
  workers: z.array(z.object({ id: z.string(), host: z.string().nullable(), pid: z.number().int().nullable(), lastSeen: z.string(), activeRuns: count })),
  active: z.array(
    z.object({
      runId: z.uuid(),
      experimentId: z.uuid(),
      experimentName: z.string().nullable(),
      ownerName: z.string().nullable(),
      workerId: z.string().nullable(),
      tick: count,
      steps: count,
      progress: z.number().min(0).max(1),
      startedAt: z.iso.datetime().nullable(),
    }),
  ),
  failures: z.array(
    z.object({
      runId: z.uuid(),
      experimentId: z.uuid(),
      experimentName: z.string(),
      ownerName: z.string(),
      condition: count,
      repetition: count,
      attempts: count,
      error: z.string(),
      workerId: z.string().nullable(),
      finishedAt: z.iso.datetime().nullable(),
    }),
  ),
  usage: z.array(z.object({ ownerId: z.string(), ownerName: z.string(), queued: count, running: count, activeRuns: count, share: z.number().min(0).max(1), maxSteps: count })),
  limits: z.object({ maxActiveRuns: count, maxTicksPerRun: count }),
});
