import { createExperimentRepository, createHealthRepository, createTwinCalibrationRepository, createTwinService, type TwinService } from '@p2pvalue/platform';
import type { PrismaClient } from '@p2pvalue/db';
import { platformServices } from '../platform';
import { getTwinStepQueue } from './twin-queue';

/** The community twin service over a Prisma client and the BullMQ twin queue. */
export function twinService(db: PrismaClient): TwinService {
  return createTwinService({
    twins: createTwinCalibrationRepository(db),
    health: createHealthRepository(db),
    access: platformServices(db).access,
    experiments: createExperimentRepository(db),
    queue: getTwinStepQueue(),
    clock: () => new Date(),
  });
}
