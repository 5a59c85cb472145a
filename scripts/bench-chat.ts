/**
 * Chat benchmark (`npm run bench:chat` = `tsx scripts/bench-chat.ts`).
 *
 * K socket.io clients (default 200, each its own member) in one channel, each sending one message
 * every `--interval` ms (spread evenly), for `--seconds`. Measured twice in the same run, each
 * server in its own child process:
 * - "full": the app's socket.io server (authentication by realtime token, membership checks,
 *   zod validation, the PostgreSQL transaction per message, the Redis adapter), on a throw-away
 *   database and Redis prefix;
 * - "bare": a plain socket.io server that acks and broadcasts to the room, nothing else.
 * Delivered msgs/s = broadcasts received by all clients / (first send → last delivery). Latency =
 * send → arrival at each receiving client. The LAST line is JSON with `throughput_ratio`
 * (full / bare; goal ≥ 0.5) and `p99_ratio` (full / bare; goal ≤ 1.5).
 *
 * Options: --clients K (200), --seconds S (15), --interval MS between one client's messages (4000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { createBenchEnvironment } from './bench-env';

const { values: args } = parseArgs({
  options: {
    serve: { type: 'string' },
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '15' },
    interval: { type: 'string', default: '4000' },
  },
});

// ---------------------------------------------------------------- child: one server
async function serve(mode: string): Promise<void> {
  const http = createServer((_req, res) => res.end());
  if (mode === 'bare') {
    const { Server } = await import('socket.io');
    const io = new Server(http, { path: '/socket.io', serveClient: false });
    io.on('connection', (socket) => {
      socket.on('chat:join', (payload: { channelId: string }, ack: (r: unknown) => void) => {
        void socket.join(`chat:${payload.channelId}`);
        ack({ ok: true, data: { channelId: payload.channelId, lastReadSeq: 0, online: [] } });
      });
      socket.on('chat:send', (payload: { channelId: string; clientId: string; body: string }, ack: (r: unknown) => void) => {
        const message = { ...payload, id: payload.clientId };
        ack({ ok: true, data: { message, created: true } });
        io.to(`chat:${payload.channelId}`).emit('chat:message', message);
      });
    });
  } else {
    const { attachRealtime } = await import('../apps/web/src/server/realtime/attach-realtime');
    const realtime = attachRealtime(http);
    process.once('SIGTERM', () => void realtime.close().finally(() => process.exit(0)));
  }
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  console.log(JSON.stringify({ ready: true, port: (http.address() as { port: number }).port }));
}

// ---------------------------------------------------------------- parent
function startChild(mode: string, env: NodeJS.ProcessEnv): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', mode], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${mode} server exited (${code})`)));
    lines.on('line', (line) => {
      if (line.startsWith('{"ready"')) resolve({ proc, port: (JSON.parse(line) as { port: number }).port });
    });
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function runClients(url: string, channelId: string, tokens: string[], seconds: number, interval: number) {
  const sockets: Socket[] = await Promise.all(
    tokens.map(
      (token) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connectSocket(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false });
          socket.once('connect', () => resolve(socket));
          socket.once('connect_error', reject);
        }),
    ),
  );
  for (const socket of sockets) {
    const joined = (await socket.emitWithAck('chat:join', { channelId })) as { ok: boolean };
    if (!joined.ok) throw new Error(`join refused: ${JSON.stringify(joined)}`);
  }
  const latencies: number[] = [];
  let delivered = 0;
  let failed = 0;
  const refusals = new Map<string, number>();
  let sent = 0;
  let lastDelivery = 0;
  for (const socket of sockets) {
    socket.on('chat:message', (message: { body: string }) => {
      const now = performance.now();
      delivered += 1;
      lastDelivery = now;
      latencies.push(now - Number(message.body.slice(2)));
    });
  }
  const started = performance.now();
  const timers: NodeJS.Timeout[] = [];
  for (const [i, socket] of sockets.entries()) {
    const send = () => {
      sent += 1;
      socket.emit('chat:send', { channelId, clientId: randomUUID(), body: `t:${performance.now()}` }, (r: { ok: boolean }) => {
        if (r.ok) return;
        failed += 1;
        const code = (r as { error?: { code?: string } }).error?.code ?? 'UNKNOWN';
        refusals.set(code, (refusals.get(code) ?? 0) + 1);
      });
    };
    timers.push(setTimeout(() => timers.push(setInterval(send, interval)), Math.floor((i / sockets.length) * interval)));
  }
  await new Promise((r) => setTimeout(r, seconds * 1000));
  for (const t of timers) {
    clearTimeout(t);
    clearInterval(t);
  }
  // Let the last broadcasts arrive (up to 10 s, or until 1 s passes with nothing new).
  for (let waited = 0; waited < 10_000; waited += 250) {
    const before = delivered;
    await new Promise((r) => setTimeout(r, 1000));
    if (delivered === before) break;
  }
  for (const socket of sockets) socket.close();
  const elapsed = (lastDelivery - started) / 1000;
  return { sent, failed, refusals: Object.fromEntries(refusals), delivered, expected: sent * sockets.length, throughput: delivered / elapsed, latencies: latencies.sort((a, b) => a - b) };
}

async function main(): Promise<void> {
  const clients = Number(args.clients);
  const seconds = Number(args.seconds);
  const interval = Number(args.interval);
  const { runId, db } = await createBenchEnvironment();
  const children: ChildProcess[] = [];
  try {
    // K members of one community; its general channel (created by the database trigger).
    const userIds = Array.from({ length: clients }, () => randomUUID());
    await db.prisma.user.createMany({ data: userIds.map((id, i) => ({ id, email: `bench-${runId}-${i}@example.org`, name: `Bench ${i}`, emailVerified: true })) });
    const community = await db.prisma.community.create({ data: { slug: `bench-${runId}`, name: 'Bench', createdById: userIds[0]! } });
    await db.prisma.membership.createMany({ data: userIds.map((userId, i) => ({ communityId: community.id, userId, role: i === 0 ? 'owner' : 'member' })) });
    const channel = await db.prisma.chatChannel.findFirstOrThrow({ where: { communityId: community.id, kind: 'general' }, select: { id: true } });
    const { createRealtimeToken } = await import('../apps/web/src/server/realtime/realtime-token');
    const tokens = userIds.map((id) => createRealtimeToken(id).token);

    const results: Record<string, Awaited<ReturnType<typeof runClients>>> = {};
    for (const mode of ['bare', 'full'] as const) {
      const child = await startChild(mode, process.env);
      children.push(child.proc);
      const url = `http://127.0.0.1:${child.port}`;
      // Warm-up: one client loads the server's lazily imported modules.
      await runClients(url, channel.id, tokens.slice(0, 1), 0.5, 100);
      const r = await runClients(url, channel.id, tokens, seconds, interval);
      results[mode] = r;
      console.log(
        `${mode.padEnd(4)}: ${clients} clients, ${r.sent} sent (${r.failed} refused ${JSON.stringify(r.refusals)}), ${r.delivered}/${r.expected} delivered — ${r.throughput.toFixed(0)} msgs/s, p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p99 ${percentile(r.latencies, 99).toFixed(1)} ms`,
      );
      child.proc.kill('SIGTERM');
      await new Promise((resolve) => child.proc.once('exit', resolve));
    }
    const stored = await db.prisma.chatMessage.count({ where: { channelId: channel.id } });
    console.log(`full: ${stored} messages stored of ${results.full!.sent} sent (including warm-up)`);
    const full = results.full!;
    const bare = results.bare!;
    console.log(
      JSON.stringify({
        clients,
        seconds,
        intervalMs: interval,
        full_msgs_per_s: Math.round(full.throughput),
        bare_msgs_per_s: Math.round(bare.throughput),
        full_p50_ms: +percentile(full.latencies, 50).toFixed(2),
        full_p99_ms: +percentile(full.latencies, 99).toFixed(2),
        bare_p50_ms: +percentile(bare.latencies, 50).toFixed(2),
        bare_p99_ms: +percentile(bare.latencies, 99).toFixed(2),
        full_delivered_ratio: +(full.delivered / full.expected).toFixed(4),
        throughput_ratio: +(full.throughput / bare.throughput).toFixed(3),
        p99_ratio: +(percentile(full.latencies, 99) / percentile(bare.latencies, 99)).toFixed(3),
      }),
    );
  } finally {
    for (const c of children) c.kill('SIGKILL');
    await db.drop();
  }
}

if (args.serve) {
  serve(args.serve).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
