'use client';

import Link from 'next/link';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card';
import { Skeleton } from '~/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '~/components/ui/table';

const REFRESH_MS = 3_000;
const STATES = [
  ['waiting', 'Waiting'],
  ['active', 'Active'],
  ['delayed', 'Delayed (backoff)'],
  ['failed', 'Failed'],
  ['completed', 'Completed'],
] as const;

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' });

function Bar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(value * 1000) / 10;
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full min-w-16 overflow-hidden rounded-full bg-muted">
      <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** The staff queue dashboard: BullMQ's counts, live workers, active runs, failures (with retry) and usage per researcher. */
export function SimulationQueuePanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery({ ...trpc.simulationQueue.overview.queryOptions(), refetchInterval: REFRESH_MS });
  const retry = useMutation(
    trpc.simulationQueue.retryRun.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.simulationQueue.overview.queryKey() }) }),
  );

  if (overview.isPending) return <Skeleton className="h-64 w-full" />;
  if (overview.isError) return <Alert variant="destructive" title="The queue could not be read">{errorDetails(overview.error).message}</Alert>;
  const data = overview.data;

  return (
    <div className="grid min-w-0 gap-6" data-testid="simulation-queue">
      <section aria-labelledby="queue-counts-heading" className="grid gap-3">
        <h2 id="queue-counts-heading" className="text-lg font-semibold">
          Jobs on the simulation queue
        </h2>
        <dl className="grid grid-cols-2 gap-3 text-center sm:grid-cols-5">
          {STATES.map(([key, label]) => (
            <div key={key} className="rounded-lg border bg-card px-2 py-3">
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid={`queue-${key}`}>
                {integer.format(data.counts[key])}
              </dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-muted-foreground">Refreshed every {REFRESH_MS / 1000} s. Completed and failed jobs are kept for a day and a week.</p>
      </section>

      <Card>
        <CardHeader>
          <CardTitle>Workers</CardTitle>
          <CardDescription>Worker processes with a live heartbeat; any number, on any host, share the queue through Redis.</CardDescription>
        </CardHeader>
        <CardContent>
          {data.workers.length === 0 ? (
            <p className="text-sm text-muted-foreground" data-testid="no-workers">
              No worker is running: queued runs wait until one starts.
            </p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Worker</TableHead>
                  <TableHead>Host</TableHead>
                  <TableHead className="text-right">PID</TableHead>
                  <TableHead className="text-right">Active runs</TableHead>
                  <TableHead>Last heartbeat (UTC)</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.workers.map((w) => (
                  <TableRow key={w.id}>
                    <TableCell className="font-mono text-xs">{w.id}</TableCell>
                    <TableCell>{w.host ?? '—'}</TableCell>
                    <TableCell className="text-right tabular-nums">{w.pid ?? '—'}</TableCell>
                    <TableCell className="text-right tabular-nums">{w.activeRuns}</TableCell>
                    <TableCell>{time.format(new Date(w.lastSeen))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Active runs</CardTitle>
        </CardHeader>
        <CardContent>
          {data.active.length === 0 ? (
            <p className="text-sm text-muted-foreground">No run is being computed.</p>
          ) : (
            <Table data-testid="active-runs">
              <TableHeader>
                <TableRow>
                  <TableHead>Experiment</TableHead>
                  <TableHead>Researcher</TableHead>
                  <TableHead>Worker</TableHead>
                  <TableHead className="w-48">Progress</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.active.map((run) => (
                  <TableRow key={run.runId}>
                    <TableCell>
                      <Link href={`/simulations/${run.experimentId}`} className="text-primary hover:underline">
                        {run.experimentName ?? run.experimentId}
                      </Link>
                    </TableCell>
                    <TableCell>{run.ownerName ?? '—'}</TableCell>
                    <TableCell className="font-mono text-xs">{run.workerId ?? '—'}</TableCell>
                    <TableCell>
                      <div className="grid gap-1">
                        <Bar value={run.progress} label={`Run ${run.runId} progress`} />
                        <span className="text-xs text-muted-foreground tabular-nums">
                          tick {integer.format(run.tick)} of {integer.format(run.steps)}
                        </span>
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Recent failures</CardTitle>
          <CardDescription>Runs that failed for good (after their attempts, or at once for an invalid design or a run over its memory limit).</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {retry.isError ? <Alert variant="destructive" title="Not retried">{errorDetails(retry.error).message}</Alert> : null}
          {data.failures.length === 0 ? (
            <p className="text-sm text-muted-foreground" data-testid="no-failures">
              No failed runs.
            </p>
          ) : (
            <Table data-testid="failed-runs">
              <TableHeader>
                <TableRow>
                  <TableHead>Experiment</TableHead>
                  <TableHead>Run</TableHead>
                  <TableHead>Error</TableHead>
                  <TableHead>Failed (UTC)</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.failures.map((run) => (
                  <TableRow key={run.runId}>
                    <TableCell>
                      <Link href={`/simulations/${run.experimentId}`} className="text-primary hover:underline">
                        {run.experimentName}
                      </Link>
                      <div className="text-xs text-muted-foreground">{run.ownerName}</div>
                    </TableCell>
                    <TableCell className="text-xs whitespace-nowrap">
                      condition {run.condition + 1}, rep. {run.repetition + 1}
                      <div className="text-muted-foreground">
                        {run.attempts} {run.attempts === 1 ? 'attempt' : 'attempts'}
                        {run.workerId ? ` on ${run.workerId}` : ''}
                      </div>
                    </TableCell>
                    <TableCell className="max-w-md font-mono text-xs break-words whitespace-normal">{run.error}</TableCell>
                    <TableCell className="text-xs">{run.finishedAt ? time.format(new Date(run.finishedAt)) : '—'}</TableCell>
                    <TableCell>
                      <Button size="sm" variant="outline" disabled={retry.isPending} onClick={() => retry.mutate({ runId: run.runId })}>
                        <RotateCcw aria-hidden="true" /> Retry<span className="sr-only"> run {run.runId}</span>
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Usage per researcher</CardTitle>
          <CardDescription>
            Runs queued or running against the limit of {integer.format(data.limits.maxActiveRuns)} per researcher (EXPERIMENT_MAX_ACTIVE_RUNS); runs may have at most{' '}
            {integer.format(data.limits.maxTicksPerRun)} ticks (EXPERIMENT_MAX_TICKS_PER_RUN).
          </CardDescription>
        </CardHeader>
        <CardContent>
          {data.usage.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nobody has runs waiting.</p>
          ) : (
            <Table data-testid="usage">
              <TableHeader>
                <TableRow>
                  <TableHead>Researcher</TableHead>
                  <TableHead className="text-right">Queued</TableHead>
                  <TableHead className="text-right">Running</TableHead>
                  <TableHead className="w-48">Of the run limit</TableHead>
                  <TableHead className="text-right">Longest run (ticks)</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.usage.map((u) => (
                  <TableRow key={u.ownerId}>
                    <TableCell>{u.ownerName}</TableCell>
                    <TableCell className="text-right tabular-nums">{integer.format(u.queued)}</TableCell>
                    <TableCell className="text-right tabular-nums">{integer.format(u.running)}</TableCell>
                    <TableCell>
                      <div className="grid gap-1">
                        <Bar value={u.share} label={`${u.ownerName}: share of the run limit`} />
                        <span className="text-xs text-muted-foreground tabular-nums">
                          {integer.format(u.activeRuns)} of {integer.format(data.limits.maxActiveRuns)}
                        </span>
                      </div>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{integer.format(u.maxSteps)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
