'use client';

import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '~/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '~/components/ui/table';
import { errorDetails } from '~/lib/trpc/errors';
import { useTRPC } from '~/lib/trpc/react';
import { ConfirmButton } from './confirm-button';
import { StatusBadge } from './status-badge';
import { isActive, POLL_MS, useExperimentStatus, type ExperimentStatus } from './use-experiment-status';

const PAGE_SIZE = 25;
const RUNS_LIVE_POLL_MS = 5_000;

interface RunsTableProps {
  id: string;
  initial: ExperimentStatus;
  /** Condition labels by condition index (the parameters that vary). */
  conditions: string[];
  steps: number;
}

/** Every run with its condition, seed, status and how it stopped; queued and running runs can be cancelled one by one. */
export function RunsTable({ id, initial, conditions, steps }: RunsTableProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const { data: status, live } = useExperimentStatus(id, initial);
  const active = isActive(status.status);
  const runs = useQuery({
    ...trpc.experimentResults.runs.queryOptions({ id, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    // Pushed status changes refetch it (below); the runs' own ticks are polled, slower when live.
    refetchInterval: active ? (live ? RUNS_LIVE_POLL_MS : POLL_MS) : false,
  });
  // Polling stops when the experiment finishes; its last runs may have finished after the last
  // poll, so the table is fetched once more at that moment (and whenever the counts move).
  const { refetch } = runs;
  const countsKey = `${status.status}:${status.runs.done}:${status.runs.failed}:${status.runs.cancelled}`;
  useEffect(() => {
    void refetch();
  }, [countsKey, refetch]);
  const cancelRun = useMutation(
    trpc.experiment.cancelRun.mutationOptions({
      onSuccess: () =>
        Promise.all([queryClient.invalidateQueries({ queryKey: trpc.experimentResults.runs.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.experiment.status.queryKey({ id }) })]),
    }),
  );
  const pages = runs.data ? Math.max(1, Math.ceil(runs.data.total / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="runs-heading" className="grid min-w-0 gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="runs-heading" className="text-lg font-semibold">
          Runs
        </h2>
        {runs.data ? (
          <p className="text-sm text-muted-foreground">
            {runs.data.total} runs · page {page} of {pages}
          </p>
        ) : null}
      </div>
      {runs.error ? <p className="text-sm text-destructive">{errorDetails(runs.error).message}</p> : null}
      <div className="overflow-x-auto rounded-lg border">
        <Table className="text-sm">
          <TableHeader>
            <TableRow>
              <TableHead className="w-12">Run</TableHead>
              <TableHead>Condition</TableHead>
              <TableHead>Seed</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Tick</TableHead>
              <TableHead>Stop reason</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(runs.data?.items ?? []).map((run) => (
              <TableRow key={run.id} data-testid="run-row">
                <TableCell className="tabular-nums">{run.runNumber}</TableCell>
                <TableCell className="max-w-[16rem] min-w-[10rem]">
                  <span className="block text-xs break-words">{conditions[run.conditionIndex] ?? `Condition ${run.conditionIndex + 1}`}</span>
                  <span className="text-xs text-muted-foreground">repetition {run.repetition + 1}</span>
                </TableCell>
                <TableCell className="font-mono text-xs">{run.seed}</TableCell>
                <TableCell>
                  <StatusBadge status={run.status} />
                  {run.error ? (
                    <span className="mt-1 block max-w-[14rem] truncate text-xs text-destructive" title={run.error}>
                      {run.error}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {run.stopTick ?? run.tick}
                  <span className="text-muted-foreground">/{steps}</span>
                </TableCell>
                <TableCell className="text-xs">{run.stopReason ?? '—'}</TableCell>
                <TableCell className="text-right">
                  {isActive(run.status) ? (
                    <ConfirmButton
                      label="Cancel"
                      triggerLabel={`Cancel run ${run.runNumber}`}
                      size="sm"
                      variant="ghost"
                      title={`Cancel run ${run.runNumber}?`}
                      description="It stops at its next checkpoint and is not retried. The other runs go on."
                      confirmLabel="Cancel run"
                      pendingLabel="Cancelling…"
                      onConfirm={() => cancelRun.mutateAsync({ runId: run.id })}
                      errorMessage={(e) => errorDetails(e).message}
                    />
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
            {runs.isPending ? (
              <TableRow>
                <TableCell colSpan={7} className="text-muted-foreground">
                  Loading runs…
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </div>
      {pages > 1 ? (
        <div className="flex items-center justify-end gap-2">
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            Previous
          </Button>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            Next
          </Button>
        </div>
      ) : null}
    </section>
  );
}
