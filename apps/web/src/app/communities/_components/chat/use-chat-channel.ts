'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatMessageWire, ChatReactionsWire } from '~/server/realtime/contracts';
import { getAppSocket, type AppSocket } from '~/lib/realtime/socket-client';
import { createChatOutbox, localOutboxStorage, type ChatOutbox, type PendingChatMessage } from '~/lib/realtime/chat-outbox';

const PAGE = 50;

export interface ChatChannelState {
  /** top-level messages, oldest first */
  messages: ChatMessageWire[];
  repliesOf: (rootId: string) => ChatMessageWire[];
  pending: PendingChatMessage[];
  connected: boolean;
  /** the read position when the channel was opened: the "new messages" divider goes after it */
  dividerSeq: number | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  online: string[];
  typing: { userId: string; name: string }[];
  readBy: Map<string, { name: string; lastReadSeq: number }>;
  error: string | null;
  loadOlder: () => Promise<void>;
  loadThread: (rootId: string) => Promise<void>;
  send: (body: string, threadRootId: string | null, attachments?: { id: string; name: string }[]) => void;
  edit: (messageId: string, body: string) => Promise<boolean>;
  remove: (messageId: string) => Promise<void>;
  react: (messageId: string, emoji: string, on: boolean) => Promise<void>;
  setTyping: (typing: boolean) => void;
  clearError: () => void;
}

/**
 * One channel, live: joins its room on every (re)connect and fetches what was missed since the
 * newest message held (no gaps, no duplicates: messages are kept by id), pages history backwards,
 * and sends through the device's outbox (queued while offline, sent in order on reconnect).
 */
