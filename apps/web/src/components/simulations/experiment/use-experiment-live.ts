'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { getAppSocket } from '~/lib/realtime/socket-client';
import { useTRPC } from '~/lib/trpc/react';
import type { ExperimentProgressWire } from '~/server/realtime/contracts';

/**
 * Which experiments' progress rooms this tab has joined, so every component of the page knows
 * whether updates arrive by themselves (then polling stops) or have to be polled.
 */
const liveIds = new Set<string>();
const listeners = new Set<() => void>();

function setLive(id: string, live: boolean): void {
  if (liveIds.has(id) === live) return;
  if (live) liveIds.add(id);
  else liveIds.delete(id);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while the experiment's status is pushed over socket.io. */
export function useIsExperimentLive(id: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => liveIds.has(id),
    () => false,
  );
}

/**
 * Joins the experiment's progress room and writes every pushed status into the experiment.status
 * query, which every component of the page reads. While the socket is down (or the join was
 * refused) the experiment is not live and the status query polls instead; on reconnect the room is
 * joined again and its current status fetched with the join. Call it once per page.
 */
export function useExperimentLiveUpdates(id: string, enabled: boolean): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!enabled) return;
    let disposed = false;
    let cleanup = () => {};
    const queryKey = trpc.experiment.status.queryKey({ id });
    const apply = (status: ExperimentProgressWire) => {
      if (status.id === id) queryClient.setQueryData(queryKey, status);
    };
    void getAppSocket().then((socket) => {
      if (disposed) return;
      const join = () => {
        socket
          .timeout(5_000)
          .emitWithAck('experiment:watch', { experimentId: id })
          .then(
            (result) => {
              if (disposed) return;
              if (!result.ok) return setLive(id, false);
              apply(result.data);
              setLive(id, true);
            },
            () => setLive(id, false),
          );
      };
      const onDisconnect = () => setLive(id, false);
      socket.on('connect', join);
      socket.on('disconnect', onDisconnect);
      socket.on('experiment:progress', apply);
      if (socket.connected) join();
      cleanup = () => {
        socket.off('connect', join);
        socket.off('disconnect', onDisconnect);
        socket.off('experiment:progress', apply);
        if (socket.connected) socket.emit('experiment:unwatch', { experimentId: id });
      };
    });
    return () => {
      disposed = true;
      cleanup();
      setLive(id, false);
    };
  }, [id, enabled, trpc, queryClient]);
}
