import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { parseUserRole, ZEditMessageInput, ZHistoryInput, ZMarkReadInput, ZMessageRef, ZReactInput, ZSendMessageInput, type ChatService } from '@p2pvalue/platform';
import { findNulCharacter, isAppError, NUL_CHARACTER_MESSAGE } from '@p2pvalue/shared';
import { checkChatSendRate } from '../chat-send-limit';
import { logger } from '../logger';
import {
  chatRoom,
  userRoom,
  ZChatChannelRef,
  ZChatTyping,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from './contracts';
import { toWire } from './chat-wire';
import type { SocketServer } from './socket-server';

type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AckFn<T> = (result: Ack<T>) => void;

/** Maps a failure to the ack's error (AppError codes pass through; the rest is logged). */
function failure(error: unknown): { ok: false; error: { code: string; message: string } } {
  if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.userMessage } };
  logger.error({ err: error }, 'chat socket handler failed');
  return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } };
}

const BAD = { ok: false as const, error: { code: 'BAD_REQUEST', message: 'Invalid request.' } };
/** Text with U+0000 cannot be stored (PostgreSQL text): refused like any invalid payload, with the reason. */
const NUL = { ok: false as const, error: { code: 'BAD_REQUEST', message: NUL_CHARACTER_MESSAGE } };

/**
 * Chat over socket.io. Every inbound payload is parsed; every room join and every action is
 * checked by the chat service (membership follows the community/project). Sends from one socket
 * are handled one after another so a sender's messages are stored in the order it sent them.
 */
export function registerChatHandlers(io: SocketServer, socket: ChatSocket, chat: () => ChatService, inFlight: Set<Promise<void>>): void {
  const actor = () => ({ id: socket.data.userId, role: parseUserRole(socket.data.role) });
  let sendChain: Promise<void> = Promise.resolve();

  function handle<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<T>) {
    return (payload: unknown, ack: AckFn<T>) => {
      if (typeof ack !== 'function') return;
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return ack(BAD);
      if (findNulCharacter(parsed.data) !== null) return ack(NUL);
      run(parsed.data).then(
        (data) => ack({ ok: true, data }),
        (error: unknown) => ack(failure(error)),
      );
    };
  }

  async function onlineIn(channelId: string): Promise<string[]> {
    const sockets = await io.in(chatRoom(channelId)).fetchSockets();
    return [...new Set(sockets.map((s) => s.data.userId))];
  }

  async function announcePresence(channelId: string): Promise<void> {
    io.to(chatRoom(channelId)).emit('chat:presence', { channelId, userIds: await onlineIn(channelId) });
  }

  socket.on(
    'chat:join',
    handle(ZChatChannelRef, async ({ channelId }) => {
      const { lastReadSeq } = await chat().history(actor(), { channelId, limit: 1 });
      await socket.join(chatRoom(channelId));
      const online = await onlineIn(channelId);
      socket.to(chatRoom(channelId)).emit('chat:presence', { channelId, userIds: online });
      return { channelId, lastReadSeq, online };
    }),
  );

  socket.on('chat:leave', (payload) => {
    const parsed = ZChatChannelRef.safeParse(payload);
    if (!parsed.success) return;
    void Promise.resolve(socket.leave(chatRoom(parsed.data.channelId))).then(() => announcePresence(parsed.data.channelId).catch(() => undefined));
  });

  socket.on('chat:send', (payload, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = ZSendMessageInput.safeParse(payload);
    if (!parsed.success) return ack(BAD);
    if (findNulCharacter(parsed.data) !== null) return ack(NUL);
    const work = sendChain.then(async () => {
      try {
        await checkChatSendRate(socket.data.userId);
        const { message, created, threadRoot, directUserIds } = await chat().sendMessage(actor(), parsed.data);
        const wire = toWire(message);
        ack({ ok: true, data: { message: wire, created } });
        // Resends are broadcast again: a crash between store and broadcast must not hide a message; clients dedupe by id.
        // A direct message also reaches its two people's own rooms (a new conversation appears in their lists).
        io.to([chatRoom(wire.channelId), ...directUserIds.map(userRoom)]).emit('chat:message', wire);
        if (threadRoot) io.to(chatRoom(wire.channelId)).emit('chat:updated', toWire(threadRoot));
      } catch (error) {
        ack(failure(error));
      }
    });
    sendChain = work;
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });

  socket.on(
    'chat:edit',
    handle(ZEditMessageInput, async (input) => {
      const wire = toWire(await chat().editMessage(actor(), input));
      io.to(chatRoom(wire.channelId)).emit('chat:updated', wire);
      return wire;
    }),
  );

  socket.on(
    'chat:delete',
    handle(ZMessageRef, async (input) => {
      const wire = toWire(await chat().deleteMessage(actor(), input));
      io.to(chatRoom(wire.channelId)).emit('chat:updated', wire);
      return wire;
    }),
  );

  socket.on(
    'chat:react',
    handle(ZReactInput, async (input) => {
      const result = await chat().react(actor(), input);
      io.to(chatRoom(result.channelId)).emit('chat:reactions', result);
      return { messageId: result.messageId, reactions: result.reactions };
    }),
  );

  socket.on(
    'chat:history',
    handle(ZHistoryInput, async (input) => {
      const { items, lastReadSeq } = await chat().history(actor(), input);
      return { items: items.map(toWire), lastReadSeq };
    }),
  );

  socket.on(
    'chat:read',
    handle(ZMarkReadInput, async (input) => {
      const result = await chat().markRead(actor(), input);
      io.to(chatRoom(input.channelId)).emit('chat:read', result);
      return { lastReadSeq: result.lastReadSeq };
    }),
  );

  socket.on('chat:typing', (payload) => {
    const parsed = ZChatTyping.safeParse(payload);
    // Only to rooms this socket joined (joins are checked), never to arbitrary channels.
    if (!parsed.success || !socket.rooms.has(chatRoom(parsed.data.channelId))) return;
    socket.to(chatRoom(parsed.data.channelId)).emit('chat:typing', { ...parsed.data, userId: socket.data.userId, name: socket.data.name });
  });

  socket.on('disconnecting', () => {
    const channels = [...socket.rooms].filter((room) => room.startsWith('chat:')).map((room) => room.slice('chat:'.length));
    // After the socket has left its rooms.
    setImmediate(() => {
      for (const channelId of channels) void announcePresence(channelId).catch(() => undefined);
    });
  });
}
