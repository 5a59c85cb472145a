'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useRouter } from 'next/navigation';
import { StatusBadge } from './status-badge';
import { useExperimentLiveUpdates } from './use-experiment-live';
import { isActive, POLL_MS, useExperimentStatus, type ExperimentStatus } from './use-experiment-status';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

/** Remaining time and ticks per second from the progress so far; null until there is some. */
export function estimate(status: ExperimentStatus, totalTicks: number, now: number): { etaMs: number; ticksPerSecond: number } | null {
  if (!status.startedAt || status.progress <= 0 || status.progress >= 1) return null;
  const elapsed = now - Date.parse(status.startedAt);
  if (elapsed <= 0) return null;
  return { etaMs: (elapsed * (1 - status.progress)) / status.progress, ticksPerSecond: (status.progress * totalTicks * 1000) / elapsed };
}

const noSubscription = () => () => undefined;

const COUNTS = [
  ['queued', 'Queued'],
  ['running', 'Running'],
  ['done', 'Done'],
  ['failed', 'Failed'],
  ['cancelled', 'Cancelled'],
] as const;

/**
 * Live progress of an experiment: run counts, ticks done, throughput and ETA, pushed over
 * socket.io while it is active (polled when the socket is down). When it finishes, the page is
 * rendered again so the results and actions catch up.
 */
export function LiveProgress({ id, initial, steps }: { id: string; initial: ExperimentStatus; steps: number }) {
  const router = useRouter();
  const { data: status, dataUpdatedAt, isRefetchError, live } = useExperimentStatus(id, initial);
  // Pushed while active; a finished experiment (until it is resumed) has nothing to push.
  useExperimentLiveUpdates(id, isActive(status.status));
  // The ETA depends on the clock: only in the browser, so the server's HTML and hydration agree.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const wasActive = useRef(isActive(initial.status));
  const doneBefore = useRef(initial.runs.done);

  useEffect(() => {
    const active = isActive(status.status);
    // Finished (or a run completed while the results section showed nothing): draw the results.
    if ((wasActive.current && !active) || (doneBefore.current === 0 && status.runs.done > 0)) router.refresh();
    wasActive.current = active;
    doneBefore.current = status.runs.done;
  }, [status.status, status.runs.done, router]);

  const totalTicks = status.runs.total * steps;
  const ticksDone = Math.round(status.progress * totalTicks);
  const percent = Math.floor(status.progress * 1000) / 10;
  const active = isActive(status.status);
  const eta = active && inBrowser ? estimate(status, totalTicks, dataUpdatedAt) : null;

  return (
    <section aria-labelledby="progress-heading" className="grid gap-4 rounded-xl border bg-card p-4 sm:p-6" data-testid="experiment-progress">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="progress-heading" className="text-lg font-semibold">
          Progress
        </h2>
        <div className="flex items-center gap-2 text-sm text-muted-foreground">
          <StatusBadge status={status.status} />
          {active ? (
            <span data-testid="progress-mode">{live ? 'Live' : isRefetchError ? 'Reconnecting…' : `updates every ${POLL_MS / 1000} s`}</span>
          ) : null}
        </div>
      </div>
      <div className="grid gap-1.5">
        <div
          role="progressbar"
          aria-label="Experiment progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-3 w-full overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full rounded-full bg-primary transition-[width] duration-500" style={{ width: `${percent}%` }} />
        </div>
        <p className="flex flex-wrap justify-between gap-x-4 text-sm text-muted-foreground">
          <span data-testid="progress-percent">{percent}%</span>
          <span>
            {integer.format(ticksDone)} of {integer.format(totalTicks)} ticks
          </span>
        </p>
      </div>
      <dl className="grid grid-cols-3 gap-3 text-center sm:grid-cols-5" aria-live="polite">
        {COUNTS.map(([key, label]) => (
          <div key={key} className="rounded-lg bg-muted/50 px-2 py-2">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`runs-${key}`}>
              {status.runs[key]}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-muted-foreground">
        {status.runs.total} runs in all.
        {eta ? ` About ${duration(eta.etaMs)} left at ${integer.format(eta.ticksPerSecond)} ticks per second.` : null}
        {status.status === 'queued' && status.runs.running === 0 ? ' Waiting for a worker.' : null}
      </p>
    </section>
  );
}
