/**
 * Collaborative-document benchmark (`npm run bench:docs` = `tsx scripts/bench-docs.ts`).
 *
 * N simulated editors (stock @hocuspocus/provider clients, default 100) type continuously into one
 * document. Measured twice in the same run, each server in its own child process:
 * - "full": the app's Hocuspocus (/collab through crossws, with authentication by realtime token,
 *   the PostgreSQL persistence extension, the Redis extension and logging), on a throw-away
 *   database and Redis prefix;
 * - "bare": a Hocuspocus server with no extensions.
 * The editors are spread over several client processes (--procs, default 4), so the clients' own
 * event loops do not dominate the figures. Update propagation latency = time from one editor's
 * change to its arrival at each of 5 observer editors (on different processes; the send time
 * travels in the update, on the machine's shared clock). Prints p50/p95 of both, then the LAST line
 * as JSON with `ratio_p95` (full / bare; goal ≤ 1.3), the server's RSS per editor and how long each
 * server's event loop was held up while the editors typed (p99 and max).
 *
 * Both servers run side by side and take turns in R rounds (bare, full, full, bare, …), each mode
 * typing S/R seconds per round, so that background load on a shared machine falls on both alike.
 *
 * Options: --editors N (100), --seconds S (15, per mode), --interval MS between one editor's edits
 * (1000), --procs P client processes (4), --rounds R (4), --profile DIR (write a V8 CPU profile of
 * each server process there, to see where the server's time goes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createBenchEnvironment } from './bench-env';

const { values: args } = parseArgs({
  options: {
    serve: { type: 'string' },
    client: { type: 'string' },
    procs: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '4' },
    editors: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '15' },
    interval: { type: 'string', default: '1000' },
    profile: { type: 'string' },
  },
});

// ---------------------------------------------------------------- child: one server, reports RSS
async function serve(mode: string): Promise<void> {
  let port: number;
  if (mode === 'bare') {
    const { Server } = await import('@hocuspocus/server');
    const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
    await server.listen();
    port = server.address.port;
    process.once('SIGTERM', () => process.exit(0));
  } else {
    const { attachRealtime } = await import('../apps/web/src/server/realtime/attach-realtime');
    const http = createServer((_req, res) => res.end());
    const realtime = attachRealtime(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    port = (http.address() as { port: number }).port;
    // Graceful stop, as the web server does it: flush every document before exiting.
    process.once('SIGTERM', () => void realtime.close().finally(() => process.exit(0)));
  }
  console.log(JSON.stringify({ ready: true, port }));
  // How long the server's event loop was held up while the editors typed (from `typing` to `idle`,
  // one round): work a server does on its loop delays every update passing through it.
  const loop = monitorEventLoopDelay({ resolution: 2 });
  loop.enable();
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'typing') {
      loop.reset();
      console.log(JSON.stringify({ ok: 1 }));
    } else if (line === 'idle') {
      console.log(JSON.stringify({ loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 }));
    } else if (line === 'rss') {
      // Collect garbage first (the server runs with --expose-gc), so the figure is memory held for
      // the editors rather than whatever the collector had not yet reclaimed.
      (globalThis as { gc?: () => void }).gc?.();
      console.log(JSON.stringify({ rss: process.memoryUsage().rss }));
    }
  }
}

// ---------------------------------------------------------------- parent
interface Child {
  proc: ChildProcess;
  port: number;
  ask: (line: string) => Promise<Record<string, number>>;
}

function startChild(mode: string, env: NodeJS.ProcessEnv): Promise<Child> {
  // One folder per server: the main thread's profile sits beside the loader thread's.
  const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}/${mode}`] : [];
  const proc = spawn(process.execPath, [...profile, '--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', mode], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! });
  const waiting: ((v: Record<string, number>) => void)[] = [];
  let onReady: ((port: number) => void) | null = null;
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return;
    const msg = JSON.parse(line) as Record<string, number>;
    if (msg.ready) onReady?.(msg.port!);
    else waiting.shift()?.(msg);
  });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${mode} server exited (${code})`)));
    onReady = (port) =>
      resolve({
        proc,
        port,
        ask: (line) =>
          new Promise((r) => {
            waiting.push(r);
            proc.stdin!.write(`${line}\n`);
          }),
      });
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Milliseconds on a clock all processes of this machine share (sub-millisecond resolution). */
const sharedNow = () => performance.timeOrigin + performance.now();

interface ClientPlan {
  url: string;
  name: string;
  token: string;
  /** Global indices of this process's editors. */
  indices: number[];
  /** Of those, the ones that record arrivals. */
  observers: number[];
  editors: number;
  seconds: number;
  interval: number;
}

