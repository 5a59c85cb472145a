import { Queue, type Job } from 'bullmq';
import { z } from 'zod';
import { hasRole, type ExperimentActor, type ExperimentRepository, type ResearcherLimits } from '@p2pvalue/platform';
import { AppError, redisKey, SIMULATION_QUEUE, workerHeartbeatPattern, ZSimulationRunPayload, type Redis } from '@p2pvalue/shared';

/** BullMQ's job states the dashboard counts. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface QueueDashboard {
  counts: Record<QueueState, number>;
  workers: Array<{ id: string; host: string | null; pid: number | null; lastSeen: string; activeRuns: number }>;
  active: Array<{
    runId: string;
    experimentId: string;
    experimentName: string | null;
    ownerName: string | null;
    workerId: string | null;
    tick: number;
    steps: number;
    progress: number;
    startedAt: string | null;
  }>;
  failures: Array<{
    runId: string;
    experimentId: string;
    experimentName: string;
    ownerName: string;
    condition: number;
    repetition: number;
    attempts: number;
    error: string;
    workerId: string | null;
    finishedAt: string | null;
  }>;
  usage: Array<{ ownerId: string; ownerName: string; queued: number; running: number; activeRuns: number; share: number; maxSteps: number }>;
  limits: ResearcherLimits;
}

const ZHeartbeat = z.object({ host: z.string().optional(), pid: z.number().int().optional(), at: z.string() });
const ZProgress = z.object({ tick: z.number(), steps: z.number() });

const ACTIVE_SHOWN = 50;
const FAILURES_SHOWN = 20;
const USAGE_SHOWN = 50;

/** Live worker processes from their heartbeat keys (apps/worker heartbeat.ts). */
async function listWorkers(redis: Redis, prefix: string): Promise<Array<{ id: string; host: string | null; pid: number | null; lastSeen: string }>> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', workerHeartbeatPattern(prefix), 'COUNT', 200);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0' && keys.length < 1000);
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys);
  const marker = redisKey(prefix, 'workers', '');
  return keys
    .map((key, i) => {
      let beat: z.infer<typeof ZHeartbeat> | null = null;
      try {
        const parsed = ZHeartbeat.safeParse(JSON.parse(values[i] ?? 'null'));
        beat = parsed.success ? parsed.data : null;
      } catch {
        beat = null;
      }
      return beat ? { id: key.slice(marker.length), host: beat.host ?? null, pid: beat.pid ?? null, lastSeen: beat.at } : null;
    })
    .filter((w): w is NonNullable<typeof w> => w !== null)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The staff view of the simulation queue: BullMQ's counts and active jobs (with the worker that
 * holds each and its progress), the live workers, the runs that failed for good, and each
 * researcher's active runs against the operator's limits. Staff only, checked here.
 */
export function createQueueDashboard(deps: { queue: Queue; redis: Redis; redisPrefix: string; experiments: ExperimentRepository; limits: ResearcherLimits; clock: () => Date }) {
  const { queue, experiments: repo, limits } = deps;

  function requireStaff(actor: ExperimentActor): void {
    if (!hasRole(actor.role, 'staff')) throw new AppError('FORBIDDEN', 'Only staff can see the simulation queue.');
  }

  return {
    async overview(actor: ExperimentActor): Promise<QueueDashboard> {
      requireStaff(actor);
      const [counts, activeJobs, workers, failed, usage] = await Promise.all([
        queue.getJobCounts(...QUEUE_STATES),
        queue.getActive(0, ACTIVE_SHOWN - 1),
        listWorkers(deps.redis, deps.redisPrefix),
        repo.recentFailedRuns(FAILURES_SHOWN),
        repo.activeRunsByOwner(USAGE_SHOWN),
      ]);
      const runJobs = activeJobs
        .map((job: Job) => ({ job, payload: ZSimulationRunPayload.safeParse(job.data) }))
        .filter((j) => j.payload.success)
        .map(({ job, payload }) => ({ job, runId: payload.data!.runId, experimentId: payload.data!.experimentId }));
      const runs = new Map((await repo.runsByIds(runJobs.map((j) => j.runId))).map((r) => [r.id, r]));
      const active = runJobs.map(({ job, runId, experimentId }) => {
        const run = runs.get(runId);
        const reported = ZProgress.safeParse(job.progress);
        const steps = reported.success ? reported.data.steps : Number((run?.experiment.design as { steps?: unknown } | undefined)?.steps ?? 0);
        const tick = reported.success ? reported.data.tick : (run?.progressTick ?? 0);
        return {
          runId,
          experimentId,
          experimentName: run?.experiment.name ?? null,
          ownerName: run?.experiment.owner.name ?? null,
          workerId: job.processedBy ?? run?.workerId ?? null,
          tick,
          steps,
          progress: steps > 0 ? Math.min(1, tick / steps) : 0,
          startedAt: job.processedOn ? new Date(job.processedOn).toISOString() : (run?.startedAt?.toISOString() ?? null),
        };
      });
      return {
        counts: Object.fromEntries(QUEUE_STATES.map((state) => [state, counts[state] ?? 0])) as Record<QueueState, number>,
        workers: workers.map((w) => ({ ...w, activeRuns: active.filter((a) => a.workerId === w.id).length })),
        active,
        failures: failed.map((r) => ({
          runId: r.id,
          experimentId: r.experimentId,
          experimentName: r.experiment.name,
          ownerName: r.experiment.owner.name,
          condition: r.conditionIndex,
          repetition: r.repetition,
          attempts: r.attempts,
          error: r.error ?? 'no error recorded',
          workerId: r.workerId,
          finishedAt: r.finishedAt?.toISOString() ?? null,
        })),
        usage: usage.map((u) => ({ ...u, activeRuns: u.queued + u.running, share: limits.maxActiveRuns > 0 ? Math.min(1, (u.queued + u.running) / limits.maxActiveRuns) : 1 })),
        limits,
      };
    },
  };
}

export type QueueDashboardService = ReturnType<typeof createQueueDashboard>;

/** A BullMQ queue handle for reading the simulation queue (its counts and jobs). */
export function createSimulationQueueReader(connection: Redis, prefix: string): Queue {
  return new Queue(SIMULATION_QUEUE, { connection, prefix });
}
