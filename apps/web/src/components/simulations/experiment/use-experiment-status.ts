'use client';

import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useTRPC } from '~/lib/trpc/react';
import type { AppRouter } from '~/server/trpc/root';
import { useIsExperimentLive } from './use-experiment-live';

export type ExperimentStatus = inferRouterOutputs<AppRouter>['experiment']['status'];

/** While an experiment is queued or running and its live updates are down, its page polls. */
export const POLL_MS = 2_000;
/** With live updates, a slow poll still catches anything a push missed. */
export const LIVE_POLL_MS = 15_000;

export const isActive = (status: ExperimentStatus['status']) => status === 'queued' || status === 'running';

/**
 * The experiment's status, shared by every component of the page (one query). While the
 * experiment is active its status is pushed over socket.io (use-experiment-live); when the socket is
 * down it is polled every two seconds instead, and not at all once the experiment has finished.
 */
export function useExperimentStatus(id: string, initial: ExperimentStatus) {
  const trpc = useTRPC();
  const live = useIsExperimentLive(id);
  const result = useQuery({
    ...trpc.experiment.status.queryOptions({ id }),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? (live ? LIVE_POLL_MS : POLL_MS) : false),
  });
  return { ...result, live };
}