/** Connects the plan's editors; `go` makes them type for the planned time and returns what the observers saw. */
async function connectEditors(plan: ClientPlan) {
  const providers = new Map<number, HocuspocusProvider>();
  const latencies: number[] = [];
  await Promise.all(
    plan.indices.map(
      (i) =>
        new Promise<void>((resolve, reject) => {
          const websocketProvider = new HocuspocusProviderWebsocket({ url: plan.url, WebSocketPolyfill: WebSocket });
          const provider = new HocuspocusProvider({
            websocketProvider,
            name: plan.name,
            token: plan.token,
            document: new Y.Doc(),
            onSynced: () => resolve(),
            onAuthenticationFailed: ({ reason }) => reject(new Error(`editor ${i} refused: ${reason}`)),
          });
          provider.attach();
          providers.set(i, provider);
        }),
    ),
  );
  for (const o of plan.observers) {
    const bench = providers.get(o)!.document.getMap<{ seq: number; t: number }>('bench');
    bench.observe((event) => {
      const now = sharedNow();
      for (const key of event.keysChanged) {
        if (key === `e${o}`) continue;
        const sent = bench.get(key);
        if (sent) latencies.push(now - sent.t);
      }
    });
  }
  return {
    async go() {
      const timers: NodeJS.Timeout[] = [];
      let edits = 0;
      for (const [i, provider] of providers) {
        let seq = 0;
        const edit = () => {
          const doc = provider.document;
          doc.transact(() => {
            const p = new Y.XmlElement('paragraph');
            const t = new Y.XmlText();
            t.insert(0, `editor ${i} line ${seq}`);
            p.insert(0, [t]);
            doc.getXmlFragment('default').push([p]);
            seq += 1;
            doc.getMap<{ seq: number; t: number }>('bench').set(`e${i}`, { seq, t: sharedNow() });
          });
          edits += 1;
        };
        // Editors start spread over one interval, then edit every interval.
        timers.push(setTimeout(() => timers.push(setInterval(edit, plan.interval)), Math.floor((i / plan.editors) * plan.interval)));
      }
      await new Promise((r) => setTimeout(r, plan.seconds * 1000));
      for (const t of timers) {
        clearTimeout(t);
        clearInterval(t);
      }
      await new Promise((r) => setTimeout(r, 1000)); // let the last updates arrive
      return { edits, latencies };
    },
    close() {
      for (const p of providers.values()) {
        p.destroy();
        p.configuration.websocketProvider.destroy();
      }
    },
  };
}

// ---------------------------------------------------------------- child: a share of the editors
async function client(planJson: string): Promise<void> {
  const editors = await connectEditors(JSON.parse(planJson) as ClientPlan);
  console.log(JSON.stringify({ ready: true }));
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line !== 'go') continue;
    const result = await editors.go();
    // Stay connected until the parent has measured the server's memory and ends this process.
    console.log(JSON.stringify({ done: true, ...result }));
  }
  editors.close();
}

function startClient(plan: ClientPlan): Promise<{ go: () => Promise<{ edits: number; latencies: number[] }>; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--client', JSON.stringify(plan)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! });
  let onDone: ((v: { edits: number; latencies: number[] }) => void) | null = null;
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`client process exited (${code})`)));
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const msg = JSON.parse(line) as { ready?: boolean; done?: boolean; edits: number; latencies: number[] };
      if (msg.ready)
        resolve({
          proc,
          go: () =>
            new Promise((r) => {
              onDone = r;
              proc.stdin!.write('go\n');
            }),
        });
      else if (msg.done) onDone?.({ edits: msg.edits, latencies: msg.latencies });
    });
  });
}

