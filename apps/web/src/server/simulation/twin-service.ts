import {
  createCommunityCaseRepository,
  createCommunityCaseService,
  createExperimentRepository,
  createHealthRepository,
  createTwinArchiveService,
  createTwinCalibrationRepository,
  createTwinService,
  type CommunityCaseService,
  type TwinArchiveService,
  type TwinService,
} from '@p2pvalue/platform';
import type { PrismaClient } from '@p2pvalue/db';
import { platformServices } from '../platform';
import { datasetArchive } from './experiment-results-service';
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

/** "Archive as data set" for a finished twin, over the archive's dataset service. */
export function twinArchiveService(db: PrismaClient): TwinArchiveService {
  return createTwinArchiveService({
    twins: createTwinCalibrationRepository(db),
    cases: createCommunityCaseRepository(db),
    access: platformServices(db).access,
    archive: datasetArchive(db),
    clock: () => new Date(),
  });
}

/** A community's link to its directory case. */
export function communityCaseService(db: PrismaClient): CommunityCaseService {
  return createCommunityCaseService({ cases: createCommunityCaseRepository(db), access: platformServices(db).access });
}
