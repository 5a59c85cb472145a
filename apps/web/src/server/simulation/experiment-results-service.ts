import type { PrismaClient } from '@p2pvalue/db';
import { createDatasetService } from '@p2pvalue/directory';
import { createExperimentRepository, createExperimentResultsRepository, createExperimentResultsService, type ExperimentArchivePort, type ExperimentResultsService } from '@p2pvalue/platform';

/** The archive port over libs/directory's dataset service: create, add the files, publish (also the twin's). */
export function datasetArchive(db: PrismaClient): ExperimentArchivePort {
  const datasets = createDatasetService({ db });
  return {
    async publishDataset({ ownerId, metadata, files, caseIds }) {
      const actor = { id: ownerId, isStaff: false };
      const draft = await datasets.createDataset({ actor, metadata, caseIds });
      for (const file of files) await datasets.addFile({ actor, datasetId: draft.datasetId, n: draft.n, name: file.name, content: file.content });
      const published = await datasets.publish({ actor, datasetId: draft.datasetId, n: draft.n });
      return { datasetId: published.datasetId, n: published.n };
    },
  };
}

/** The experiment results service over a Prisma client (one composition for tRPC, REST and pages). */
export function experimentResultsService(db: PrismaClient): ExperimentResultsService {
  return createExperimentResultsService({
    experiments: createExperimentRepository(db),
    results: createExperimentResultsRepository(db),
    archive: datasetArchive(db),
    clock: () => new Date(),
  });
}
