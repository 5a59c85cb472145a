import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { Queue, QueueEvents } from 'bullmq';
import { createAdapter } from '@socket.io/redis-adapter';
import { createRedis, redisKey, SIMULATION_QUEUE, type Redis } from '@p2pvalue/shared';
import { env } from '../../env';
import { logger } from '../logger';
import type { ChatService } from '@p2pvalue/platform';
import { getDb } from '../db';
import { platformServices } from '../platform';
import { registerChatHandlers } from './chat-socket';
import { registerSocketServer, unregisterSocketServer } from './chat-broadcast';
import { registerNotificationHandlers, startNotificationPush } from './notification-socket';
import { registerExperimentHandlers } from './experiment-socket';
import { experimentIdOfJobData, startExperimentProgressRelay } from './experiment-progress';
import { experimentService } from '../simulation/experiment-service';
import { resolveRealtimeViewer } from './realtime-viewer';
import { headersFromNode } from './node-headers';
import { ZRoomJoin, type ClientToServerEvents, type ServerToClientEvents, type SocketData } from './contracts';

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * socket.io on /socket.io. Every connection is authenticated (session cookie, or an API token in
 * `auth.token`); rooms are shared across web processes through the Redis adapter.
 */
export function createSocketServer(httpServer: HttpServer): { io: SocketServer; close: () => Promise<void> } {
  const pub: Redis = createRedis(env.REDIS_URL, 'subscriber');
  const sub: Redis = pub.duplicate();
  const io: SocketServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 1_000_000,
    destroyUpgrade: false,
    cors: { origin: env.PUBLIC_URL, credentials: true },
    adapter: createAdapter(pub, sub, { key: redisKey(env.REDIS_PREFIX, 'socket.io') }),
  });

  io.use(async (socket, next) => {
    try {
      const token: unknown = socket.handshake.auth?.token;
      const viewer = await resolveRealtimeViewer(
        headersFromNode(socket.request.headers),
        typeof token === 'string' && token.length > 0 && token.length < 1000 ? token : undefined,
      );
      if (!viewer) return next(new Error('UNAUTHORIZED'));
      socket.data = { userId: viewer.id, role: viewer.role, name: viewer.name };
      next();
    } catch (error) {
      logger.error({ err: error }, 'socket authentication failed');
      next(new Error('UNAVAILABLE'));
    }
  });

  registerSocketServer(io);
  let chat: ChatService | null = null;
  const chatService = () => (chat ??= platformServices(getDb()).chat);
  // Chat sends in progress: shutdown lets them finish (store, ack, broadcast) before Redis closes.
  const chatWork = new Set<Promise<void>>();
  const notificationService = () => platformServices(getDb()).notifications;
  // Live unread badges: rows written by any process are announced by the database.
  const notificationPush = startNotificationPush({ io, databaseUrl: env.DATABASE_URL, countUnread: (userId) => platformServices(getDb()).repos.notifications.countUnread(userId), log: logger });
  notificationPush.catch((error: unknown) => logger.error({ err: error }, 'notification push could not start'));

  // Live experiment progress: the simulation queue's events, pushed to the experiments' rooms.
  const bullPrefix = redisKey(env.REDIS_PREFIX, 'bull');
  const queueEventsConnection: Redis = createRedis(env.REDIS_URL, 'subscriber');
  queueEventsConnection.on('error', (error: Error) => logger.warn({ err: error.message }, 'queue events connection error'));
  const queueEvents = new QueueEvents(SIMULATION_QUEUE, { connection: queueEventsConnection, prefix: bullPrefix });
  queueEvents.on('error', (error) => logger.warn({ err: error.message }, 'queue events error'));
  const simulationJobs = new Queue(SIMULATION_QUEUE, { connection: pub, prefix: bullPrefix });
  const experiments = () => experimentService(getDb());
  const progressRelay = startExperimentProgressRelay({
    io,
    events: queueEvents,
    experimentOfJob: async (jobId) => experimentIdOfJobData((await simulationJobs.getJob(jobId))?.data),
    statusOf: (experimentId) => experiments().statusForBroadcast(experimentId),
    log: logger,
  });

  io.on('connection', (socket) => {
    void socket.join(`user:${socket.data.userId}`);
    socket.on('session:whoami', (ack) => {
      if (typeof ack !== 'function') return;
      ack({ ok: true, data: { id: socket.data.userId, name: socket.data.name, role: socket.data.role } });
    });
    socket.on('room:join', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = ZRoomJoin.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: { code: 'BAD_REQUEST', message: 'Invalid room.' } });
      // Only one's own user room here; channel rooms are joined with chat:join (membership checked).
      if (parsed.data.room !== `user:${socket.data.userId}`) {
        return ack({ ok: false, error: { code: 'FORBIDDEN', message: 'You cannot join this room.' } });
      }
      void socket.join(parsed.data.room);
      ack({ ok: true, data: { room: parsed.data.room } });
    });
    registerChatHandlers(io, socket, chatService, chatWork);
    registerNotificationHandlers(socket, notificationService, logger);
    registerExperimentHandlers(socket, experiments, logger);
  });

  return {
    io,
    close: async () => {
      await notificationPush.then((listener) => listener.close(), () => undefined);
      unregisterSocketServer(io);
      progressRelay.close();
      await queueEvents.close().catch(() => undefined);
      await simulationJobs.close().catch(() => undefined);
      await io.close();
      await Promise.allSettled([...chatWork]);
      // QUIT lets commands still in flight (the adapter's last publishes) get their replies; a bare
      // disconnect rejected them ("Connection is closed") with nobody left to catch it. A Redis
      // that does not answer gets 2 s, then the connection is dropped.
      await Promise.all([pub, sub, queueEventsConnection].map((client) => closeGracefully(client)));
    },
  };
}

async function closeGracefully(client: Redis): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 2_000);
    timer.unref();
  });
  await Promise.race([client.quit().then(() => undefined, () => undefined), timeout]);
  clearTimeout(timer);
  client.disconnect();
}
