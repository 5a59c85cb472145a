import type { PrismaClient } from '@p2pvalue/db';
import type { TRunStatus } from './experiment.repository';

export interface RunRow {
  id: string;
  conditionIndex: number;
  repetition: number;
  parameters: unknown;
  seed: bigint;
  status: TRunStatus;
  attempts: number;
  progressTick: number;
  summary: unknown;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface RunResultRow {
  id: string;
  conditionIndex: number;
  repetition: number;
  parameters: unknown;
  seed: bigint;
  status: TRunStatus;
  summary: unknown;
  series: Uint8Array | null;
}

const runSelect = {
  id: true,
  conditionIndex: true,
  repetition: true,
  parameters: true,
  seed: true,
  status: true,
  attempts: true,
  progressTick: true,
  summary: true,
  error: true,
  startedAt: true,
  finishedAt: true,
} as const;

/** Reads of runs and results, and the experiment's link to its archived data set. */
export function createExperimentResultsRepository(db: PrismaClient) {
  return {
    findArchiveState(experimentId: string) {
      return db.experiment.findUnique({ where: { id: experimentId }, select: { datasetId: true, archivingAt: true, owner: { select: { name: true } } } });
    },

    async listRuns(experimentId: string, options: { statuses?: TRunStatus[]; skip: number; take: number }): Promise<{ total: number; items: RunRow[] }> {
      const where = { experimentId, ...(options.statuses ? { status: { in: options.statuses } } : {}) };
      const [total, items] = await Promise.all([
        db.experimentRun.count({ where }),
        db.experimentRun.findMany({ where, orderBy: [{ conditionIndex: 'asc' }, { repetition: 'asc' }], skip: options.skip, take: options.take, select: runSelect }),
      ]);
      return { total, items };
    },

    /** Runs with their stored results in run order, one page at a time (keyset on condition, repetition). */
    async resultPage(experimentId: string, after: { conditionIndex: number; repetition: number } | null, take: number): Promise<RunResultRow[]> {
      return db.experimentRun.findMany({
        where: {
          experimentId,
          ...(after
            ? { OR: [{ conditionIndex: { gt: after.conditionIndex } }, { conditionIndex: after.conditionIndex, repetition: { gt: after.repetition } }] }
            : {}),
        },
        orderBy: [{ conditionIndex: 'asc' }, { repetition: 'asc' }],
        take,
        select: { id: true, conditionIndex: true, repetition: true, parameters: true, seed: true, status: true, summary: true, series: true },
      });
    },

    /** The parameters of each condition, from its first repetition, in condition order. */
    conditionParameters(experimentId: string) {
      return db.experimentRun.findMany({ where: { experimentId, repetition: 0 }, orderBy: { conditionIndex: 'asc' }, select: { conditionIndex: true, parameters: true } });
    },

    /** Final values of the completed runs of some conditions. */
    conditionSummaries(experimentId: string, conditionIndexes: number[]) {
      return db.experimentRun.findMany({
        where: { experimentId, status: 'completed', conditionIndex: { in: conditionIndexes } },
        orderBy: [{ conditionIndex: 'asc' }, { repetition: 'asc' }],
        select: { conditionIndex: true, summary: true },
      });
    },

    /** Completed runs' parameters and final values (no series), in run order, one page at a time. */
    async summaryPage(experimentId: string, after: { conditionIndex: number; repetition: number } | null, take: number) {
      return db.experimentRun.findMany({
        where: {
          experimentId,
          status: 'completed',
          ...(after
            ? { OR: [{ conditionIndex: { gt: after.conditionIndex } }, { conditionIndex: after.conditionIndex, repetition: { gt: after.repetition } }] }
            : {}),
        },
        orderBy: [{ conditionIndex: 'asc' }, { repetition: 'asc' }],
        take,
        select: { conditionIndex: true, repetition: true, parameters: true, summary: true },
      });
    },

    /** Takes the archiving lease unless the experiment is archived or someone else holds a fresh lease. */
    async claimArchiving(experimentId: string, now: Date, staleBefore: Date): Promise<boolean> {
      const updated = await db.experiment.updateMany({
        where: { id: experimentId, datasetId: null, OR: [{ archivingAt: null }, { archivingAt: { lt: staleBefore } }] },
        data: { archivingAt: now },
      });
      return updated.count === 1;
    },

    async finishArchiving(experimentId: string, datasetId: string): Promise<void> {
      await db.experiment.update({ where: { id: experimentId }, data: { datasetId, archivingAt: null } });
    },

    async releaseArchiving(experimentId: string): Promise<void> {
      await db.experiment.updateMany({ where: { id: experimentId, datasetId: null }, data: { archivingAt: null } });
    },
  };
}

export type ExperimentResultsRepository = ReturnType<typeof createExperimentResultsRepository>;
