import { z } from 'zod';
import { AppError } from '@p2pvalue/shared';
import type { AccessActor } from '../../access/access.policy';
import type { AccessService } from '../../access/access.service';
import type { ExperimentArchivePort } from '../../experiments/experiment-results-archive.port';
import type { CommunityCaseRepository } from '../community-case.repository';
import type { TwinCalibrationRepository } from './twin-calibration.repository';
import type { TwinForecast, TwinPosterior, TwinSetup } from './twin-calibration.service';
import { twinArchiveFiles } from './twin-archive-files';
import type { TwinObservedSeries } from './twin-initial-state';
import type { TwinSettings } from './twin-settings';

/** How long an "archive as data set" attempt holds the calibration before another may try. */
const ARCHIVE_LEASE_MS = 5 * 60_000;

/**
 * "Archive as data set" for a finished twin (issue 9, "Link to the directory"): publishes its
 * observed series, posterior, forecast and runs with their provenance as a citable data set in the
 * archive, linked to the community's directory case when it has one. Once per calibration: asking
 * again returns the same data set. Community admins and staff; the archiver is the depositor.
 */
export function createTwinArchiveService(deps: {
  twins: TwinCalibrationRepository;
  cases: CommunityCaseRepository;
  access: AccessService;
  archive: ExperimentArchivePort;
  clock: () => Date;
}) {
  const { twins, clock } = deps;
  return {
    async archive(actor: AccessActor, slug: string, calibrationId: string): Promise<{ datasetId: string; created: boolean }> {
      const { community, permissions } = await deps.access.communityBySlugOrThrow(actor, slug);
      if (!permissions.isAdmin && actor.role !== 'staff') throw new AppError('FORBIDDEN', 'Only community admins can archive its twin.');
      const id = z.uuid().safeParse(calibrationId);
      const row = id.success ? await twins.find(id.data) : null;
      if (!row || row.communityId !== community.id) throw new AppError('NOT_FOUND', 'No such calibration.');
      if (row.datasetId) return { datasetId: row.datasetId, created: false };
      if (row.status !== 'completed' || !row.posterior || !row.forecast) throw new AppError('CONFLICT', 'Only a finished calibration (with its forecast) can be archived.');
      const now = clock();
      if (!(await twins.claimArchiving(row.id, now, new Date(now.getTime() - ARCHIVE_LEASE_MS)))) {
        const again = await twins.find(row.id);
        if (again?.datasetId) return { datasetId: again.datasetId, created: false };
        throw new AppError('CONFLICT', 'This calibration is being archived right now; try again in a moment.');
      }
      try {
        const [experiments, runs, linked] = await Promise.all([twins.experimentsOf(row.id), twins.runsOf(row.id), deps.cases.linkedCase(community.id)]);
        const archive = twinArchiveFiles({
          calibrationId: row.id,
          community: { slug: community.slug, name: community.name },
          settings: row.settings as TwinSettings,
          setup: row.setup as TwinSetup,
          observed: row.observed as TwinObservedSeries,
          posterior: row.posterior as TwinPosterior,
          forecast: row.forecast as TwinForecast,
          createdAt: row.createdAt,
          finishedAt: row.finishedAt,
          experiments,
          runs,
        });
        const encoder = new TextEncoder();
        const published = await deps.archive.publishDataset({
          ownerId: actor.id,
          metadata: {
            title: archive.title,
            description: archive.description,
            creators: [{ name: `${community.name} (P2Pvalue community)` }],
            keywords: archive.keywords,
            licence: 'CC-BY-4.0',
            provenance: archive.provenance,
          },
          files: archive.files.map((f) => ({ name: f.name, content: encoder.encode(f.content) })),
          caseIds: linked ? [linked.id] : [],
        });
        await twins.finishArchiving(row.id, published.datasetId);
        return { datasetId: published.datasetId, created: true };
      } catch (error) {
        await twins.releaseArchiving(row.id);
        throw error;
      }
    },
  };
}

export type TwinArchiveService = ReturnType<typeof createTwinArchiveService>;