export function useChatChannel(channelId: string, viewer: { id: string; name: string }, initialReceipts: { userId: string; name: string; lastReadSeq: number }[]): ChatChannelState {
  const [byId, setById] = useState<Map<string, ChatMessageWire>>(new Map());
  const [pending, setPending] = useState<PendingChatMessage[]>([]);
  const [connected, setConnected] = useState(false);
  const [dividerSeq, setDividerSeq] = useState<number | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [online, setOnline] = useState<string[]>([]);
  const [typingMap, setTypingMap] = useState<Map<string, { name: string; until: number }>>(new Map());
  const [readBy, setReadBy] = useState(() => new Map(initialReceipts.map((r) => [r.userId, { name: r.name, lastReadSeq: r.lastReadSeq }])));
  const [error, setError] = useState<string | null>(null);
  const socketRef = useRef<AppSocket | null>(null);
  const outboxRef = useRef<ChatOutbox | null>(null);
  const maxSeq = useRef(0);
  const lastTypingSent = useRef(0);

  const upsert = useCallback((items: ChatMessageWire[]) => {
    if (items.length === 0) return;
    setById((prev) => {
      const next = new Map(prev);
      for (const m of items) {
        if (m.channelId !== channelId) continue;
        next.set(m.id, m);
        if (!m.threadRootId && m.seq > maxSeq.current) maxSeq.current = m.seq;
      }
      return next;
    });
  }, [channelId]);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void getAppSocket().then((socket) => {
      if (disposed) return;
      socketRef.current = socket;
      const sync = async () => {
        setConnected(true);
        const joined = await socket.emitWithAck('chat:join', { channelId });
        if (!joined.ok) return setError(joined.error.message);
        setOnline(joined.data.online);
        setDividerSeq((d) => d ?? joined.data.lastReadSeq);
        if (maxSeq.current === 0) {
          const page = await socket.emitWithAck('chat:history', { channelId, limit: PAGE });
          if (!page.ok) return setError(page.error.message);
          upsert(page.data.items);
          setHasOlder(page.data.items.length === PAGE);
          return;
        }
        // Reconnected: fetch everything after the newest message held.
        for (;;) {
          const page = await socket.emitWithAck('chat:history', { channelId, after: maxSeq.current, limit: 200 });
          if (!page.ok) return setError(page.error.message);
          upsert(page.data.items);
          if (page.data.items.length < 200) break;
        }
      };
      const onDisconnect = () => setConnected(false);
      const onMessage = (m: ChatMessageWire) => upsert([m]);
      const onReactions = (p: { channelId: string; messageId: string; reactions: ChatReactionsWire }) =>
        setById((prev) => {
          const m = prev.get(p.messageId);
          if (!m) return prev;
          return new Map(prev).set(p.messageId, { ...m, reactions: p.reactions });
        });
      const onTyping = (p: { channelId: string; userId: string; name: string; typing: boolean }) => {
        if (p.channelId !== channelId || p.userId === viewer.id) return;
        setTypingMap((prev) => {
          const next = new Map(prev);
          if (p.typing) next.set(p.userId, { name: p.name, until: Date.now() + 5000 });
          else next.delete(p.userId);
          return next;
        });
      };
      const onPresence = (p: { channelId: string; userIds: string[] }) => p.channelId === channelId && setOnline(p.userIds);
      const onRead = (p: { channelId: string; userId: string; lastReadSeq: number }) => {
        if (p.channelId !== channelId) return;
        setReadBy((prev) => new Map(prev).set(p.userId, { name: prev.get(p.userId)?.name ?? 'Someone', lastReadSeq: p.lastReadSeq }));
      };
      const onConnect = () => void sync().catch(() => undefined);
      socket.on('connect', onConnect);
      socket.on('disconnect', onDisconnect);
      socket.on('chat:message', onMessage);
      socket.on('chat:updated', onMessage);
      socket.on('chat:reactions', onReactions);
      socket.on('chat:typing', onTyping);
      socket.on('chat:presence', onPresence);
      socket.on('chat:read', onRead);
      const outbox = createChatOutbox({
        socket,
        storage: localOutboxStorage(`p2pv.chat.outbox.${viewer.id}`),
        onStored: (m) => upsert([m]),
        onRefused: (_p, e) => setError(e.message),
        onChange: (queue) => setPending([...queue]),
      });
      outboxRef.current = outbox;
      setPending([...outbox.pending()]);
      if (socket.connected) onConnect();
      cleanup = () => {
        socket.off('connect', onConnect);
        socket.off('disconnect', onDisconnect);
        socket.off('chat:message', onMessage);
        socket.off('chat:updated', onMessage);
        socket.off('chat:reactions', onReactions);
        socket.off('chat:typing', onTyping);
        socket.off('chat:presence', onPresence);
        socket.off('chat:read', onRead);
        socket.emit('chat:leave', { channelId });
        outbox.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [channelId, upsert, viewer.id]);

  // Typing indicators expire if the "stopped" event was lost.
  useEffect(() => {
    if (typingMap.size === 0) return;
    const timer = setInterval(() => setTypingMap((prev) => new Map([...prev].filter(([, v]) => v.until > Date.now()))), 1000);
    return () => clearInterval(timer);
  }, [typingMap.size]);

  const all = useMemo(() => [...byId.values()].sort((a, b) => a.seq - b.seq), [byId]);
  const messages = useMemo(() => all.filter((m) => !m.threadRootId), [all]);
  const newest = messages.at(-1)?.seq ?? 0;

  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    onChange();
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  // Mark read while the channel is on screen (the server only ever moves the position forward).
  useEffect(() => {
    const socket = socketRef.current;
    if (!socket || newest === 0 || !visible) return;
    socket.emit('chat:read', { channelId, seq: newest }, () => undefined);
  }, [channelId, newest, visible]);

  const ack = <T,>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T | null => {
    if (result.ok) return result.data;
    setError(result.error.message);
    return null;
  };

  return {
    messages,
    repliesOf: (rootId) => all.filter((m) => m.threadRootId === rootId),
    pending: pending.filter((p) => p.channelId === channelId),
    connected,
    dividerSeq,
    hasOlder,
    loadingOlder,
    online,
    typing: [...typingMap].map(([userId, v]) => ({ userId, name: v.name })),
    readBy,
    error,
    clearError: () => setError(null),
    async loadOlder() {
      const socket = socketRef.current;
      const oldest = messages[0]?.seq;
      if (!socket || oldest === undefined || loadingOlder) return;
      setLoadingOlder(true);
      try {
        const page = ack(await socket.emitWithAck('chat:history', { channelId, before: oldest, limit: PAGE }));
        if (page) {
          upsert(page.items);
          setHasOlder(page.items.length === PAGE);
        }
      } finally {
        setLoadingOlder(false);
      }
    },
    async loadThread(rootId) {
      const socket = socketRef.current;
      if (!socket) return;
      const page = ack(await socket.emitWithAck('chat:history', { channelId, threadRootId: rootId, limit: 200 }));
      if (page) upsert(page.items);
    },
    send(body, threadRootId, attachments = []) {
      outboxRef.current?.enqueue({ channelId, body, threadRootId, attachmentIds: attachments.map((a) => a.id), attachmentNames: attachments.map((a) => a.name) });
      socketRef.current?.emit('chat:typing', { channelId, typing: false });
      lastTypingSent.current = 0;
    },
    async edit(messageId, body) {
      const socket = socketRef.current;
      if (!socket) return false;
      const edited = ack(await socket.emitWithAck('chat:edit', { messageId, body }));
      if (edited) upsert([edited]);
      return !!edited;
    },
    async remove(messageId) {
      const socket = socketRef.current;
      if (!socket) return;
      const deleted = ack(await socket.emitWithAck('chat:delete', { messageId }));
      if (deleted) upsert([deleted]);
    },
    async react(messageId, emoji, on) {
      const socket = socketRef.current;
      if (!socket) return;
      ack(await socket.emitWithAck('chat:react', { messageId, emoji, on }));
    },
    setTyping(typing) {
      const socket = socketRef.current;
      if (!socket?.connected) return;
      const now = Date.now();
      if (typing && now - lastTypingSent.current < 2500) return;
      lastTypingSent.current = typing ? now : 0;
      socket.emit('chat:typing', { channelId, typing });
    },
  };
}