/** Runs the editors over `procs` client processes; observers are the first editors of different processes. */
async function runEditors(base: Omit<ClientPlan, 'indices' | 'observers'>, procs: number, server: Child) {
  const shares = Array.from({ length: Math.min(procs, base.editors) }, (_, p) => Array.from({ length: base.editors }, (_, i) => i).filter((i) => i % procs === p));
  const observerCount = Math.min(5, base.editors);
  const observers = new Set(Array.from({ length: observerCount }, (_, k) => k));
  const clients = await Promise.all(shares.map((indices) => startClient({ ...base, indices, observers: indices.filter((i) => observers.has(i)) })));
  const close = () => {
    for (const c of clients) c.proc.kill('SIGTERM');
  };
  try {
    await server.ask('typing');
    const results = await Promise.all(clients.map((c) => c.go()));
    const loop = await server.ask('idle');
    return {
      loop,
      edits: results.reduce((n, r) => n + r.edits, 0),
      latencies: results.flatMap((r) => r.latencies).sort((a, b) => a - b),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

async function main(): Promise<void> {
  const editors = Number(args.editors);
  const seconds = Number(args.seconds);
  const interval = Number(args.interval);
  const procs = Math.max(1, Number(args.procs));
  const rounds = Math.max(1, Number(args.rounds));
  const { runId, db } = await createBenchEnvironment();
  const children: Child[] = [];
  try {
    // One member, one community, one project, one document.
    const userId = randomUUID();
    await db.prisma.user.create({ data: { id: userId, email: `bench-${runId}@example.org`, name: 'Bench', emailVerified: true } });
    const community = await db.prisma.community.create({ data: { slug: `bench-${runId}`, name: 'Bench', createdById: userId, memberships: { create: { userId, role: 'owner' } } } });
    const project = await db.prisma.project.create({ data: { communityId: community.id, slug: 'bench', title: 'Bench', linkKey: runId, createdById: userId } });
    const document = await db.prisma.document.create({ data: { projectId: project.id, title: 'Bench', createdById: userId } });
    const { createRealtimeToken } = await import('../apps/web/src/server/realtime/realtime-token');
    const token = createRealtimeToken(userId).token;

    const results: Record<string, { p50: number; p95: number; samples: number; edits: number; rssPerEditorKB: number; loopP99: number; loopMax: number }> = {};
    const modes = ['bare', 'full'] as const;
    const servers = {} as Record<(typeof modes)[number], { child: Child; url: string; name: string; heldForEditors: number; latencies: number[]; edits: number; loop: Record<string, number> }>;
    for (const mode of modes) {
      const child = await startChild(mode, process.env);
      children.push(child);
      const url = mode === 'bare' ? `ws://127.0.0.1:${child.port}` : `ws://127.0.0.1:${child.port}/collab`;
      const name = mode === 'bare' ? `bench-${runId}` : `doc:${document.id}`;
      // Warm-up: one editor loads the server's lazily imported modules and the document.
      const warm = await connectEditors({ url, name, token, indices: [0], observers: [], editors: 1, seconds: 0.5, interval });
      await warm.go();
      warm.close();
      servers[mode] = { child, url, name, heldForEditors: 0, latencies: [], edits: 0, loop: {} };
    }
    // Both servers stay up and take turns (bare, full, full, bare, …) so that load from anything
    // else on the machine falls on both alike.
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
        const server = servers[mode];
        const run = await runEditors({ url: server.url, name: server.name, token, editors, seconds: seconds / rounds, interval }, procs, server.child);
        // The worst round counts.
        server.loop = { loopP99: Math.max(server.loop.loopP99 ?? 0, run.loop.loopP99!), loopMax: Math.max(server.loop.loopMax ?? 0, run.loop.loopMax!) };
        // Memory held for the editors: RSS with them connected minus RSS once they have left
        // (same warm process, garbage collected both times); the largest round counts.
        const connected = (await server.child.ask('rss')).rss!;
        run.close();
        await new Promise((r) => setTimeout(r, 2_000));
        server.heldForEditors = Math.max(server.heldForEditors, connected - (await server.child.ask('rss')).rss!);
        server.latencies.push(...run.latencies);
        server.edits += run.edits;
      }
    }
    for (const mode of modes) {
      const server = servers[mode];
      const latencies = server.latencies.sort((a, b) => a - b);
      results[mode] = {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        samples: latencies.length,
        edits: server.edits,
        rssPerEditorKB: Math.round(server.heldForEditors / editors / 1024),
        loopP99: server.loop.loopP99 ?? NaN,
        loopMax: server.loop.loopMax ?? NaN,
      };
      const r = results[mode]!;
      console.log(`${mode.padEnd(4)}: ${editors} editors on ${procs} client processes, ${rounds} rounds, ${r.edits} edits, ${r.samples} deliveries — p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, server RSS +${r.rssPerEditorKB} KB/editor, server event-loop delay p99 ${r.loopP99.toFixed(1)} ms (max ${r.loopMax.toFixed(1)} ms)`);
      // Graceful stop, so the full server flushes the document before the check below.
      server.child.proc.kill('SIGTERM');
      await new Promise((r) => server.child.proc.once('exit', r));
    }
    const stored = await db.prisma.document.findUnique({ where: { id: document.id }, select: { plainText: true } });
    const storedLines = stored?.plainText ? stored.plainText.split('\n').length : 0;
    console.log(`full: ${storedLines} paragraphs persisted of ${results.full!.edits} typed`);
    const ratio = results.full!.p95 / results.bare!.p95;
    console.log(
      JSON.stringify({
        editors,
        seconds,
        intervalMs: interval,
        clientProcesses: procs,
        rounds,
        full_p50_ms: +results.full!.p50.toFixed(2),
        full_p95_ms: +results.full!.p95.toFixed(2),
        bare_p50_ms: +results.bare!.p50.toFixed(2),
        bare_p95_ms: +results.bare!.p95.toFixed(2),
        ratio_p95: +ratio.toFixed(3),
        rss_per_editor_kb: results.full!.rssPerEditorKB,
        bare_rss_per_editor_kb: results.bare!.rssPerEditorKB,
        full_loop_delay_p99_ms: +results.full!.loopP99.toFixed(2),
        full_loop_delay_max_ms: +results.full!.loopMax.toFixed(2),
        bare_loop_delay_p99_ms: +results.bare!.loopP99.toFixed(2),
        bare_loop_delay_max_ms: +results.bare!.loopMax.toFixed(2),
        persisted_all: storedLines === results.full!.edits,
      }),
    );
  } finally {
    for (const c of children) c.proc.kill('SIGKILL');
    await db.drop();
  }
}

if (args.client) {
  client(args.client).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else if (args.serve) {
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
