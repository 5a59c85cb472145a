// Server component: the PRCC charts of a Latin-hypercube experiment, drawn to SVG on the server
// like the other result charts, each followed by a table with the same numbers.
import { METRICS } from '@p2pvalue/sim';
import { renderChartSvg } from '~/lib/charts/render-chart';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '~/components/ui/table';
import type { TExperimentSensitivityOutput } from '~/server/trpc/routers/experiment-results.types';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3, minimumFractionDigits: 2 });
const show = (value: number | null) => (value === null ? '—' : number.format(value));

function showP(p: number | null): string {
  if (p === null) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

type Output = TExperimentSensitivityOutput['outputs'][number];

function OutputFigure({ output }: { output: Output }) {
  const defined = output.coefficients.filter((c) => c.prcc !== null);
  const svg =
    defined.length > 0
      ? renderChartSvg({
          type: 'bar',
          title: `PRCC of the final ${output.metric} with each sampled parameter`,
          data: defined.map((c) => ({ label: c.parameter, value: Number((c.prcc as number).toFixed(3)) })),
          labelWidth: 170,
        })
      : null;
  const description = METRICS.get(output.metric)?.description;
  const headingId = `prcc-${output.metric}`;
  return (
    <figure className="grid min-w-0 gap-3 rounded-xl border bg-card p-3 sm:p-4" data-testid="prcc-chart" aria-labelledby={headingId}>
      <figcaption id={headingId} className="grid gap-0.5">
        <span className="font-medium">
          Final <span className="font-mono">{output.metric}</span>
        </span>
        <span className="text-xs text-muted-foreground">
          {description ? `${description}. ` : ''}
          {output.n} runs.
        </span>
      </figcaption>
      {/* Markup from ECharts' SVG renderer, labels escaped (see render-chart.ts). */}
      {svg ? <div className="w-full text-foreground" dangerouslySetInnerHTML={{ __html: svg }} /> : <p className="text-sm text-muted-foreground">Not enough completed runs for a coefficient yet.</p>}
      <div className="overflow-x-auto rounded-lg border">
        <Table className="text-sm">
          <TableHeader>
            <TableRow>
              <TableHead>Parameter</TableHead>
              <TableHead className="text-right">PRCC</TableHead>
              <TableHead className="text-right">95% interval</TableHead>
              <TableHead className="text-right">p</TableHead>
              <TableHead className="text-right">Rank correlation</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {output.coefficients.map((c) => (
              <TableRow key={c.parameter} data-testid="prcc-row">
                <TableCell className="font-mono text-xs break-all">{c.parameter}</TableCell>
                <TableCell className="text-right tabular-nums">{show(c.prcc)}</TableCell>
                <TableCell className="text-right whitespace-nowrap tabular-nums">{c.lo === null ? '—' : `${show(c.lo)} to ${show(c.hi)}`}</TableCell>
                <TableCell className="text-right tabular-nums">{showP(c.pValue)}</TableCell>
                <TableCell className="text-right tabular-nums">{show(c.spearman)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </figure>
  );
}

/** PRCC of the chosen outputs on every sampled parameter, with the ranges that were sampled. */
export function SensitivitySection({ result, active }: { result: TExperimentSensitivityOutput; active: boolean }) {
  return (
    <section id="sensitivity" aria-labelledby="sensitivity-heading" className="grid min-w-0 scroll-mt-24 gap-4">
      <div className="grid gap-1">
        <h2 id="sensitivity-heading" className="text-lg font-semibold">
          Sensitivity
        </h2>
        <p className="text-sm text-muted-foreground">
          Partial rank correlation coefficients (PRCC) of each output’s final value with each sampled parameter, the others held fixed: near +1 or −1 the output rises or falls steadily with the parameter, near 0 it does not depend on it monotonically. Every completed run is one observation ({result.samples} samples × {result.repetitions} repetitions
          {active ? `; ${result.completedRuns} completed so far` : ''}). The interval is Fisher’s z; p tests PRCC = 0.
        </p>
        <p className="text-sm text-muted-foreground">
          Sampled:{' '}
          {result.parameters.map((p, i) => (
            <span key={p.name}>
              {i > 0 ? '; ' : ''}
              <span className="font-mono">{p.name}</span> from {p.min} to {p.max}
            </span>
          ))}
          .
        </p>
      </div>
      {result.completedRuns === 0 ? (
        <p className="text-sm text-muted-foreground">{active ? 'No run has completed yet: the coefficients appear as runs finish.' : 'No run completed, so there is nothing to analyse.'}</p>
      ) : (
        <div className="grid min-w-0 gap-4 lg:grid-cols-2">
          {result.outputs.map((output) => (
            <OutputFigure key={output.metric} output={output} />
          ))}
        </div>
      )}
    </section>
  );
}
