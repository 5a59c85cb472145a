import { startAbcSmc, type AbcGenerationRecord, type AbcSmcState, type ParameterPosterior, type SeriesBand } from '@p2pvalue/sim';
import { AppError } from '@p2pvalue/shared';
import type { AccessActor } from '../../access/access.policy';
import type { AccessService } from '../../access/access.service';
import type { ExperimentRepository } from '../../experiments/experiment.repository';
import { computeCommunityHealth } from '../community-health';
import type { HealthRepository } from '../health.repository';
import { DEFAULT_ROLE_RULES } from '../health.types';
import type { TwinCalibrationRepository, TwinCalibrationRow, TTwinStatus } from './twin-calibration.repository';
import type { ScenarioForecast } from './twin-forecast';
import { countsAtStart, twinInitialState, twinObservedSeries, type TwinMappingNote, type TwinObservedSeries } from './twin-initial-state';
import type { TwinQueuePort } from './twin-queue.port';
import { abcSettingsOf, resolveTwinSettings, type TwinSettings } from './twin-settings';

export interface TwinSetup {
  /** Setup of the calibration runs: the community at the start of the fitted weeks. */
  calibration: Record<string, number>;
  /** Setup of the forecast runs: the community now. */
  forecast: Record<string, number>;
  notes: { calibration: TwinMappingNote[]; forecast: TwinMappingNote[] };
}

export interface TwinPosterior {
  parameters: ParameterPosterior[];
  particles: { params: Record<string, number>; weight: number; distance: number }[];
  history: AbcGenerationRecord[];
  stopReason: string | null;
}

export interface TwinForecast {
  horizonWeeks: number;
  draws: number;
  /** Posterior predictive band over the observed weeks, per fitted series. */
  predictive: Record<string, SeriesBand>;
  scenarios: ScenarioForecast[];
}

export interface TwinView {
  id: string;
  status: TTwinStatus;
  settings: TwinSettings;
  observed: TwinObservedSeries;
  setup: TwinSetup;
  generation: number;
  batches: number;
  /** Tolerance per finished generation. */
  history: AbcGenerationRecord[];
  /** Runs of the batch (or forecast) in flight. */
  batch: { total: number; done: number; failed: number } | null;
  posterior: TwinPosterior | null;
  forecast: TwinForecast | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** The archive data set of this calibration, once archived. */
  datasetId: string | null;
  /**
   * The experiments of this calibration ("runs of this calibration"). They belong to whoever
   * started it and are hidden from their experiment list; only that person and staff may open
   * them (`canOpen`), everyone else sees how many there were.
   */
  runs: { canOpen: boolean; experiments: { id: string; name: string; status: string; totalRuns: number }[] };
}

/**
 * The simulation twin of a community (docs/health.md, "The twin"): starts a calibration (ABC-SMC
 * whose particles are runs of experiments on the workers, advanced by `createTwinCoordinator`)
 * and shows its progress, posterior and forecast.
 */
export function createTwinService(deps: {
  twins: TwinCalibrationRepository;
  health: HealthRepository;
  access: AccessService;
  experiments: ExperimentRepository;
  queue: Pick<TwinQueuePort, 'enqueueStep'>;
  clock: () => Date;
}) {
  const { twins, experiments, queue, clock } = deps;

  async function communityOrThrow(actor: AccessActor, slug: string, need: 'read' | 'start') {
    const { community, permissions } = await deps.access.communityBySlugOrThrow(actor, slug);
    const staff = actor.role === 'staff';
    if (need === 'read' && !permissions.isMember && !staff) throw new AppError('FORBIDDEN', 'Only members of this community can see its twin.');
    if (need === 'start' && !permissions.isAdmin && !staff) throw new AppError('FORBIDDEN', 'Only community admins can calibrate its twin.');
    return community;
  }

  function toView(row: TwinCalibrationRow, batch: TwinView['batch'], runs: TwinView['runs']): TwinView {
    const state = row.state as AbcSmcState;
    return {
      id: row.id,
      status: row.status,
      settings: row.settings as TwinSettings,
      observed: row.observed as TwinObservedSeries,
      setup: row.setup as TwinSetup,
      generation: row.generation,
      batches: row.batches,
      history: state.history,
      batch,
      posterior: (row.posterior as TwinPosterior | null) ?? null,
      forecast: (row.forecast as TwinForecast | null) ?? null,
      error: row.error,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      datasetId: row.datasetId,
      runs,
    };
  }

  return {
    /**
     * Starts a calibration of the community's twin (community admins and staff): reads the
     * dashboard's weekly series, maps the community onto the model's setup, stores the sampler
     * and queues its first step. One calibration at a time per community: the check below gives
     * the usual answer early, the database's partial unique index settles concurrent starts
     * (CONFLICT either way).
     */
    async start(actor: AccessActor, slug: string, settingsInput: unknown): Promise<{ id: string }> {
      const community = await communityOrThrow(actor, slug, 'start');
      const now = clock();
      const settings = resolveTwinSettings(settingsInput, now.getTime() % 2 ** 31);
      if ((await twins.countActive(community.id)) > 0) throw new AppError('CONFLICT', 'A calibration of this community is already running.');
      const [ledger, counts] = await Promise.all([deps.health.ledger(community.id), twins.communityCounts(community.id)]);
      const health = computeCommunityHealth(ledger, now, DEFAULT_ROLE_RULES);
      const observed = twinObservedSeries(health.weeks, settings.fitWeeks);
      if (observed.weeks.length < 5) throw new AppError('BAD_REQUEST', 'The community needs at least five complete weeks of history to calibrate its twin.');
      const atStart = twinInitialState(countsAtStart(observed, counts));
      const last = observed.weeks.length - 1;
      const current = twinInitialState({ count1s: observed.count1s[last] ?? 0, count9s: observed.count9s[last] ?? 0, count90s: observed.count90s[last] ?? 0, ...counts });
      const setup: TwinSetup = { calibration: atStart.params, forecast: current.params, notes: { calibration: atStart.notes, forecast: current.notes } };
      const state = startAbcSmc(abcSettingsOf(settings));
      const created = await twins.create({ communityId: community.id, createdById: actor.id, settings, setup, observed, seed: settings.seed, state });
      await queue.enqueueStep({ calibrationId: created.id });
      return created;
    },

    /** The community's latest calibration with its progress, posterior and forecast (members and staff). */
    async latest(actor: AccessActor, slug: string): Promise<TwinView | null> {
      const community = await communityOrThrow(actor, slug, 'read');
      const row = await twins.latestForCommunity(community.id);
      if (!row) return null;
      let batch: TwinView['batch'] = null;
      if (row.experimentId && (row.status === 'calibrating' || row.status === 'forecasting')) {
        const { counts } = await experiments.runCounts(row.experimentId);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        batch = { total, done: counts.completed, failed: counts.failed + counts.cancelled };
      }
      const canOpen = row.createdById === actor.id || actor.role === 'staff';
      const experimentRows = await twins.experimentsOf(row.id);
      const runs = { canOpen, experiments: experimentRows.map((e) => ({ id: e.id, name: e.name, status: e.status, totalRuns: e.totalRuns })) };
      return toView(row, batch, runs);
    },
  };
}

export type TwinService = ReturnType<typeof createTwinService>;
