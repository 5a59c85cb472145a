import { Prisma, type PrismaClient } from '@p2pvalue/db';

export type TExperimentStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type TRunStatus = TExperimentStatus;

export interface NewExperimentRun {
  conditionIndex: number;
  repetition: number;
  parameters: Record<string, number | boolean | string>;
  seed: number;
}

export interface ExperimentRow {
  id: string;
  ownerId: string;
  name: string;
  design: unknown;
  modelVersion: string;
  rootSeed: bigint;
  totalRuns: number;
  status: TExperimentStatus;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface RunForWorker {
  id: string;
  experimentId: string;
  conditionIndex: number;
  repetition: number;
  parameters: unknown;
  seed: bigint;
  status: TRunStatus;
  attempts: number;
  checkpoint: Uint8Array | null;
  checkpointTick: number | null;
  experiment: { status: TExperimentStatus; design: unknown; modelVersion: string };
}

const experimentSelect = {
  id: true,
  ownerId: true,
  name: true,
  design: true,
  modelVersion: true,
  rootSeed: true,
  totalRuns: true,
  status: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

const ACTIVE: TRunStatus[] = ['queued', 'running'];

/** Keyset position in the newest-first experiment list. */
export interface ExperimentListCursor {
  createdAt: Date;
  id: string;
}

/** The only code that touches the experiment tables. */
export function createExperimentRepository(db: PrismaClient) {
  return {
    /** Writes the experiment and all its runs in one transaction; returns the run ids in run order. */
    async createWithRuns(input: {
      ownerId: string;
      name: string;
      design: object;
      modelVersion: string;
      rootSeed: number;
      idempotencyKey: string | null;
      runs: NewExperimentRun[];
      /**
       * Called in the transaction with the owner's runs already queued or running, before anything
       * is written; throwing refuses the experiment. Submissions of one owner are serialised
       * (a transaction-level advisory lock), so two at once cannot both slip under a limit.
       */
      checkActiveRuns?: (activeRuns: number) => void;
      /** The community twin calibration whose work this is (hidden from the owner's list). */
      twinCalibrationId?: string;
    }): Promise<{ id: string; runIds: string[] }> {
      return db.$transaction(
        async (tx) => {
          if (input.checkActiveRuns) {
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`experiment-submit:${input.ownerId}`}))`;
            input.checkActiveRuns(await tx.experimentRun.count({ where: { status: { in: ACTIVE }, experiment: { ownerId: input.ownerId } } }));
          }
          const experiment = await tx.experiment.create({
            data: {
              ownerId: input.ownerId,
              name: input.name,
              design: input.design,
              modelVersion: input.modelVersion,
              rootSeed: BigInt(input.rootSeed),
              totalRuns: input.runs.length,
              idempotencyKey: input.idempotencyKey,
              twinCalibrationId: input.twinCalibrationId ?? null,
            },
            select: { id: true },
          });
          const runs = await tx.experimentRun.createManyAndReturn({
            data: input.runs.map((r) => ({
              experimentId: experiment.id,
              conditionIndex: r.conditionIndex,
              repetition: r.repetition,
              parameters: r.parameters,
              seed: BigInt(r.seed),
            })),
            select: { id: true, conditionIndex: true, repetition: true },
          });
          runs.sort((a, b) => a.conditionIndex - b.conditionIndex || a.repetition - b.repetition);
          return { id: experiment.id, runIds: runs.map((r) => r.id) };
        },
        { timeout: 60_000, maxWait: 20_000 },
      );
    },

    findByIdempotencyKey(ownerId: string, idempotencyKey: string) {
      return db.experiment.findUnique({ where: { ownerId_idempotencyKey: { ownerId, idempotencyKey } }, select: { id: true } });
    },

    findExperiment(id: string): Promise<ExperimentRow | null> {
      return db.experiment.findUnique({ where: { id }, select: experimentSelect });
    },

    findRunOwner(runId: string) {
      return db.experimentRun.findUnique({ where: { id: runId }, select: { id: true, experimentId: true, status: true, experiment: { select: { ownerId: true } } } });
    },

    async runIds(experimentId: string, statuses?: TRunStatus[]): Promise<string[]> {
      const rows = await db.experimentRun.findMany({
        where: { experimentId, ...(statuses ? { status: { in: statuses } } : {}) },
        orderBy: [{ conditionIndex: 'asc' }, { repetition: 'asc' }],
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },

    async runCounts(experimentId: string) {
      const rows = await db.experimentRun.groupBy({
        by: ['status'],
        where: { experimentId },
        _count: { _all: true },
        _sum: { progressTick: true },
      });
      const counts: Record<TRunStatus, number> = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };
      let ticks = 0;
      for (const row of rows) {
        counts[row.status] = row._count._all;
        ticks += row._sum.progressTick ?? 0;
      }
      return { counts, ticks };
    },

    /** Cancels the experiment and every run that has not finished. */
    async cancelExperiment(id: string, now: Date): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const updated = await tx.experiment.updateMany({ where: { id, status: { in: ACTIVE } }, data: { status: 'cancelled', finishedAt: now } });
        await tx.experimentRun.updateMany({ where: { experimentId: id, status: { in: ACTIVE } }, data: { status: 'cancelled', finishedAt: now, checkpoint: null } });
        return updated.count === 1;
      });
    },

    async cancelRun(runId: string, now: Date): Promise<boolean> {
      const updated = await db.experimentRun.updateMany({ where: { id: runId, status: { in: ACTIVE } }, data: { status: 'cancelled', finishedAt: now, checkpoint: null } });
      return updated.count === 1;
    },

    /**
     * Puts failed (and cancelled) runs back in the queue and reopens the experiment; returns their
     * ids. A run without a checkpoint starts again from tick 0. `checkActiveRuns` gets the owner's
     * active runs and the number about to be requeued, under the same lock as a submission, and
     * may refuse by throwing; `onlyRunIds` narrows it to those runs.
     */
    async requeueRuns(experimentId: string, statuses: TRunStatus[], checkActiveRuns?: (activeRuns: number, requeued: number) => void, onlyRunIds?: string[]): Promise<string[]> {
      return db.$transaction(async (tx) => {
        const rows = await tx.experimentRun.findMany({
          where: { experimentId, status: { in: statuses }, ...(onlyRunIds ? { id: { in: onlyRunIds } } : {}) },
          select: { id: true },
          orderBy: [{ conditionIndex: 'asc' }, { repetition: 'asc' }],
        });
        if (rows.length === 0) return [];
        if (checkActiveRuns) {
          const owner = await tx.experiment.findUniqueOrThrow({ where: { id: experimentId }, select: { ownerId: true } });
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`experiment-submit:${owner.ownerId}`}))`;
          checkActiveRuns(await tx.experimentRun.count({ where: { status: { in: ACTIVE }, experiment: { ownerId: owner.ownerId } } }), rows.length);
        }
        const ids = rows.map((r) => r.id);
        await tx.experimentRun.updateMany({ where: { id: { in: ids } }, data: { status: 'queued', error: null, attempts: 0, finishedAt: null } });
        // Progress goes back to where the run will resume (a cancelled run lost its checkpoint).
        await tx.$executeRaw`UPDATE "experiment_run" SET "progressTick" = CASE WHEN "checkpoint" IS NULL THEN 0 ELSE coalesce("checkpointTick", 0) END WHERE "id" = ANY(${ids}::uuid[])`;
        await tx.experiment.update({ where: { id: experimentId }, data: { status: 'queued', finishedAt: null } });
        return ids;
      });
    },

