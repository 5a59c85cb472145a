// Server component: the chart is drawn by ECharts on the server (no chart JavaScript in the browser).
import { useId } from 'react';
import { renderChartSvg } from '../../../lib/charts/render-chart';

export interface Bar {
  label: string;
  count: number;
  href?: string;
}

/**
 * One chart with the same numbers as a table (for screen readers and exact values): horizontal
 * bars for long labels (the first `max`, the rest summed as "N others"), or vertical columns for
 * short ones such as years.
 */
export function ChartFigure({ title, bars, orientation = 'horizontal', unit = 'cases', max = 12, valueHeader = 'Value' }: { title: string; bars: Bar[]; orientation?: 'horizontal' | 'vertical'; unit?: string; max?: number; valueHeader?: string }) {
  const id = useId();
  const shown = orientation === 'horizontal' ? bars.slice(0, max) : [...bars];
  const others = orientation === 'horizontal' ? bars.slice(max).reduce((sum, bar) => sum + bar.count, 0) : 0;
  if (others > 0) shown.push({ label: `${bars.length - max} others`, count: others });
  const svg = shown.length === 0 ? null : renderChartSvg({ type: 'bar', orientation, title, data: shown.map((bar) => ({ label: bar.label, value: bar.count })) });
  return (
    <figure className="grid gap-3 rounded-lg border bg-card p-4" data-testid="bar-chart">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      {svg === null ? (
        <p className="text-sm text-muted-foreground">No data.</p>
      ) : (
        // The SVG comes from ECharts, which escapes every label.
        <div className="text-muted-foreground [&_svg]:h-auto [&_svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      )}
      <details>
        <summary className="cursor-pointer text-xs text-primary">Show as a table</summary>
        <table id={`${id}-table`} className="mt-2 w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b text-left text-xs text-muted-foreground">
              <th scope="col" className="py-1 font-medium">
                {valueHeader}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Number of {unit}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label} className="border-b last:border-0">
                <th scope="row" className="py-1 text-left font-normal">
                  {bar.href ? (
                    <a className="text-primary hover:underline" href={bar.href}>
                      {bar.label}
                    </a>
                  ) : (
                    bar.label
                  )}
                </th>
                <td className="py-1 text-right tabular-nums">{bar.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
