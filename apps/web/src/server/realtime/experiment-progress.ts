import type { QueueEvents } from 'bullmq';
import { z } from 'zod';
import type { ExperimentStatusView } from '@p2pvalue/platform';
import type { Logger } from '@p2pvalue/shared';
import { experimentRoom } from './contracts';
import { experimentProgressWire } from './experiment-socket';
import type { SocketServer } from './socket-server';

const ZJobExperiment = z.object({ experimentId: z.uuid() });
const ZProgressData = z.object({ experimentId: z.uuid() });

export interface ExperimentProgressRelayDeps {
  io: SocketServer;
  /** QueueEvents of the simulation queue (its own blocking Redis connection). */
  events: QueueEvents;
  /** The experiment a job belongs to, from the job's data (null: not an experiment's job, or gone). */
  experimentOfJob: (jobId: string) => Promise<string | null>;
  /** The experiment's status now (no access check: rooms are checked on join). */
  statusOf: (experimentId: string) => Promise<ExperimentStatusView | null>;
  log: Logger;
  /** Events for one experiment arriving within this window are sent as one status (default 250 ms). */
  coalesceMs?: number;
}

/**
 * Streams experiment progress from BullMQ's QueueEvents to socket.io: whenever a run job reports
 * progress, starts, completes or fails, the experiment's status is read from the database and sent
 * to the experiment's room. Every web process hears every queue event, so each emits to its own
 * local sockets only (and reads the database only when it has watchers); events arriving together
 * are coalesced into one status per experiment.
 */
export function startExperimentProgressRelay(deps: ExperimentProgressRelayDeps): { close: () => void } {
  const { io, events, log } = deps;
  const coalesceMs = deps.coalesceMs ?? 250;
  // Job id → experiment id, so a job removed on completion can still be placed.
  const known = new Map<string, string>();
  const timers = new Map<string, NodeJS.Timeout>();

  const hasLocalWatchers = (experimentId: string) => (io.of('/').adapter.rooms.get(experimentRoom(experimentId))?.size ?? 0) > 0;

  const remember = (jobId: string, experimentId: string) => {
    known.delete(jobId);
    known.set(jobId, experimentId);
    if (known.size > 10_000) known.delete(known.keys().next().value as string);
  };

  const send = async (experimentId: string) => {
    timers.delete(experimentId);
    if (!hasLocalWatchers(experimentId)) return;
    try {
      const view = await deps.statusOf(experimentId);
      if (view) io.local.to(experimentRoom(experimentId)).emit('experiment:progress', experimentProgressWire(view));
    } catch (error) {
      log.warn({ err: error, experimentId }, 'experiment progress push failed');
    }
  };

  const schedule = (experimentId: string) => {
    if (timers.has(experimentId) || !hasLocalWatchers(experimentId)) return;
    const timer = setTimeout(() => void send(experimentId), coalesceMs);
    timer.unref();
    timers.set(experimentId, timer);
  };

  const anyWatchers = () => {
    for (const room of io.of('/').adapter.rooms.keys()) if (room.startsWith('experiment:')) return true;
    return false;
  };

  const onJob = (jobId: string, finished: boolean) => {
    const cached = known.get(jobId);
    if (finished) known.delete(jobId);
    if (cached) return schedule(cached);
    if (!anyWatchers()) return;
    deps.experimentOfJob(jobId).then(
      (experimentId) => {
        if (!experimentId) return;
        if (!finished) remember(jobId, experimentId);
        schedule(experimentId);
      },
      (error: unknown) => log.warn({ err: error, jobId }, 'could not place a simulation job'),
    );
  };

  const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => {
    const parsed = ZProgressData.safeParse(data);
    if (!parsed.success) return onJob(jobId, false);
    remember(jobId, parsed.data.experimentId);
    schedule(parsed.data.experimentId);
  };
  const onActive = ({ jobId }: { jobId: string }) => onJob(jobId, false);
  const onFinished = ({ jobId }: { jobId: string }) => onJob(jobId, true);

  events.on('progress', onProgress);
  events.on('active', onActive);
  events.on('completed', onFinished);
  events.on('failed', onFinished);
  events.on('waiting', onActive);

  return {
    close() {
      events.off('progress', onProgress);
      events.off('active', onActive);
      events.off('completed', onFinished);
      events.off('failed', onFinished);
      events.off('waiting', onActive);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** Reads a job's experiment id from its data (run and experiment jobs both carry it). */
export function experimentIdOfJobData(data: unknown): string | null {
  const parsed = ZJobExperiment.safeParse(data);
  return parsed.success ? parsed.data.experimentId : null;
}