    /** Runs queued or running across all of an owner's experiments. */
    countActiveRuns(ownerId: string): Promise<number> {
      return db.experimentRun.count({ where: { status: { in: ACTIVE }, experiment: { ownerId } } });
    },

    /** Active (queued, running) runs per owner, most first: the staff queue dashboard's usage table. */
    async activeRunsByOwner(take: number): Promise<Array<{ ownerId: string; ownerName: string; queued: number; running: number; maxSteps: number }>> {
      const rows = await db.$queryRaw<Array<{ ownerId: string; ownerName: string; queued: number; running: number; maxSteps: number }>>(Prisma.sql`
        SELECT e."ownerId" AS "ownerId", u."name" AS "ownerName",
               count(*) FILTER (WHERE r."status" = 'queued')::int AS "queued",
               count(*) FILTER (WHERE r."status" = 'running')::int AS "running",
               coalesce(max((e."design"->>'steps')::int), 0)::int AS "maxSteps"
          FROM "experiment_run" r
          JOIN "experiment" e ON e."id" = r."experimentId"
          JOIN "user" u ON u."id" = e."ownerId"
         WHERE r."status" IN ('queued', 'running')
         GROUP BY e."ownerId", u."name"
         ORDER BY count(*) DESC, e."ownerId"
         LIMIT ${take}`);
      return rows;
    },

