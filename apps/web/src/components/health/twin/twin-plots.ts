// Server only (imports the chart types): the twin's posterior and forecast as chart inputs and tables.
import type { ChartInput } from '~/lib/charts/render-chart';
import type { TTwinViewOutput } from '~/server/trpc/routers/twin.types';
import type { HealthTable } from '../health-chart';
import { weekLabel } from '../health-format';

type Posterior = NonNullable<TTwinViewOutput['posterior']>;
type Forecast = NonNullable<TTwinViewOutput['forecast']>;

export interface TwinPlot {
  chart: ChartInput | null;
  table: HealthTable;
}

const BINS = 10;
const fmt = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });
export const num = (x: number | null) => (x === null ? '—' : fmt.format(x));

/** Posterior weight per tenth of the prior range: the histogram of one calibrated parameter. */
export function posteriorHistogram(posterior: Posterior, name: string): TwinPlot {
  const p = posterior.parameters.find((q) => q.name === name);
  if (!p) return { chart: null, table: { headers: [], rows: [] } };
  const width = (p.prior.max - p.prior.min) / BINS;
  const mass = Array.from({ length: BINS }, () => 0);
  for (const particle of posterior.particles) {
    const v = particle.params[name];
    if (v === undefined) continue;
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor((v - p.prior.min) / width)));
    mass[bin] = (mass[bin] ?? 0) + particle.weight;
  }
  const labels = mass.map((_, i) => `${num(p.prior.min + i * width)}–${num(p.prior.min + (i + 1) * width)}`);
  return {
    chart: { type: 'bar', orientation: 'vertical', title: `Posterior of ${name}`, data: mass.map((m, i) => ({ label: labels[i] as string, value: Math.round(m * 1000) / 10 })) },
    table: { headers: ['Range', 'Posterior weight %'], rows: mass.map((m, i) => [labels[i] as string, `${(m * 100).toFixed(1)} %`]) },
  };
}

const SERIES_LABEL: Record<string, string> = { count1s: 'Core (#1)', count9s: 'Occasional (#9)', count90s: 'Consumers (#90)' };

/** Observed weekly counts against the posterior predictive median and 90% band. */
export function predictivePlot(view: TTwinViewOutput, forecast: Forecast, series: 'count1s' | 'count9s' | 'count90s'): TwinPlot {
  const band = forecast.predictive[series];
  const observed = view.observed[series];
  const weeks = view.observed.weeks;
  if (!band || band.median.length === 0) return { chart: null, table: { headers: [], rows: [] } };
  return {
    chart: {
      type: 'line',
      title: `${SERIES_LABEL[series]}: observed and simulated`,
      categories: weeks,
      series: [
        { name: 'Observed', values: observed },
        { name: 'Twin (median, 90% band)', values: band.median },
      ],
      bands: [null, { lower: band.q05, upper: band.q95 }],
      yAxisName: 'members',
    },
    table: {
      headers: ['Week of', 'Observed', 'Twin median', '5 %', '95 %'],
      rows: weeks.map((w, t) => [weekLabel(w), observed[t] ?? 0, num(band.median[t] ?? null), num(band.q05[t] ?? null), num(band.q95[t] ?? null)]),
    },
  };
}

/** One band per scenario (median line, 90% band) of community size or core size, weeks ahead. */
export function forecastPlot(forecast: Forecast, which: 'size' | 'core', scenarioIds: readonly string[]): TwinPlot {
  const scenarios = forecast.scenarios.filter((s) => scenarioIds.includes(s.id) && s.runs > 0);
  if (scenarios.length === 0) return { chart: null, table: { headers: [], rows: [] } };
  const weeks = Array.from({ length: forecast.horizonWeeks + 1 }, (_, t) => t);
  return {
    chart: {
      type: 'line',
      title: which === 'size' ? 'Forecast community size' : 'Forecast core size (#1)',
      categories: weeks,
      series: scenarios.map((s) => ({ name: s.label, values: s[which].median })),
      bands: scenarios.map((s) => ({ lower: s[which].q05, upper: s[which].q95 })),
      xAxisName: 'weeks ahead',
      yAxisName: 'members',
    },
    table: {
      headers: ['Weeks ahead', ...scenarios.map((s) => `${s.label} (median)`)],
      rows: weeks.filter((t) => t % 4 === 0 || t === forecast.horizonWeeks).map((t) => [t, ...scenarios.map((s) => num(s[which].median[t] ?? null))]),
    },
  };
}
