import { createHash } from 'node:crypto';
import type { TwinExperimentRow, TwinRunRow } from './twin-calibration.repository';
import type { TwinForecast, TwinPosterior, TwinSetup } from './twin-calibration.service';
import { TWIN_SERIES, type TwinObservedSeries } from './twin-initial-state';
import { TWIN_CALIBRATION_SCENARIO, TWIN_SCENARIOS, TWIN_VARIANT } from './twin-scenarios';
import type { TwinSettings } from './twin-settings';

/** What a finished calibration contributes to its archive data set. */
export interface TwinArchiveInput {
  calibrationId: string;
  community: { slug: string; name: string };
  settings: TwinSettings;
  setup: TwinSetup;
  observed: TwinObservedSeries;
  posterior: TwinPosterior;
  forecast: TwinForecast;
  createdAt: Date;
  finishedAt: Date | null;
  experiments: TwinExperimentRow[];
  runs: TwinRunRow[];
}

export interface TwinArchive {
  title: string;
  description: string;
  keywords: string[];
  provenance: string;
  /** SHA-256 of the observed series as canonical JSON (fixed key order, no spaces). */
  observedSha256: string;
  modelVersions: string[];
  files: { name: string; content: string }[];
}

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (header: string[], rows: unknown[][]): string => [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';

/** The hash that names the observed series a calibration was fitted to. */
export function observedSeriesSha256(observed: TwinObservedSeries): string {
  const canonical = JSON.stringify({
    weeks: observed.weeks,
    count1s: observed.count1s,
    count9s: observed.count9s,
    count90s: observed.count90s,
    joins: observed.joins,
    leaves: observed.leaves,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The files of an archived twin (pure): the observed series, the posterior (summary and
 * particles), the posterior predictive band, the forecast per scenario, every simulation run with
 * its parameters and seed, and twin.json with all of it plus the provenance a rerun needs.
 */
export function twinArchiveFiles(input: TwinArchiveInput): TwinArchive {
  const { observed, posterior, forecast, settings, setup } = input;
  const observedSha256 = observedSeriesSha256(observed);
  const modelVersions = [...new Set(input.experiments.map((e) => e.modelVersion))].sort();
  const batchOf = new Map(input.experiments.map((e, i) => [e.id, i + 1]));
  const paramNames = settings.priors.map((p) => p.name);

  const observedCsv = csv(
    ['week', 'count1s', 'count9s', 'count90s', 'joins', 'leaves'],
    observed.weeks.map((week, t) => [week, observed.count1s[t], observed.count9s[t], observed.count90s[t], observed.joins[t], observed.leaves[t]]),
  );
  const summaryCsv = csv(
    ['parameter', 'prior_min', 'prior_max', 'mean', 'median', 'q05', 'q95'],
    posterior.parameters.map((p) => [p.name, p.prior.min, p.prior.max, p.mean, p.median, p.q05, p.q95]),
  );
  const particlesCsv = csv(
    ['particle', 'weight', 'distance', ...paramNames],
    posterior.particles.map((p, i) => [i + 1, p.weight, p.distance, ...paramNames.map((n) => p.params[n])]),
  );
  const predictiveCsv = csv(
    ['series', 'week', 'observed', 'q05', 'median', 'q95'],
    TWIN_SERIES.flatMap((name) => observed.weeks.map((week, t) => [name, week, observed[name][t], forecast.predictive[name]?.q05[t], forecast.predictive[name]?.median[t], forecast.predictive[name]?.q95[t]])),
  );
  const forecastCsv = csv(
    ['scenario', 'week_ahead', 'size_q05', 'size_median', 'size_q95', 'core_q05', 'core_median', 'core_q95'],
    forecast.scenarios.flatMap((s) => s.size.median.map((_, t) => [s.id, t, s.size.q05[t], s.size.median[t], s.size.q95[t], s.core.q05[t], s.core.median[t], s.core.q95[t]])),
  );
  const aliveCsv = csv(
    ['scenario', 'label', 'runs', ...(forecast.scenarios[0]?.alive ?? []).map((a) => `p_alive_${a.weeks}w`), 'collapsed_share', 'median_collapse_week'],
    forecast.scenarios.map((s) => [s.id, s.label, s.runs, ...s.alive.map((a) => a.probability), s.collapsed, s.medianCollapseWeek]),
  );
  const runsCsv = csv(
    ['batch', 'experiment_id', 'condition_index', 'repetition', 'seed', 'status', 'parameters'],
    input.runs.map((r) => [batchOf.get(r.experimentId) ?? '', r.experimentId, r.conditionIndex, r.repetition, r.seed.toString(), r.status, r.parameters]),
  );

  const scenarios = TWIN_SCENARIOS.map((s) => ({ id: s.id, label: s.label, params: s.params }));
  const experiments = input.experiments.map((e, i) => ({ batch: i + 1, id: e.id, name: e.name, status: e.status, totalRuns: e.totalRuns, modelVersion: e.modelVersion, rootSeed: e.rootSeed.toString(), idempotencyKey: e.idempotencyKey }));
  const reproduce =
    `Start a calibration of a community whose observed series hash to ${observedSha256} (observed.csv) with the settings in twin.json (seed ${settings.seed}), ` +
    `on model version ${modelVersions.join(', ') || 'unknown'} (variant "${TWIN_VARIANT}"): the sampler, every particle's parameters and run seed, and so the posterior and forecast, follow from them. ` +
    'Each run in runs.csv can also be rerun alone: its parameters and seed on that model version, the design steps of its experiment.';
  const twinJson = {
    kind: 'p2pvalue-twin',
    calibrationId: input.calibrationId,
    community: input.community,
    modelVersions,
    variant: TWIN_VARIANT,
    calibrationScenario: TWIN_CALIBRATION_SCENARIO.id,
    scenarios,
    settings,
    setup,
    observed,
    observedSha256,
    posterior,
    forecast,
    experiments,
    createdAt: input.createdAt.toISOString(),
    finishedAt: input.finishedAt?.toISOString() ?? null,
    reproduce,
  };

  const title = `Community twin: ${input.community.name} (calibration of ${input.finishedAt?.toISOString().slice(0, 10) ?? input.createdAt.toISOString().slice(0, 10)})`;
  const description =
    `The P2Pvalue agent-based model calibrated by ABC-SMC to the weekly counts of core (#1), occasional (#9) and consuming (#90) members of the community "${input.community.name}" ` +
    `over ${observed.weeks.length} weeks (${observed.weeks[0] ?? '?'} to ${observed.weeks.at(-1) ?? '?'}), and its forecast ${forecast.horizonWeeks} weeks ahead with the platform features off and on. ` +
    'observed.csv: the fitted series; posterior-summary.csv and posterior-particles.csv: the posterior; predictive.csv: the posterior predictive band over the fitted weeks; ' +
    'forecast.csv and forecast-alive.csv: community and core size bands and the probability of being alive per scenario; runs.csv: every simulation run with its parameters and seed; twin.json: all of it with the provenance.';
  const provenance = [
    `Calibration ${input.calibrationId} of community "${input.community.slug}", started ${input.createdAt.toISOString()}, finished ${input.finishedAt?.toISOString() ?? 'unknown'}.`,
    `Model version: ${modelVersions.join(', ') || 'unknown'}; variant: ${TWIN_VARIANT}; features assumed during the fitted weeks: ${TWIN_CALIBRATION_SCENARIO.label}.`,
    `Observed series SHA-256 (canonical JSON of observed.csv's columns): ${observedSha256}.`,
    `Sampler: ABC-SMC, ${settings.populationSize} particles, up to ${settings.generations} generations, alpha ${settings.alpha}, seed ${settings.seed}; forecast: ${settings.forecastDraws} posterior draws × ${TWIN_SCENARIOS.length} scenarios, ${settings.horizonWeeks} weeks.`,
    `Priors: ${settings.priors.map((p) => `${p.name} ~ U(${p.min}, ${p.max})`).join('; ')}.`,
    `Setup of the calibration runs: ${JSON.stringify(setup.calibration)}; of the forecast runs: ${JSON.stringify(setup.forecast)}.`,
    `Simulation experiments (batch: id, root seed): ${experiments.map((e) => `${e.batch}: ${e.id}, ${e.rootSeed}`).join('; ')}.`,
    reproduce,
  ]
    .join('\n')
    .slice(0, 20_000);

  return {
    title,
    description: description.slice(0, 20_000),
    keywords: ['simulation', 'agent-based model', 'P2Pvalue', 'CBPP', 'community health', 'ABC-SMC', 'forecast'],
    provenance,
    observedSha256,
    modelVersions,
    files: [
      { name: 'observed.csv', content: observedCsv },
      { name: 'posterior-summary.csv', content: summaryCsv },
      { name: 'posterior-particles.csv', content: particlesCsv },
      { name: 'predictive.csv', content: predictiveCsv },
      { name: 'forecast.csv', content: forecastCsv },
      { name: 'forecast-alive.csv', content: aliveCsv },
      { name: 'runs.csv', content: runsCsv },
      { name: 'twin.json', content: `${JSON.stringify(twinJson, null, 2)}\n` },
    ],
  };
}
