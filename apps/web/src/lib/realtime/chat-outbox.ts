import type { Socket } from 'socket.io-client';
import type { Ack, ChatMessageWire, ClientToServerEvents, ServerToClientEvents } from '~/server/realtime/contracts';

export interface PendingChatMessage {
  clientId: string;
  channelId: string;
  body: string;
  threadRootId: string | null;
  /** files uploaded before sending (ids for the server, names to show while it waits) */
  attachmentIds?: string[];
  attachmentNames?: string[];
}

/** Where queued messages survive a reload (localStorage in the browser, memory in tests). */
export interface OutboxStorage {
  load(): PendingChatMessage[];
  save(items: PendingChatMessage[]): void;
}

export const memoryOutboxStorage = (): OutboxStorage => {
  let items: PendingChatMessage[] = [];
  return { load: () => items, save: (next) => void (items = [...next]) };
};

export function localOutboxStorage(key: string): OutboxStorage {
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? (parsed as PendingChatMessage[]).filter((p) => typeof p?.clientId === 'string' && typeof p.body === 'string') : [];
      } catch {
        return [];
      }
    },
    save(items) {
      globalThis.localStorage?.setItem(key, JSON.stringify(items));
    },
  };
}

/** Errors worth retrying: the server had a problem, not the message. */
const RETRYABLE = new Set(['INTERNAL', 'UNAVAILABLE', 'TOO_MANY_REQUESTS']);

export interface ChatOutbox {
  enqueue(message: Omit<PendingChatMessage, 'clientId'> & { clientId?: string }): PendingChatMessage;
  pending(): PendingChatMessage[];
  /** Resolves when everything queued so far has been stored (or refused). */
  drained(): Promise<void>;
  dispose(): void;
}

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The device's outbox: messages are queued (and persisted) first, then sent one at a time in order,
 * each waiting for the server's ack. While offline nothing is sent; on reconnect the queue resumes
 * from its head. A message whose ack was lost is resent with the same clientId, which the server
 * answers with the stored message, so nothing is duplicated and the order holds.
 */
export function createChatOutbox(opts: {
  socket: ChatSocket;
  storage?: OutboxStorage;
  ackTimeoutMs?: number;
  newClientId?: () => string;
  onStored?: (message: ChatMessageWire, pending: PendingChatMessage) => void;
  onRefused?: (pending: PendingChatMessage, error: { code: string; message: string }) => void;
  onChange?: (pending: PendingChatMessage[]) => void;
}): ChatOutbox {
  const { socket } = opts;
  const storage = opts.storage ?? memoryOutboxStorage();
  const ackTimeoutMs = opts.ackTimeoutMs ?? 10_000;
  const newClientId = opts.newClientId ?? (() => globalThis.crypto.randomUUID());
  let queue = storage.load();
  let inFlight = false;
  // Bumped on every disconnect: an ack from an older connection is ignored.
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let waiters: (() => void)[] = [];

  const changed = () => {
    storage.save(queue);
    opts.onChange?.(queue);
    if (queue.length === 0) {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  };

  function retrySoon() {
    retryTimer ??= setTimeout(() => {
      retryTimer = null;
      pump();
    }, 500);
  }

  function pump(): void {
    if (inFlight || queue.length === 0 || !socket.connected) return;
    const head = queue[0]!;
    const sentIn = generation;
    inFlight = true;
    socket.timeout(ackTimeoutMs).emit('chat:send', head, (err: Error | null, result: Ack<{ message: ChatMessageWire; created: boolean }>) => {
      if (sentIn !== generation) return;
      inFlight = false;
      if (err) return retrySoon();
      if (!result.ok && RETRYABLE.has(result.error.code)) return retrySoon();
      queue = queue.filter((q) => q.clientId !== head.clientId);
      if (result.ok) opts.onStored?.(result.data.message, head);
      else opts.onRefused?.(head, result.error);
      changed();
      pump();
    });
  }

  const onConnect = () => pump();
  const onDisconnect = () => {
    generation += 1;
    inFlight = false;
  };
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);

  return {
    enqueue(message) {
      const pending: PendingChatMessage = {
        clientId: message.clientId ?? newClientId(),
        channelId: message.channelId,
        body: message.body,
        threadRootId: message.threadRootId ?? null,
        ...(message.attachmentIds?.length ? { attachmentIds: message.attachmentIds, attachmentNames: message.attachmentNames ?? [] } : {}),
      };
      queue = [...queue, pending];
      storage.save(queue);
      opts.onChange?.(queue);
      pump();
      return pending;
    },
    pending: () => queue,
    drained: () => (queue.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    dispose() {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
