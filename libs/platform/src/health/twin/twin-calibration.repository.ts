import type { PrismaClient } from '@p2pvalue/db';
import { AppError } from '@p2pvalue/shared';

export type TTwinStatus = 'calibrating' | 'forecasting' | 'completed' | 'failed';

export interface TwinCalibrationRow {
  id: string;
  communityId: string;
  createdById: string;
  status: TTwinStatus;
  settings: unknown;
  setup: unknown;
  observed: unknown;
  seed: bigint;
  state: unknown;
  generation: number;
  experimentId: string | null;
  batches: number;
  posterior: unknown;
  forecast: unknown;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  datasetId: string | null;
}

/** One experiment a calibration created (a batch of particles, or the forecast). */
export interface TwinExperimentRow {
  id: string;
  name: string;
  status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  totalRuns: number;
  modelVersion: string;
  rootSeed: bigint;
  idempotencyKey: string | null;
  createdAt: Date;
}

/** One run of those experiments: what a rerun needs (parameters and seed). */
export interface TwinRunRow {
  experimentId: string;
  conditionIndex: number;
  repetition: number;
  parameters: unknown;
  seed: bigint;
  status: string;
}

/**
 * A new row can collide only with the partial unique index twin_calibration_one_active_idx (its id
 * is fresh and its datasetId null): one calibrating or forecasting calibration per community.
 */
const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

const select = {
  id: true,
  communityId: true,
  createdById: true,
  status: true,
  settings: true,
  setup: true,
  observed: true,
  seed: true,
  state: true,
  generation: true,
  experimentId: true,
  batches: true,
  posterior: true,
  forecast: true,
  error: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
  datasetId: true,
} as const;

/** A step's writes; applied only if nobody else advanced the calibration meanwhile (same `batches`). */
export interface TwinAdvance {
  status?: TTwinStatus;
  state?: object;
  generation?: number;
  experimentId?: string | null;
  batches?: number;
  posterior?: object;
  forecast?: object;
  error?: string;
  finishedAt?: Date;
}

/** The only code that touches the twin_calibration table, plus the community counts the twin starts from. */
export function createTwinCalibrationRepository(db: PrismaClient) {
  return {
    /**
     * Writes a new calibrating calibration. The database refuses a second active one for the same
     * community (partial unique index), whatever checks passed before: that is a CONFLICT.
     */
    async create(input: { communityId: string; createdById: string; settings: object; setup: object; observed: object; seed: number; state: object }): Promise<{ id: string }> {
      try {
        return await db.twinCalibration.create({ data: { ...input, seed: BigInt(input.seed) }, select: { id: true } });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'A calibration of this community is already running.', { details: { reason: 'TWIN_ALREADY_RUNNING' } });
        throw error;
      }
    },

    find(id: string): Promise<TwinCalibrationRow | null> {
      return db.twinCalibration.findUnique({ where: { id }, select });
    },

    latestForCommunity(communityId: string): Promise<TwinCalibrationRow | null> {
      return db.twinCalibration.findFirst({ where: { communityId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select });
    },

    countActive(communityId: string): Promise<number> {
      return db.twinCalibration.count({ where: { communityId, status: { in: ['calibrating', 'forecasting'] } } });
    },

    /** Compare-and-set on `batches`: false when another step already moved the calibration on. */
    async advance(id: string, expectedBatches: number, data: TwinAdvance): Promise<boolean> {
      const updated = await db.twinCalibration.updateMany({ where: { id, batches: expectedBatches, status: { in: ['calibrating', 'forecasting'] } }, data });
      return updated.count === 1;
    },

    /** The experiments the calibration created, oldest first. */
    experimentsOf(calibrationId: string): Promise<TwinExperimentRow[]> {
      return db.experiment.findMany({
        where: { twinCalibrationId: calibrationId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, name: true, status: true, totalRuns: true, modelVersion: true, rootSeed: true, idempotencyKey: true, createdAt: true },
      });
    },

    /** Every run of those experiments (parameters and seeds, no results). */
    runsOf(calibrationId: string): Promise<TwinRunRow[]> {
      return db.experimentRun.findMany({
        where: { experiment: { twinCalibrationId: calibrationId } },
        orderBy: [{ experiment: { createdAt: 'asc' } }, { experimentId: 'asc' }, { conditionIndex: 'asc' }, { repetition: 'asc' }],
        select: { experimentId: true, conditionIndex: true, repetition: true, parameters: true, seed: true, status: true },
      });
    },

    /** Takes the archiving lease unless the calibration is archived or someone else holds a fresh lease. */
    async claimArchiving(id: string, now: Date, staleBefore: Date): Promise<boolean> {
      const updated = await db.twinCalibration.updateMany({
        where: { id, status: 'completed', datasetId: null, OR: [{ archivingAt: null }, { archivingAt: { lt: staleBefore } }] },
        data: { archivingAt: now },
      });
      return updated.count === 1;
    },

    async finishArchiving(id: string, datasetId: string): Promise<void> {
      await db.twinCalibration.update({ where: { id }, data: { datasetId, archivingAt: null }, select: { id: true } });
    },

    async releaseArchiving(id: string): Promise<void> {
      await db.twinCalibration.updateMany({ where: { id, datasetId: null }, data: { archivingAt: null } });
    },

    /** Projects not archived, and needs open for funding or work (open, funded, in progress). */
    async communityCounts(communityId: string): Promise<{ projects: number; openNeeds: number }> {
      const [projects, openNeeds] = await Promise.all([
        db.project.count({ where: { communityId, archived: false } }),
        db.need.count({ where: { communityId, status: { in: ['open', 'funded', 'in_progress'] } } }),
      ]);
      return { projects, openNeeds };
    },
  };
}

export type TwinCalibrationRepository = ReturnType<typeof createTwinCalibrationRepository>;
