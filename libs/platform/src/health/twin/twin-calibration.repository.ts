import type { PrismaClient } from '@p2pvalue/db';

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
}

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
    async create(input: { communityId: string; createdById: string; settings: object; setup: object; observed: object; seed: number; state: object }): Promise<{ id: string }> {
      return db.twinCalibration.create({ data: { ...input, seed: BigInt(input.seed) }, select: { id: true } });
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
