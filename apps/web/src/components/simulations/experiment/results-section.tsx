// Server component: the charts are drawn to SVG on the server (render-chart.ts), so no chart code
// reaches the browser. A table with the same numbers follows every chart.
import { METRICS } from '@p2pvalue/sim';
import { renderChartSvg } from '~/lib/charts/render-chart';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '~/components/ui/table';
import type { TExperimentMetricOutput } from '~/server/trpc/routers/experiment-results.types';
import { MetricPicker } from './metric-picker';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const show = (value: number | null) => (value === null ? '—' : number.format(value));

/** Short names in the chart when the condition labels are too long for a legend on a phone. */
function seriesNames(conditions: TExperimentMetricOutput['conditions']): string[] {
  const short = conditions.length <= 4 && conditions.every((c) => c.label.length <= 28);
  return conditions.map((c) => (short ? c.label : `C${c.conditionIndex + 1}`));
}

function ChartFigure({ svg, caption, testId }: { svg: string; caption: string; testId: string }) {
  return (
    <figure className="grid gap-2 rounded-xl border bg-card p-3 sm:p-4" data-testid={testId}>
      {/* Markup from ECharts' SVG renderer, labels escaped (see render-chart.ts). */}
      <div className="w-full text-foreground" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="text-xs text-muted-foreground">{caption}</figcaption>
    </figure>
  );
}

interface ResultsSectionProps {
  id: string;
  result: TExperimentMetricOutput;
  metrics: string[];
  totalRuns: number;
  active: boolean;
  /** Other address parameters the metric picker keeps (the compared conditions). */
  keep?: Record<string, string>;
}

/** One metric of the experiment: its mean with a 95% band over ticks per condition and its final values. */
export function ResultsSection({ id, result, metrics, totalRuns, active, keep }: ResultsSectionProps) {
  const description = METRICS.get(result.metric)?.description;
  const names = seriesNames(result.conditions);
  const usesCodes = names.some((name, i) => name !== result.conditions[i]?.label);
  const hasRuns = result.completedRuns > 0;

  const lineSvg =
    hasRuns && result.perTick
      ? renderChartSvg({
          type: 'line',
          title: `${result.metric}: mean and 95% interval across repetitions, by condition`,
          categories: result.ticks,
          series: result.conditions.map((c, i) => ({ name: names[i] ?? c.label, values: c.series.map((p) => p.mean) })),
          bands: result.conditions.map((c) => ({ lower: c.series.map((p) => p.lo), upper: c.series.map((p) => p.hi) })),
          xAxisName: 'tick',
          height: 280,
        })
      : null;
  const finals = result.conditions.filter((c) => c.final.mean !== null);
  const barSvg =
    hasRuns && finals.length > 0
      ? renderChartSvg({
          type: 'bar',
          title: `${result.metric}: mean final value by condition`,
          data: finals.map((c) => ({ label: names[result.conditions.indexOf(c)] ?? c.label, value: Number((c.final.mean ?? 0).toPrecision(4)) })),
          labelWidth: usesCodes ? 40 : 170,
        })
      : null;

  return (
    <section id="results" aria-labelledby="results-heading" className="grid min-w-0 scroll-mt-24 gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="grid gap-1">
          <h2 id="results-heading" className="text-lg font-semibold">
            Results
          </h2>
          <p className="text-sm text-muted-foreground">
            {description ? `${result.metric}: ${description}. ` : null}
            {hasRuns
              ? `${result.completedRuns} of ${totalRuns} runs completed${active ? ' so far; the numbers grow as runs finish' : ''}.`
              : active
                ? 'No run has completed yet: results appear here as runs finish.'
                : 'No run completed, so there are no results.'}
          </p>
        </div>
        <MetricPicker id={id} metrics={metrics} value={result.metric} keep={keep} />
      </div>

      {hasRuns ? (
        <div className="grid min-w-0 gap-4 lg:grid-cols-2">
          {lineSvg ? (
            <ChartFigure
              svg={lineSvg}
              testId="chart-over-ticks"
              caption="Mean across repetitions per tick (lines) with its 95% Student-t interval (bands). Runs that stopped early leave the average from their stop tick on."
            />
          ) : null}
          {barSvg ? <ChartFigure svg={barSvg} testId="chart-final" caption="Mean of the final values per condition; the table gives the 95% intervals." /> : null}
        </div>
      ) : null}

      {hasRuns ? (
        <div className="overflow-x-auto rounded-lg border">
          <Table className="text-sm">
            <TableHeader>
              <TableRow>
                <TableHead>Condition</TableHead>
                <TableHead className="text-right">Runs</TableHead>
                <TableHead className="text-right">Final mean</TableHead>
                <TableHead className="text-right">95% interval</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.conditions.map((c, i) => (
                <TableRow key={c.conditionIndex} data-testid="condition-row">
                  <TableCell className="min-w-[12rem] break-words">
                    {usesCodes ? <span className="mr-1 font-semibold">{names[i]}</span> : null}
                    {c.label}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{c.runs}</TableCell>
                  <TableCell className="text-right tabular-nums">{show(c.final.mean)}</TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">{c.final.lo === null ? '—' : `${show(c.final.lo)} to ${show(c.final.hi)}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
