// Server component: the chart is drawn by ECharts on the server (no chart JavaScript in the browser).
import { useId, type ReactNode } from 'react';
import { renderChartSvg, type ChartInput } from '~/lib/charts/render-chart';

export interface HealthTable {
  headers: string[];
  rows: (string | number)[][];
}

/**
 * One dashboard plot: title, a short plain-language caption with a link to the exact definition,
 * the server-drawn SVG and the same numbers as a table.
 */
export function HealthChart({ title, caption, definition, chart, table, testId }: { title: string; caption: ReactNode; definition: string; chart: ChartInput | null; table: HealthTable; testId: string }) {
  const id = useId();
  const svg = chart ? renderChartSvg(chart) : null;
  return (
    <figure className="grid min-w-0 gap-3 rounded-lg border bg-card p-4" data-testid={testId}>
      <figcaption id={`${id}-title`} className="grid gap-1">
        <span className="font-semibold">{title}</span>
        <span className="text-sm text-muted-foreground">
          {caption}{' '}
          <a className="text-primary hover:underline" href={`#${definition}`}>
            Definition
          </a>
        </span>
      </figcaption>
      {svg === null ? (
        <p className="text-sm text-muted-foreground">No data yet.</p>
      ) : (
        // The SVG comes from ECharts, which escapes every label.
        <div className="text-muted-foreground [&_svg]:h-auto [&_svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      )}
      {table.rows.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-xs text-primary">Show as a table</summary>
          <div className="mt-2 max-h-80 overflow-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr className="border-b text-left text-xs text-muted-foreground">
                  {table.headers.map((h, i) => (
                    <th key={h} scope="col" className={i === 0 ? 'py-1 font-medium' : 'py-1 text-right font-medium'}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={String(row[0])} className="border-b last:border-0">
                    {row.map((cell, i) =>
                      i === 0 ? (
                        <th key={i} scope="row" className="py-1 text-left font-normal whitespace-nowrap">
                          {cell}
                        </th>
                      ) : (
                        <td key={i} className="py-1 text-right tabular-nums">
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </figure>
  );
}
