import type { Socket } from 'socket.io';
import { parseUserRole, type ExperimentService, type ExperimentStatusView } from '@p2pvalue/platform';
import { isAppError, type Logger } from '@p2pvalue/shared';
import { experimentRoom, ZExperimentRef, type ClientToServerEvents, type ExperimentProgressWire, type ServerToClientEvents, type SocketData } from './contracts';

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The status view with dates as ISO strings (the experiment.status procedure's output). */
export function experimentProgressWire(view: ExperimentStatusView): ExperimentProgressWire {
  return {
    ...view,
    runs: { ...view.runs },
    createdAt: view.createdAt.toISOString(),
    startedAt: view.startedAt?.toISOString() ?? null,
    finishedAt: view.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Live progress of experiments: a socket joins an experiment's room only after the same check
 * as experiment.status (its owner, or staff); "not yours" and "no such experiment" answer alike.
 */
export function registerExperimentHandlers(socket: AppSocket, service: () => ExperimentService, log: Logger): void {
  socket.on('experiment:watch', (payload, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = ZExperimentRef.safeParse(payload);
    if (!parsed.success) return ack({ ok: false, error: { code: 'BAD_REQUEST', message: 'Invalid request.' } });
    const actor = { id: socket.data.userId, role: parseUserRole(socket.data.role) };
    service()
      .getStatus(actor, parsed.data.experimentId)
      .then(
        async (view) => {
          await socket.join(experimentRoom(view.id));
          ack({ ok: true, data: experimentProgressWire(view) });
        },
        (error: unknown) => {
          if (isAppError(error)) return ack({ ok: false, error: { code: error.code, message: error.userMessage } });
          log.error({ err: error }, 'experiment watch failed');
          ack({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } });
        },
      );
  });

  socket.on('experiment:unwatch', (payload) => {
    const parsed = ZExperimentRef.safeParse(payload);
    if (parsed.success) void socket.leave(experimentRoom(parsed.data.experimentId));
  });
}
