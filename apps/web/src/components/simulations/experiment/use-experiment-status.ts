'use client';

import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useTRPC } from '~/lib/trpc/react';
import type { AppRouter } from '~/server/trpc/root';

export type ExperimentStatus = inferRouterOutputs<AppRouter>['experiment']['status'];

/** While an experiment is queued or running its page follows it by polling. */
export const POLL_MS = 2_000;

export const isActive = (status: ExperimentStatus['status']) => status === 'queued' || status === 'running';

/**
 * The experiment's status, shared by every component of the page (one query, one poll): it is
 * refetched every two seconds while the experiment is active and not at all once it has finished.
 */
export function useExperimentStatus(id: string, initial: ExperimentStatus) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.experiment.status.queryOptions({ id }),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? POLL_MS : false),
  });
}
