// Server component: two conditions side by side. The choice is a plain GET form (?a=&b=), so it
// works before hydration; the chart is drawn on the server like the other result charts.
import { renderChartSvg } from '~/lib/charts/render-chart';
import { Button } from '~/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '~/components/ui/table';
import type { TExperimentCompareOutput, TExperimentMetricOutput } from '~/server/trpc/routers/experiment-results.types';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const show = (value: number | null) => (value === null ? '—' : number.format(value));
const selectClass = 'h-10 w-full min-w-0 rounded-md border border-input bg-background px-3 text-base shadow-xs sm:text-sm';

function showP(p: number | null): string {
  if (p === null) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

interface ComparisonSectionProps {
  id: string;
  metric: string;
  result: TExperimentMetricOutput;
  conditions: { index: number; label: string }[];
  comparison: TExperimentCompareOutput | null;
  a: number;
  b: number;
}

/** Condition B against condition A: the metric on show over ticks, and every metric's final difference with its Welch interval. */
export function ComparisonSection({ id, metric, result, conditions, comparison, a, b }: ComparisonSectionProps) {
  const sides = [comparison?.a, comparison?.b];
  const series = sides.map((side) => result.conditions.find((c) => c.conditionIndex === side?.conditionIndex) ?? null);
  const lineSvg =
    comparison && result.perTick && series.every((s) => s && s.series.length > 0)
      ? renderChartSvg({
          type: 'line',
          title: `${metric}: condition A against condition B, mean and 95% interval across repetitions`,
          categories: result.ticks,
          series: series.map((s, i) => ({ name: i === 0 ? 'A' : 'B', values: s?.series.map((p) => p.mean) ?? [] })),
          bands: series.map((s) => (s ? { lower: s.series.map((p) => p.lo), upper: s.series.map((p) => p.hi) } : null)),
          xAxisName: 'tick',
          height: 260,
        })
      : null;

  return (
    <section id="compare" aria-labelledby="compare-heading" className="grid min-w-0 scroll-mt-24 gap-4">
      <div className="grid gap-1">
        <h2 id="compare-heading" className="text-lg font-semibold">
          Compare two conditions
        </h2>
        <p className="text-sm text-muted-foreground">B − A for the mean final value of every recorded metric, with its 95% Welch interval (the two conditions may differ in spread as well as in mean).</p>
      </div>
      <form method="get" action={`/simulations/${id}#compare`} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label="Conditions to compare">
        <input type="hidden" name="metric" value={metric} />
        {(['a', 'b'] as const).map((side) => (
          <div key={side} className="grid min-w-0 gap-1.5">
            <label htmlFor={`compare-${side}`} className="text-sm font-medium">
              Condition {side.toUpperCase()}
            </label>
            <select id={`compare-${side}`} name={side} defaultValue={String(side === 'a' ? a : b)} className={selectClass}>
              {conditions.map((c) => (
                <option key={c.index} value={c.index}>
                  {`C${c.index + 1}: ${c.label}`}
                </option>
              ))}
            </select>
          </div>
        ))}
        <Button type="submit" variant="secondary">
          Compare
        </Button>
      </form>

      {comparison ? (
        <>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[3rem_1fr]" data-testid="compared-conditions">
            <dt className="font-semibold">A</dt>
            <dd className="break-words">
              C{comparison.a.conditionIndex + 1}: {comparison.a.label} ({comparison.a.runs} completed runs)
            </dd>
            <dt className="font-semibold">B</dt>
            <dd className="break-words">
              C{comparison.b.conditionIndex + 1}: {comparison.b.label} ({comparison.b.runs} completed runs)
            </dd>
          </dl>
          {lineSvg ? (
            <figure className="grid gap-2 rounded-xl border bg-card p-3 sm:p-4" data-testid="chart-compare">
              {/* Markup from ECharts' SVG renderer, labels escaped (see render-chart.ts). */}
              <div className="w-full text-foreground" dangerouslySetInnerHTML={{ __html: lineSvg }} />
              <figcaption className="text-xs text-muted-foreground">
                {metric} in A and B: mean across repetitions per tick with its 95% interval. The table gives every metric’s final difference.
              </figcaption>
            </figure>
          ) : null}
          <div className="overflow-x-auto rounded-lg border">
            <Table className="text-sm" aria-label="Difference of the mean final values, B − A">
              <TableHeader>
                <TableRow>
                  <TableHead>Metric</TableHead>
                  <TableHead className="text-right">Mean A</TableHead>
                  <TableHead className="text-right">Mean B</TableHead>
                  <TableHead className="text-right">B − A</TableHead>
                  <TableHead className="text-right">95% interval (Welch)</TableHead>
                  <TableHead className="text-right">p</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {comparison.metrics.map((row) => {
                  const clear = row.lo !== null && row.hi !== null && (row.lo > 0 || row.hi < 0);
                  return (
                    <TableRow key={row.metric} data-testid="compare-row" className={row.metric === metric ? 'bg-muted/50' : undefined}>
                      <TableCell className="font-mono text-xs break-all">{row.metric}</TableCell>
                      <TableCell className="text-right tabular-nums">{show(row.a.mean)}</TableCell>
                      <TableCell className="text-right tabular-nums">{show(row.b.mean)}</TableCell>
                      <TableCell className="text-right font-medium tabular-nums">
                        {show(row.difference)}
                        {clear ? <span className="sr-only"> (the interval excludes 0)</span> : null}
                        {clear ? <span aria-hidden="true"> *</span> : null}
                      </TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">{row.lo === null ? '—' : `${show(row.lo)} to ${show(row.hi)}`}</TableCell>
                      <TableCell className="text-right tabular-nums">{showP(row.pValue)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <p className="text-xs text-muted-foreground">* the 95% interval of the difference excludes 0. With many metrics some will by chance alone.</p>
        </>
      ) : a === b ? (
        <p className="text-sm text-muted-foreground" role="status">
          Pick two different conditions.
        </p>
      ) : null}
    </section>
  );
}
