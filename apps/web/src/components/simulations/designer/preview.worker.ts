// The designer's live preview: one run of the design's first condition, stepped in small chunks in
// this worker so the page never blocks. A new request replaces the one in progress between chunks.
import { createRun, type Run } from '@p2pvalue/sim';
import { PREVIEW_CHUNK_TICKS, PREVIEW_METRICS, type PreviewCommand, type PreviewMessage, type PreviewMetric } from './preview-protocol';

// The app compiles with the DOM library; these are the two members of the worker scope used here.
const scope = self as unknown as { postMessage(message: PreviewMessage): void; onmessage: ((event: MessageEvent<PreviewCommand>) => void) | null };

let current: { id: number; run: Run; ticks: number } | null = null;
let scheduled = false;

function post(message: PreviewMessage) {
  scope.postMessage(message);
}

function seriesOf(run: Run): Record<PreviewMetric, Array<number | null>> {
  const series = run.output().series;
  return Object.fromEntries(PREVIEW_METRICS.map((m) => [m, series[m] ?? []])) as Record<PreviewMetric, Array<number | null>>;
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  // A macrotask between chunks lets a newer request or a cancel arrive.
  setTimeout(step, 0);
}

function step() {
  scheduled = false;
  const job = current;
  if (!job) return;
  try {
    job.run.stepTo(job.run.model.steps + PREVIEW_CHUNK_TICKS);
    const tick = job.run.model.steps;
    if (job.run.model.stopped || tick >= job.ticks) {
      post({ type: 'done', id: job.id, tick, stopReason: job.run.model.stopReason ?? 'timeLimit', series: seriesOf(job.run) });
      current = null;
      return;
    }
    post({ type: 'progress', id: job.id, tick, series: seriesOf(job.run) });
    schedule();
  } catch (error) {
    post({ type: 'error', id: job.id, message: error instanceof Error ? error.message : String(error) });
    current = null;
  }
}

scope.onmessage = (event) => {
  const command = event.data;
  if (command.type === 'cancel') {
    current = null;
    return;
  }
  try {
    const run = createRun(
      { seed: command.seed, params: command.params, variant: command.variant, fidelity: command.fidelity },
      { ticks: command.ticks, metrics: [...PREVIEW_METRICS], record: 'every-tick' },
    );
    current = { id: command.id, run, ticks: command.ticks };
    post({ type: 'progress', id: command.id, tick: 0, series: seriesOf(run) });
    schedule();
  } catch (error) {
    current = null;
    post({ type: 'error', id: command.id, message: error instanceof Error ? error.message : String(error) });
  }
};
