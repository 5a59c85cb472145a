import { z } from 'zod';

/** Acknowledgements carry either data or an error with a stable code the client can show. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export interface ServerToClientEvents {
  'session:revoked': () => void;
}

export interface ClientToServerEvents {
  'session:whoami': (ack: (result: Ack<{ id: string; name: string; role: string }>) => void) => void;
  'room:join': (payload: unknown, ack: (result: Ack<{ room: string }>) => void) => void;
}

export interface SocketData {
  userId: string;
  role: string;
  name: string;
}

/** Rooms are typed strings; joining one is always checked on the server. */
export const ZRoomJoin = z.object({ room: z.string().min(1).max(200).regex(/^[a-z]+:[A-Za-z0-9_-]+$/) });