    /** The latest runs that failed for good, with their error. */
    recentFailedRuns(take: number) {
      return db.experimentRun.findMany({
        where: { status: 'failed' },
        orderBy: [{ finishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
        take,
        select: { id: true, experimentId: true, conditionIndex: true, repetition: true, attempts: true, error: true, finishedAt: true, workerId: true, experiment: { select: { name: true, owner: { select: { name: true } } } } },
      });
    },

    /** Runs by id with their worker, tick and experiment (to describe the queue's active jobs). */
    runsByIds(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.experimentRun.findMany({
        where: { id: { in: ids } },
        select: { id: true, experimentId: true, status: true, workerId: true, progressTick: true, startedAt: true, experiment: { select: { name: true, design: true, owner: { select: { name: true } } } } },
      });
    },

    /**
     * One page of experiments, newest first, after `cursor` (exclusive); every owner when `ownerId`
     * is null. A community twin's experiments are not listed (the twin links to them).
     */
    listPage(opts: { ownerId: string | null; cursor: ExperimentListCursor | null; take: number }) {
      const after: Prisma.ExperimentWhereInput = opts.cursor
        ? { OR: [{ createdAt: { lt: opts.cursor.createdAt } }, { createdAt: opts.cursor.createdAt, id: { lt: opts.cursor.id } }] }
        : {};
      return db.experiment.findMany({
        where: { ...(opts.ownerId === null ? {} : { ownerId: opts.ownerId }), twinCalibrationId: null, ...after },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: opts.take,
        select: { ...experimentSelect, owner: { select: { name: true } } },
      });
    },

    /** Run counts by status and ticks done, for several experiments in one query. */
    async runCountsMany(experimentIds: string[]): Promise<Map<string, { counts: Record<TRunStatus, number>; ticks: number }>> {
      const out = new Map<string, { counts: Record<TRunStatus, number>; ticks: number }>();
      if (experimentIds.length === 0) return out;
      const rows = await db.experimentRun.groupBy({
        by: ['experimentId', 'status'],
        where: { experimentId: { in: experimentIds } },
        _count: { _all: true },
        _sum: { progressTick: true },
      });
      for (const row of rows) {
        const entry = out.get(row.experimentId) ?? { counts: { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 }, ticks: 0 };
        entry.counts[row.status] = row._count._all;
        entry.ticks += row._sum.progressTick ?? 0;
        out.set(row.experimentId, entry);
      }
      return out;
    },

    // --- worker side -------------------------------------------------------------------------

    findRunForWorker(runId: string): Promise<RunForWorker | null> {
      return db.experimentRun.findUnique({
        where: { id: runId },
        select: {
          id: true,
          experimentId: true,
          conditionIndex: true,
          repetition: true,
          parameters: true,
          seed: true,
          status: true,
          attempts: true,
          checkpoint: true,
          checkpointTick: true,
          experiment: { select: { status: true, design: true, modelVersion: true } },
        },
      });
    },

    /**
     * Claims a queued or running (stalled, retried) run for this worker and opens its experiment;
     * false if it finished or was cancelled. One statement: it is paid once per run.
     */
    async claimRun(runId: string, workerId: string, now: Date): Promise<boolean> {
      const rows = await db.$queryRaw<Array<{ claimed: number }>>(Prisma.sql`
        WITH claimed AS (
          UPDATE "experiment_run"
             SET "status" = 'running', "workerId" = ${workerId}, "attempts" = "attempts" + 1, "startedAt" = coalesce("startedAt", ${now})
           WHERE "id" = ${runId}::uuid AND "status" IN ('queued', 'running')
          RETURNING "experimentId"
        ), opened AS (
          UPDATE "experiment" e
             SET "status" = CASE WHEN e."status" = 'queued' THEN 'running'::"experiment_status" ELSE e."status" END,
                 "startedAt" = coalesce(e."startedAt", ${now})
            FROM claimed
           WHERE e."id" = claimed."experimentId" AND (e."status" = 'queued' OR e."startedAt" IS NULL)
          RETURNING e."id"
        )
        SELECT (SELECT count(*) FROM claimed)::int AS "claimed", (SELECT count(*) FROM opened)::int AS "opened"`);
      return (rows[0]?.claimed ?? 0) === 1;
    },

    /** Records the tick reached unless the run was cancelled meanwhile; returns whether it may go on. */
    async saveProgress(runId: string, tick: number): Promise<boolean> {
      const updated = await db.experimentRun.updateMany({
        where: { id: runId, status: 'running', experiment: { status: { in: ACTIVE } } },
        data: { progressTick: tick },
      });
      return updated.count === 1;
    },

    /** Saves a checkpoint unless the run was cancelled meanwhile; returns whether it may go on. */
    async saveCheckpoint(runId: string, tick: number, checkpoint: Uint8Array, computeMs: number): Promise<boolean> {
      const updated = await db.experimentRun.updateMany({
        where: { id: runId, status: 'running', experiment: { status: { in: ACTIVE } } },
        data: { checkpoint: new Uint8Array(checkpoint), checkpointTick: tick, progressTick: tick, computeMs: { increment: computeMs } },
      });
      return updated.count === 1;
    },

    /** Stores the results once: a run that is already completed (or cancelled) is left unchanged. */
    async completeRun(runId: string, result: { tick: number; summary: object; series: Uint8Array; computeMs: number }, now: Date): Promise<boolean> {
      const updated = await db.experimentRun.updateMany({
        where: { id: runId, status: 'running' },
        data: {
          status: 'completed',
          progressTick: result.tick,
          summary: result.summary,
          series: new Uint8Array(result.series),
          checkpoint: null,
          finishedAt: now,
          error: null,
          computeMs: { increment: result.computeMs },
        },
      });
      return updated.count === 1;
    },

    async failRun(runId: string, error: string, final: boolean, now: Date): Promise<void> {
      await db.experimentRun.updateMany({
        where: { id: runId, status: final ? { in: ACTIVE } : 'running' },
        data: final ? { status: 'failed', error, finishedAt: now } : { error },
      });
    },

    /** Closes an experiment whose runs have all finished: failed if any run failed, else completed. */
    async finishExperimentIfDone(experimentId: string, now: Date): Promise<TExperimentStatus | null> {
      const rows = await db.$queryRaw<Array<{ status: TExperimentStatus }>>(Prisma.sql`
        UPDATE "experiment" e
           SET "status" = CASE WHEN EXISTS (SELECT 1 FROM "experiment_run" r WHERE r."experimentId" = e."id" AND r."status" = 'failed')
                               THEN 'failed'::"experiment_status" ELSE 'completed'::"experiment_status" END,
               "finishedAt" = ${now}
         WHERE e."id" = ${experimentId}::uuid
           AND e."status" IN ('queued', 'running')
           AND NOT EXISTS (SELECT 1 FROM "experiment_run" r WHERE r."experimentId" = e."id" AND r."status" IN ('queued', 'running'))
        RETURNING e."status"::text AS "status"`);
      return rows[0]?.status ?? null;
    },

    findRunResult(runId: string) {
      return db.experimentRun.findUnique({ where: { id: runId }, select: { id: true, status: true, summary: true, series: true, seed: true, conditionIndex: true, repetition: true, attempts: true, progressTick: true } });
    },
  };
}

export type ExperimentRepository = ReturnType<typeof createExperimentRepository>;
