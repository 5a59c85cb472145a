import { useId } from 'react';

export interface Bar {
  label: string;
  count: number;
  href?: string;
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Horizontal SVG bars (long labels read well on phones) with the same numbers as a table. */
export function BarChart({ title, bars, unit = 'cases', max = 12 }: { title: string; bars: Bar[]; unit?: string; max?: number }) {
  const id = useId();
  const shown = bars.slice(0, max);
  const others = bars.slice(max).reduce((sum, bar) => sum + bar.count, 0);
  if (others > 0) shown.push({ label: `${bars.length - max} others`, count: others });
  const top = Math.max(1, ...shown.map((bar) => bar.count));
  const rowHeight = 28;
  const labelWidth = 190;
  const width = 600;
  const barSpace = width - labelWidth - 50;
  const height = shown.length * rowHeight + 4;
  return (
    <figure className="grid gap-3 rounded-lg border bg-card p-4" data-testid="bar-chart">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      {shown.length === 0 ? (
        <p className="text-sm text-muted-foreground">No data.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`}>
          {shown.map((bar, index) => {
            const y = index * rowHeight + 2;
            const barWidth = Math.max(2, (bar.count / top) * barSpace);
            return (
              <g key={bar.label}>
                <title>{`${bar.label}: ${bar.count} ${unit}`}</title>
                <text x={labelWidth - 8} y={y + rowHeight / 2} dominantBaseline="middle" textAnchor="end" className="fill-foreground text-[13px]">
                  {truncate(bar.label, 26)}
                </text>
                <rect x={labelWidth} y={y + 4} width={barWidth} height={rowHeight - 8} rx={3} className="fill-primary" />
                <text x={labelWidth + barWidth + 6} y={y + rowHeight / 2} dominantBaseline="middle" className="fill-muted-foreground text-[12px] tabular-nums">
                  {bar.count}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <details>
        <summary className="cursor-pointer text-xs text-primary">Show as a table</summary>
        <table id={`${id}-table`} className="mt-2 w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b text-left text-xs text-muted-foreground">
              <th scope="col" className="py-1 font-medium">
                Value
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

/** Vertical SVG columns over time (cases by decade or year of foundation). */
export function ColumnChart({ title, bars, unit = 'cases' }: { title: string; bars: Bar[]; unit?: string }) {
  const id = useId();
  const top = Math.max(1, ...bars.map((bar) => bar.count));
  const width = 600;
  const height = 220;
  const plot = height - 30;
  const step = bars.length > 0 ? width / bars.length : width;
  return (
    <figure className="grid gap-3 rounded-lg border bg-card p-4" data-testid="bar-chart">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`}>
        {bars.map((bar, index) => {
          const barHeight = Math.max(1, (bar.count / top) * (plot - 16));
          const x = index * step + step * 0.15;
          return (
            <g key={bar.label}>
              <title>{`${bar.label}: ${bar.count} ${unit}`}</title>
              <rect x={x} y={plot - barHeight} width={step * 0.7} height={barHeight} rx={2} className="fill-primary" />
              <text x={x + step * 0.35} y={plot - barHeight - 4} textAnchor="middle" className="fill-muted-foreground text-[11px] tabular-nums">
                {bar.count}
              </text>
              <text x={x + step * 0.35} y={height - 10} textAnchor="middle" className="fill-foreground text-[11px]">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary className="cursor-pointer text-xs text-primary">Show as a table</summary>
        <table id={`${id}-table`} className="mt-2 w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b text-left text-xs text-muted-foreground">
              <th scope="col" className="py-1 font-medium">
                Period
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
                  {bar.label}
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
