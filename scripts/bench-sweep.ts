/**
 * Simulation-service benchmark (`npm run bench:sweep` = `tsx scripts/bench-sweep.ts`).
 *
 * One fixed experiment (default: the preset offline21sep_200steady with 6 repetitions, 96 runs) is run
 * (a) in a plain in-process loop with libs/sim, on this process's one thread;
 * (b) through the real queue (the web's BullMQ producer, a flow of one job per run) with 1 worker
 *     process, and (c) with 2 worker processes. Each worker process is started with
 *     WORKER_CONCURRENCY=1, so n processes use n cores: the numbers say what the queue costs and
 *     how it scales, not how many threads one process has.
 * Workers are apps/worker/src/main.ts started as child processes on a fresh database (cloned from
 * the migrated template) and a private REDIS_PREFIX; they are up (heartbeat seen) before the clock
 * starts, and the clock stops when the experiment row is closed. The stored summary and series of
 * every run of (b) and (c) are compared with the loop's, byte for byte.
 *
 * Human-readable lines first; the LAST line is one JSON object: loopSec, oneWorkerSec,
 * twoWorkersSec, speedup_2_workers (= oneWorkerSec / twoWorkersSec, goal ≥ 1.8 on 2 cores),
 * queue_efficiency (= loopSec / oneWorkerSec, goal ≥ 0.9), runs, runTicks, identical, and the
 * CPU seconds of the loop and of the one worker (cpu_efficiency = their ratio), which a busy
 * machine disturbs much less than wall time.
 *
 * Options: --preset NAME, --repetitions N, --steps T (override the preset's), --skip-two.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRun, designMetrics, findPreset, type Design } from '@p2pvalue/sim';
import { createBenchEnvironment } from './bench-env';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const say = (line: string) => console.log(line);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface RunFingerprint {
  summary: string;
  series: string;
  ticks: number;
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 1/100 s).
 * On a machine shared with other work, wall times are noisy; CPU time says what the queue costs.
 */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
const selfCpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

function parseOptions() {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'offline21sep_200steady' },
      repetitions: { type: 'string', default: '6' },
      steps: { type: 'string' },
      'skip-two': { type: 'boolean', default: false },
    },
  });
  const preset = findPreset(values.preset);
  if (!preset) throw new Error(`no preset ${values.preset}`);
  const design: Design = { ...preset, repetitions: Number(values.repetitions), ...(values.steps ? { steps: Number(values.steps) } : {}), seed: 8080 };
  return { design, skipTwo: values['skip-two'] };
}

