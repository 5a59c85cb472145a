import { z } from 'zod';

/** Acknowledgements carry either data or an error with a stable code the client can show. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** A chat message as it travels over socket.io (dates as ISO strings). */
export interface ChatMessageWire {
  id: string;
  seq: number;
  channelId: string;
  authorId: string;
  authorName: string;
  clientId: string;
  body: string;
  threadRootId: string | null;
  replyCount: number;
  lastReplyAt: string | null;
  mentionedIds: string[];
  /** images are shown inline, other files offered as downloads; `url` serves the channel's readers only */
  attachments: { id: string; name: string; url: string; contentType: string; size: number }[];
  reactions: ChatReactionsWire;
  editedAt: string | null;
  deletedAt: string | null;
  createdAt: string;
}

export type ChatReactionsWire = { emoji: string; userIds: string[] }[];

/** An experiment's status as it travels over socket.io: the experiment.status procedure's output. */
export interface ExperimentProgressWire {
  id: string;
  name: string;
  status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  modelVersion: string;
  rootSeed: number;
  runs: { total: number; queued: number; running: number; done: number; failed: number; cancelled: number };
  progress: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ServerToClientEvents {
  'session:revoked': () => void;
  /** to the member's own sockets: a notification was stored for them (with their new unread count) */
  'notification:new': (payload: { id: string; kind: string; unread: number }) => void;
  /** to the member's own sockets: notifications were read or removed (e.g. on another device) */
  'notification:unread': (payload: { unread: number }) => void;
  /** a new message in a joined channel (also to the sender's other devices; dedupe by id) */
  'chat:message': (message: ChatMessageWire) => void;
  /** an edited or deleted message */
  'chat:updated': (message: ChatMessageWire) => void;
  'chat:reactions': (payload: { channelId: string; messageId: string; reactions: ChatReactionsWire }) => void;
  'chat:read': (payload: { channelId: string; userId: string; lastReadSeq: number }) => void;
  'chat:typing': (payload: { channelId: string; userId: string; name: string; typing: boolean }) => void;
  'chat:presence': (payload: { channelId: string; userIds: string[] }) => void;
  /** to a watched experiment's room: its status changed (a run progressed, started, finished or failed) */
  'experiment:progress': (status: ExperimentProgressWire) => void;
}

export interface ClientToServerEvents {
  'session:whoami': (ack: (result: Ack<{ id: string; name: string; role: string }>) => void) => void;
  'room:join': (payload: unknown, ack: (result: Ack<{ room: string }>) => void) => void;
  /** The caller's own unread notification count. */
  'notification:unread': (ack: (result: Ack<{ unread: number }>) => void) => void;
  /** Joins a channel's room (membership checked); answers the caller's read position and who is online. */
  'chat:join': (payload: unknown, ack: (result: Ack<{ channelId: string; lastReadSeq: number; online: string[] }>) => void) => void;
  'chat:leave': (payload: unknown) => void;
  /** Stores (idempotent on clientId), acks, then broadcasts to the channel's room. */
  'chat:send': (payload: unknown, ack: (result: Ack<{ message: ChatMessageWire; created: boolean }>) => void) => void;
  'chat:edit': (payload: unknown, ack: (result: Ack<ChatMessageWire>) => void) => void;
  'chat:delete': (payload: unknown, ack: (result: Ack<ChatMessageWire>) => void) => void;
  'chat:react': (payload: unknown, ack: (result: Ack<{ messageId: string; reactions: ChatReactionsWire }>) => void) => void;
  /** A page of history, oldest first: `before` pages back, `after` fetches what was missed. */
  'chat:history': (payload: unknown, ack: (result: Ack<{ items: ChatMessageWire[]; lastReadSeq: number }>) => void) => void;
  'chat:read': (payload: unknown, ack: (result: Ack<{ lastReadSeq: number }>) => void) => void;
  'chat:typing': (payload: unknown) => void;
  /** Joins an experiment's progress room (read access checked, as experiment.status); answers its status now. */
  'experiment:watch': (payload: unknown, ack: (result: Ack<ExperimentProgressWire>) => void) => void;
  'experiment:unwatch': (payload: unknown) => void;
}

export interface SocketData {
  userId: string;
  role: string;
  name: string;
}

/** Every socket joins its member's room; only that member's own events are sent there. */
export const userRoom = (userId: string) => `user:${userId}`;
export const chatRoom = (channelId: string) => `chat:${channelId}`;
export const experimentRoom = (experimentId: string) => `experiment:${experimentId}`;
export const ZExperimentRef = z.object({ experimentId: z.uuid() });
export const ZChatChannelRef = z.object({ channelId: z.uuid() });
export const ZChatTyping = z.object({ channelId: z.uuid(), typing: z.boolean() });

/** Rooms are typed strings; joining one is always checked on the server. */
export const ZRoomJoin = z.object({ room: z.string().min(1).max(200).regex(/^[a-z]+:[A-Za-z0-9_-]+$/) });
