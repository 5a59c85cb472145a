'use client';

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card';
import { LivePlot } from './live-plot';
import { usePreview, type PreviewInput } from './use-preview';

const STOP_REASONS: Record<string, string> = {
  timeLimit: 'reached its last tick',
  no90s: 'stopped: no #90s left',
  no1s: 'stopped: no #1s left',
  no9s: 'stopped: no #9s left',
  noProducts: 'stopped: no products left',
  noTasks: 'stopped: no tasks left',
  huge: 'stopped: the community grew too large',
};

/** The live preview: the experiment's first run, a few hundred ticks, simulated in this browser as the design changes. */
export function PreviewPanel({ input }: { input: PreviewInput | null }) {
  const preview = usePreview(input);
  const ticks = preview.ticks || input?.ticks || 0;
  const status =
    preview.status === 'unsupported'
      ? 'This browser cannot run the preview (no Web Workers).'
      : input === null
        ? 'Paused until the design is valid.'
        : preview.status === 'error'
          ? `The preview failed: ${preview.error}`
          : preview.status === 'done'
            ? `Tick ${preview.tick} of ${ticks}: ${STOP_REASONS[preview.stopReason ?? ''] ?? preview.stopReason}.`
            : preview.status === 'running'
              ? `Running… tick ${preview.tick} of ${ticks}`
              : 'Starting…';
  const series = preview.series;
  return (
    <Card data-testid="preview">
      <CardHeader>
        <CardTitle>Live preview</CardTitle>
        <CardDescription>The first run of this design (first condition, its seed), up to {input?.ticks ?? 300} ticks, simulated in your browser. It restarts when you change the design.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="text-sm" role="status" aria-live="polite" data-testid="preview-status" data-state={input === null ? 'paused' : preview.status}>
          {status}
        </p>
        <LivePlot
          title="Size of community"
          testId="preview-plot-community"
          ticks={ticks}
          series={[
            { id: 'count_1s', label: '#1s', color: 'var(--destructive)', values: series.count_1s ?? [] },
            { id: 'count_9s', label: '#9s', color: 'var(--warning)', values: series.count_9s ?? [] },
            { id: 'count_90s', label: '#90s', color: 'var(--primary)', values: series.count_90s ?? [] },
          ]}
        />
        <LivePlot title="Projects" testId="preview-plot-projects" ticks={ticks} series={[{ id: 'count_projects', label: 'Projects', color: 'var(--success)', values: series.count_projects ?? [] }]} />
      </CardContent>
    </Card>
  );
}
