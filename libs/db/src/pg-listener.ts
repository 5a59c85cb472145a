import pg from 'pg';

export interface PgListener {
  close(): Promise<void>;
}

export interface PgListenerOptions {
  connectionString: string;
  channel: string;
  onPayload: (payload: string) => void;
  onError?: (error: unknown) => void;
  /** Called after a lost connection is back (messages sent meanwhile are lost: resync state). */
  onReconnect?: () => void;
  retryMs?: number;
}

/**
 * LISTENs on one PostgreSQL channel over a dedicated connection (NOTIFY needs one; a pooled
 * connection would miss messages) and reconnects after a dropped connection until closed.
 */
export async function listenToPostgres(opts: PgListenerOptions): Promise<PgListener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(opts.channel)) throw new Error(`Invalid channel name: ${opts.channel}`);
  const retryMs = opts.retryMs ?? 1_000;
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: opts.connectionString });
    next.on('notification', (msg) => {
      if (msg.channel === opts.channel && msg.payload !== undefined) opts.onPayload(msg.payload);
    });
    next.on('error', (error) => {
      opts.onError?.(error);
      scheduleReconnect(next);
    });
    next.on('end', () => scheduleReconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${opts.channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
  };

  const retry = async () => {
    timer = null;
    if (closed) return;
    try {
      await connect();
      opts.onReconnect?.();
    } catch (error) {
      opts.onError?.(error);
      timer = setTimeout(() => void retry(), retryMs);
    }
  };

  function scheduleReconnect(dead: pg.Client) {
    if (closed || client !== dead || timer) return;
    client = null;
    void dead.end().catch(() => undefined);
    timer = setTimeout(() => void retry(), retryMs);
  }

  await connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
