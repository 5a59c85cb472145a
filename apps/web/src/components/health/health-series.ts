// Server only (imports the chart types): turns the health JSON into chart inputs and tables.
import type { ChartInput } from '~/lib/charts/render-chart';
import type { TCommunityHealthOutput } from '~/server/trpc/routers/health.types';
import type { HealthTable } from './health-chart';
import { decimal, percent, weekLabel } from './health-format';

type Health = TCommunityHealthOutput;
type Week = Health['weeks'][number];

export interface HealthPlot {
  chart: ChartInput | null;
  table: HealthTable;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

function weekly(h: Health, title: string, yAxisName: string, series: { name: string; value: (w: Week) => number; format?: (x: number) => string }[]): HealthPlot {
  const hasData = h.weeks.some((w) => series.some((s) => s.value(w) !== 0));
  return {
    chart: hasData
      ? { type: 'line', title, categories: h.weeks.map((w) => w.week), series: series.map((s) => ({ name: s.name, values: h.weeks.map((w) => round(s.value(w))) })), yAxisName }
      : null,
    table: {
      headers: ['Week of', ...series.map((s) => s.name)],
      rows: [...h.weeks].reverse().map((w) => [weekLabel(w.week), ...series.map((s) => (s.format ? s.format(s.value(w)) : s.value(w)))]),
    },
  };
}

export const roleCountsPlot = (h: Health) =>
  weekly(h, 'Members by role per week', 'members', [
    { name: 'Core (#1)', value: (w) => w.count1s },
    { name: 'Occasional (#9)', value: (w) => w.count9s },
    { name: 'Consumers (#90)', value: (w) => w.count90s },
  ]);

export const roleSharesPlot = (h: Health) =>
  weekly(h, 'Shares of members by role per week, in %', '%', [
    { name: '#1 %', value: (w) => w.share1s * 100, format: (x) => `${x.toFixed(1)} %` },
    { name: '#9 %', value: (w) => w.share9s * 100, format: (x) => `${x.toFixed(1)} %` },
    { name: '#90 %', value: (w) => w.share90s * 100, format: (x) => `${x.toFixed(1)} %` },
  ]);

export const contributionsPlot = (h: Health) =>
  weekly(h, 'Contributions and contributors per week', 'per week', [
    { name: 'Contributions', value: (w) => w.contributions },
    { name: 'Contributors', value: (w) => w.contributors },
  ]);

export const giniPlot = (h: Health) => weekly(h, 'Gini of contributions per contributor, to date', 'Gini', [{ name: 'Gini to date', value: (w) => w.giniToDate, format: (x) => decimal(x, 3) }]);

export const membershipFlowPlot = (h: Health) =>
  weekly(h, 'Joins and leaves per week', 'members', [
    { name: 'Joins', value: (w) => w.joins },
    { name: 'Leaves', value: (w) => w.leaves },
  ]);

export const roleChangesPlot = (h: Health) =>
  weekly(h, 'Role changes per week', 'members', [
    { name: '90→9', value: (w) => w.roleChanges.from90to9 },
    { name: '9→1', value: (w) => w.roleChanges.from9to1 },
    { name: '1→9', value: (w) => w.roleChanges.from1to9 },
  ]);

export const needsPlot = (h: Health) =>
  weekly(h, 'Needs opened, funded and done per week', 'needs', [
    { name: 'Opened', value: (w) => w.needsOpened },
    { name: 'Funded', value: (w) => w.needsFunded },
    { name: 'Done', value: (w) => w.needsDone },
  ]);

export function distributionPlot(h: Health): HealthPlot {
  const label = (from: number, to: number) => (to - from === 1 ? String(from) : `${from}–${to - 1}`);
  const bins = h.distribution.bins;
  return {
    chart:
      bins.length === 0
        ? null
        : { type: 'bar', orientation: 'vertical', title: 'Contributors by total contributions', data: bins.map((b) => ({ label: label(b.from, b.to), value: b.people })) },
    table: { headers: ['Contributions', 'Contributors'], rows: bins.map((b) => [label(b.from, b.to), b.people]) },
  };
}

/** The Kaplan–Meier step curve sampled at every week of follow-up. */
export function survivalPlot(h: Health): HealthPlot {
  const { curve, subjects } = h.survival;
  const horizon = Math.max(0, h.weeks.length - 1);
  const at = (t: number) => {
    let s = 1;
    for (const p of curve) if (p.week <= t) s = p.survival;
    return s;
  };
  const categories = Array.from({ length: horizon + 1 }, (_, t) => t);
  return {
    chart:
      subjects === 0
        ? null
        : { type: 'line', title: 'Share still a member, by weeks since first contribution', categories, series: [{ name: 'Kaplan–Meier S(t)', values: categories.map((t) => round(at(t))) }], xAxisName: 'weeks since first contribution', yAxisName: 'S(t)' },
    table: { headers: ['Weeks', 'S(t)'], rows: curve.map((p) => [p.week, percent(p.survival)]) },
  };
}