/** Sorted JSON, so that jsonb's key order does not count as a difference. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

async function main(): Promise<void> {
  const { design, skipTwo } = parseOptions();
  const { runId, db } = await createBenchEnvironment();
  // Imported after the bench environment is set: these read DATABASE_URL / REDIS_PREFIX at load.
  const { checkExperimentDesign, createExperimentRepository, createExperimentService, expandExperimentRuns, packJson } = await import('@p2pvalue/platform');
  const { createBullExperimentQueue } = await import('../apps/web/src/server/simulation/experiment-queue');
  const { createRedis, redisKey, workerHeartbeatKey } = await import('@p2pvalue/shared');

  const redis = createRedis(process.env.REDIS_URL!, 'producer');
  const queue = createBullExperimentQueue({ connection: redis, prefix: redisKey(process.env.REDIS_PREFIX!, 'bull') });
  const children: ChildProcess[] = [];
  try {
    const checked = checkExperimentDesign(design);
    const specs = expandExperimentRuns(checked);
    say(`[bench:sweep] ${design.name}: ${specs.length} runs × ≤ ${design.steps} ticks, load average ${loadavg()[0]?.toFixed(2)} (run ${runId})`);

    // (a) the plain loop: the same runs, the same options and packing as the worker's executor.
    const loop = new Map<string, RunFingerprint>();
    let runTicks = 0;
    const loopStarted = performance.now();
    const loopCpuStarted = selfCpu();
    for (const spec of specs) {
      const run = createRun(
        { seed: spec.seed, params: spec.params, ...(checked.design.variant ? { variant: checked.design.variant } : {}), ...(checked.design.fidelity ? { fidelity: checked.design.fidelity } : {}) },
        { ticks: checked.design.steps, metrics: designMetrics(checked.design), record: checked.design.runMetricsEveryStep === false ? 'final' : 'every-tick' },
      );
      run.stepTo(checked.design.steps);
      const output = run.output();
      runTicks += output.ticks;
      loop.set(`${spec.conditionIndex}/${spec.replicate}`, {
        summary: canonical({ ...output.summary, runtimeErrors: output.runtimeErrors }),
        series: sha(packJson({ ticks: output.ticks, metrics: output.series })),
        ticks: output.ticks,
      });
    }
    const loopSec = (performance.now() - loopStarted) / 1000;
    const loopCpuSec = selfCpu() - loopCpuStarted;
    say(`[bench:sweep] (a) plain loop: ${loopSec.toFixed(2)} s (${loopCpuSec.toFixed(2)} s CPU) for ${specs.length} runs, ${runTicks} run-ticks`);

    const owner = await db.prisma.user.create({ data: { id: `bench-${runId}`, email: `bench-${runId}@example.org`, name: 'Bench', role: 'researcher' } });
    const service = createExperimentService({ experiments: createExperimentRepository(db.prisma), queue, clock: () => new Date() });

    const startWorkers = async (count: number, label: string) => {
      const ids = Array.from({ length: count }, (_, i) => `bench-${label}-${i + 1}`);
      for (const id of ids) {
        const child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
          cwd: ROOT,
          env: { ...process.env, WORKER_ID: id, WORKER_CONCURRENCY: '1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
          stdio: ['ignore', 'inherit', 'inherit'],
        });
        children.push(child);
      }
      const deadline = Date.now() + 60_000;
      for (const id of ids) {
        while (!(await redis.exists(workerHeartbeatKey(process.env.REDIS_PREFIX!, id)))) {
          if (Date.now() > deadline) throw new Error(`worker ${id} sent no heartbeat within 60 s`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const stopWorkers = async () => {
      await Promise.all(
        children.splice(0).map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    };

    /** Submits the design, times it to the closed experiment, and compares every run with the loop. */
    const timeThroughQueue = async (workers: number) => {
      await startWorkers(workers, `w${workers}`);
      const workerPids = children.map((child) => child.pid);
      const cpuBefore = workerPids.reduce<number>((sum, pid) => sum + cpuSeconds(pid), 0);
      const started = performance.now();
      const { id } = await service.submit({ id: owner.id, role: 'researcher' }, design);
      for (;;) {
        const row = await db.prisma.experiment.findUniqueOrThrow({ where: { id }, select: { status: true } });
        if (row.status !== 'queued' && row.status !== 'running') {
          if (row.status !== 'completed') throw new Error(`experiment ended ${row.status}`);
          break;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      const seconds = (performance.now() - started) / 1000;
      const cpuSec = workerPids.reduce<number>((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore;
      await stopWorkers();
      const runs = await db.prisma.experimentRun.findMany({ where: { experimentId: id }, select: { conditionIndex: true, repetition: true, summary: true, series: true, attempts: true, workerId: true } });
      let differing = 0;
      for (const run of runs) {
        const expected = loop.get(`${run.conditionIndex}/${run.repetition}`);
        if (!expected || expected.summary !== canonical(run.summary) || !run.series || expected.series !== sha(run.series)) differing++;
      }
      const identical = runs.length === loop.size && differing === 0;
      const perWorker = new Map<string, number>();
      for (const run of runs) perWorker.set(run.workerId ?? '?', (perWorker.get(run.workerId ?? '?') ?? 0) + 1);
      say(
        `[bench:sweep] (${workers === 1 ? 'b' : 'c'}) ${workers} worker process${workers === 1 ? '' : 'es'}: ${seconds.toFixed(2)} s (${cpuSec.toFixed(2)} s CPU in the workers); ` +
          `results ${identical ? 'identical to the loop' : `DIFFER in ${differing} of ${runs.length} runs`}; runs per worker ${[...perWorker.values()].join(' + ')}; ` +
          `attempts > 1: ${runs.filter((r) => r.attempts > 1).length}`,
      );
      return { seconds, cpuSec, identical };
    };

    const one = await timeThroughQueue(1);
    const two = skipTwo ? null : await timeThroughQueue(2);
    const result = {
      preset: design.name,
      runs: specs.length,
      runTicks,
      loopSec: Number(loopSec.toFixed(2)),
      oneWorkerSec: Number(one.seconds.toFixed(2)),
      twoWorkersSec: two ? Number(two.seconds.toFixed(2)) : null,
      speedup_2_workers: two ? Number((one.seconds / two.seconds).toFixed(3)) : null,
      queue_efficiency: Number((loopSec / one.seconds).toFixed(3)),
      // The same ratio in CPU time: what the queue path costs on top of the model, whatever the load.
      loopCpuSec: Number(loopCpuSec.toFixed(2)),
      oneWorkerCpuSec: Number(one.cpuSec.toFixed(2)),
      cpu_efficiency: Number((loopCpuSec / one.cpuSec).toFixed(3)),
      identical: one.identical && (two?.identical ?? true),
      loadAverage: Number(loadavg()[0]?.toFixed(2)),
    };
    say(`[bench:sweep] speedup with 2 workers ${result.speedup_2_workers ?? '-'} (goal ≥ 1.8), queue efficiency ${result.queue_efficiency} (goal ≥ 0.9)`);
    console.log(JSON.stringify(result));
    if (!result.identical) process.exitCode = 1;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await queue.close();
    redis.disconnect();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
