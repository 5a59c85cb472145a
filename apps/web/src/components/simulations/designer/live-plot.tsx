/**
 * A small line plot drawn as SVG, for the designer's live preview: a few series over ticks,
 * redrawn as points arrive. The results pages use the charting library; this one stays light
 * because it redraws many times a second while a preview runs.
 */
export interface LivePlotSeries {
  id: string;
  label: string;
  /** A CSS colour; theme variables work. */
  color: string;
  values: ReadonlyArray<number | null>;
}

const WIDTH = 320;
const HEIGHT = 140;
const PAD = { top: 8, right: 8, bottom: 18, left: 36 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (value <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}

function pathOf(values: ReadonlyArray<number | null>, xScale: (i: number) => number, yScale: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${xScale(i).toFixed(1)} ${yScale(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

export function LivePlot({ title, series, ticks, testId }: { title: string; series: LivePlotSeries[]; ticks: number; testId?: string }) {
  const maxValue = niceMax(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const xScale = (i: number) => PAD.left + (ticks > 0 ? (i / ticks) * plotW : 0);
  const yScale = (v: number) => PAD.top + plotH - (v / maxValue) * plotH;
  const latest = series.map((s) => `${s.label} ${s.values.at(-1) ?? '–'}`).join(', ');
  return (
    <figure className="grid min-w-0 gap-1.5" data-testid={testId}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={`${title}: ${latest}`} className="h-auto w-full overflow-visible text-muted-foreground">
        <title>{`${title}: ${latest}`}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yScale(f * maxValue)} y2={yScale(f * maxValue)} stroke="currentColor" strokeOpacity={f === 0 ? 0.5 : 0.15} />
            <text x={PAD.left - 4} y={yScale(f * maxValue) + 3} textAnchor="end" fontSize="9" fill="currentColor">
              {Number((f * maxValue).toPrecision(3))}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 4} fontSize="9" fill="currentColor">
          0
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 4} fontSize="9" fill="currentColor" textAnchor="end">
          {ticks} ticks
        </text>
        {series.map((s) => (
          <path key={s.id} d={pathOf(s.values, xScale, yScale)} fill="none" stroke={s.color} strokeWidth={1.75} strokeLinejoin="round" data-series={s.id} data-points={s.values.length} />
        ))}
      </svg>
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
        {series.map((s) => (
          <li key={s.id} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-0.5 w-3 rounded" style={{ background: s.color }} />
            {s.label}: <span className="font-medium text-foreground tabular-nums">{s.values.at(-1) ?? '–'}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
