'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Archive, Copy, Dices, Download, Play, RotateCcw, Square } from 'lucide-react';
import { buttonVariants } from '~/components/ui/button';
import { errorDetails } from '~/lib/trpc/errors';
import { useTRPC } from '~/lib/trpc/react';
import { newRootSeed, resubmittableDesign } from '../resubmittable-design';
import { ConfirmButton } from './confirm-button';
import { isActive, useExperimentStatus, type ExperimentStatus } from './use-experiment-status';

interface ExperimentActionsProps {
  id: string;
  initial: ExperimentStatus;
  design: Record<string, unknown>;
  /** Researchers and staff may archive and run again; members only follow. */
  canResearch: boolean;
  datasetId: string | null;
}

const message = (error: unknown) => errorDetails(error).message;

/** Cancel, retry failed runs, resume, run again (same or new seed), duplicate, archive and downloads, as the experiment's status allows. */
export function ExperimentActions({ id, initial, design, canResearch, datasetId }: ExperimentActionsProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: status } = useExperimentStatus(id, initial);
  const refresh = async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.experiment.status.queryKey({ id }) }), queryClient.invalidateQueries({ queryKey: trpc.experimentResults.runs.pathKey() })]);
    router.refresh();
  };
  const cancel = useMutation(trpc.experiment.cancel.mutationOptions({ onSuccess: refresh }));
  const retry = useMutation(trpc.experiment.retryFailed.mutationOptions({ onSuccess: refresh }));
  const rerun = useMutation(trpc.experiment.submit.mutationOptions({ onSuccess: ({ id: newId }) => router.push(`/simulations/${newId}`) }));
  const archive = useMutation(trpc.experimentResults.archive.mutationOptions({ onSuccess: () => router.refresh() }));

  const active = isActive(status.status);
  const download = buttonVariants({ variant: 'outline', size: 'sm' });

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="experiment-actions">
      {active ? (
        <ConfirmButton
          label={
            <>
              <Square aria-hidden="true" /> Cancel experiment
            </>
          }
          variant="destructive"
          size="sm"
          title="Cancel this experiment?"
          description={`Runs not yet finished (${status.runs.queued + status.runs.running}) stop at their next checkpoint and are not retried. Completed runs keep their results.`}
          confirmLabel="Cancel experiment"
          pendingLabel="Cancelling…"
          onConfirm={() => cancel.mutateAsync({ id })}
          errorMessage={message}
        />
      ) : null}
      {canResearch && status.runs.failed > 0 && status.status !== 'cancelled' ? (
        <ConfirmButton
          label={
            <>
              <RotateCcw aria-hidden="true" /> Retry failed runs
            </>
          }
          size="sm"
          title={`Retry ${status.runs.failed} failed ${status.runs.failed === 1 ? 'run' : 'runs'}?`}
          description="They go back in the queue with fresh attempts and resume from their last checkpoint."
          confirmLabel="Retry failed runs"
          pendingLabel="Queuing…"
          onConfirm={() => retry.mutateAsync({ id })}
          errorMessage={message}
        />
      ) : null}
      {canResearch && status.status === 'cancelled' && status.runs.done < status.runs.total ? (
        <ConfirmButton
          label={
            <>
              <Play aria-hidden="true" /> Resume
            </>
          }
          size="sm"
          title="Resume this experiment?"
          description={`Its ${status.runs.total - status.runs.done} unfinished ${status.runs.total - status.runs.done === 1 ? 'run goes' : 'runs go'} back in the queue (cancelled runs start again from the beginning, with the same seeds); the ${status.runs.done} completed ${status.runs.done === 1 ? 'run keeps its' : 'runs keep their'} results.`}
          confirmLabel="Resume experiment"
          pendingLabel="Queuing…"
          onConfirm={() => retry.mutateAsync({ id })}
          errorMessage={message}
        />
      ) : null}
      {canResearch && status.status === 'cancelled' ? (
        <ConfirmButton
          label={
            <>
              <RotateCcw aria-hidden="true" /> Run again
            </>
          }
          size="sm"
          title="Run this experiment again?"
          description="A cancelled experiment stays as it is; this queues the same design (same root seed, so the same runs) as a new experiment."
          confirmLabel="Queue it again"
          pendingLabel="Queuing…"
          onConfirm={() => rerun.mutateAsync(resubmittableDesign(design) as Parameters<typeof rerun.mutateAsync>[0])}
          errorMessage={message}
        />
      ) : null}
      {canResearch && !active ? (
        <ConfirmButton
          label={
            <>
              <Dices aria-hidden="true" /> Run with a new seed
            </>
          }
          size="sm"
          variant="outline"
          title="Run this design with a new root seed?"
          description="Queues the same design as a new experiment with a fresh root seed, so every run draws new random numbers: a replication of this one."
          confirmLabel="Queue with a new seed"
          pendingLabel="Queuing…"
          onConfirm={() => rerun.mutateAsync({ ...resubmittableDesign(design), seed: newRootSeed() } as Parameters<typeof rerun.mutateAsync>[0])}
          errorMessage={message}
        />
      ) : null}
      {canResearch ? (
        <Link className={buttonVariants({ variant: 'outline', size: 'sm' })} href={`/simulations/new?from=${id}`}>
          <Copy aria-hidden="true" /> Duplicate and edit
        </Link>
      ) : null}
      {canResearch && status.status === 'completed' && !datasetId ? (
        <ConfirmButton
          label={
            <>
              <Archive aria-hidden="true" /> Archive as data set
            </>
          }
          size="sm"
          title="Publish the results as a data set?"
          description="The archive gets a new, citable data set (CC-BY-4.0) with results.csv and design.json, credited to the experiment's owner. Published versions never change; you can add versions later."
          confirmLabel="Publish data set"
          pendingLabel="Publishing…"
          onConfirm={() => archive.mutateAsync({ id })}
          errorMessage={message}
        />
      ) : null}
      {datasetId ? (
        <Link className={buttonVariants({ variant: 'secondary', size: 'sm' })} href={`/archive/${datasetId}`}>
          <Archive aria-hidden="true" /> Archived data set
        </Link>
      ) : null}
      <a className={download} href={`/api/v1/experiments/${id}/results.csv`} download>
        <Download aria-hidden="true" /> CSV
      </a>
      <a className={download} href={`/api/v1/experiments/${id}/results.json`} download>
        <Download aria-hidden="true" /> JSON
      </a>
    </div>
  );
}
