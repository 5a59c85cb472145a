import { request } from '../harness/http-client';
import { FaultSystem } from '../harness/fault-system';
import { sleep } from '../harness/processes';
import { expectThat, fail, type FaultScenario } from '../scenario';

const SECOND_WORKER = 'worker-2';
// The `final` variant at twenty times the default population: its first ticks are slow (a big
// community), then it shrinks and steps fast, lasting a few seconds to its end (some seeds die
// out before 2,000 ticks). The harness checkpoints every 0.5 s whatever a checkpoint costs
// (WORKER_CHECKPOINT_MAX_PERCENT=100), so a run has several checkpoints, time enough to kill a
// worker in the middle of one.
const DESIGN = {
  name: 'faults: worker kill',
  repetitions: 4,
  steps: 2000,
  variant: 'final',
  fidelity: 'faithful',
  seed: 4242,
  runMetricsEveryStep: true,
  metrics: ['count_1s', 'count_9s', 'count_90s', 'count_projects'],
  enumerated: { 'initial-number-1s': [40], 'initial-number-9s': [400], 'initial-number-90s': [4000] },
};

type RunRow = { id: string; status: string; workerId: string; checkpointTick: number; attempts: number };

/**
 * kill -9 of a worker in the middle of an experiment: its run is taken over by the other worker
 * (BullMQ's stalled-job check, once the dead worker's lock expires), resumes from its last
 * checkpoint rather than from tick 0, and every run's stored series and summary are byte for byte
 * those of an uninterrupted experiment with the same seeds; no run is counted twice. Then two
 * workers share one experiment with nothing configured but REDIS_URL and DATABASE_URL.
 */
export const workerKill: FaultScenario = {
  name: 'worker-kill',
  summary: 'a worker is killed (SIGKILL) mid-experiment; another finishes its runs from their checkpoints, results identical',
  async run({ system, step, onCleanup }) {
    let token = '';
    const runsOf = (experimentId: string): RunRow[] =>
      system
        .sql(`SELECT id, status, coalesce("workerId", ''), coalesce("checkpointTick", -1), attempts FROM experiment_run WHERE "experimentId" = '${experimentId}' ORDER BY "conditionIndex", repetition`)
        .map(([id, status, workerId, checkpointTick, attempts]) => ({ id: id!, status: status!, workerId: workerId!, checkpointTick: Number(checkpointTick), attempts: Number(attempts) }));
    const submit = async (key: string): Promise<string> => {
      const result = await request(
        `${system.baseUrl}/api/v1/experiments`,
        { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ ...DESIGN, idempotencyKey: key }) },
        30_000,
      );
      const id = (result.json as { id?: string } | null)?.id;
      if (result.status !== 200 || !id) fail(`POST /api/v1/experiments → ${result.status} ${result.text.slice(0, 300)}`);
      return id;
    };
    const waitForExperiment = async (id: string, timeoutMs: number): Promise<string> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = system.sql(`SELECT status FROM experiment WHERE id = '${id}'`);
        const status = row?.[0] ?? 'missing';
        if (status !== 'queued' && status !== 'running') return status;
        if (Date.now() > deadline) fail(`experiment ${id} still ${status} after ${timeoutMs} ms: ${JSON.stringify(runsOf(id))}`);
        await sleep(250);
      }
    };
    // (conditionIndex, repetition) → md5 of the stored series and the summary
    const resultsOf = (id: string) =>
      new Map(
        system
          .sql(`SELECT "conditionIndex" || '/' || repetition, md5(series), md5(summary::text), seed FROM experiment_run WHERE "experimentId" = '${id}' AND status = 'completed'`)
          .map(([key, series, summary, seed]) => [key!, `${seed} ${series} ${summary}`]),
      );

    let killedExperiment = '';
    let victim: RunRow | undefined;
    let victimWorker = '';

    await step('before: two workers, a researcher with an API token', async () => {
      await system.startWorker(SECOND_WORKER);
      onCleanup(async () => {
        if (!system.workerAlive(FaultSystem.FIRST_WORKER)) await system.startWorker(FaultSystem.FIRST_WORKER);
        await system.stopWorker(SECOND_WORKER);
      });
      const both = await system.waitForHealth((body, status) => status === 200 && body.workers >= 2, 60_000);
      expectThat(both, 'health never counted two worker heartbeats');
      ({ token } = await system.createApiToken(await system.signIn('researcher@example.org'), 'faults worker kill'));
      return `workers=${both.value.body?.workers}`;
    });

    await step('queue an experiment (4 runs × 2,000 ticks) and kill -9 the worker of a checkpointed run', async () => {
      killedExperiment = await submit('faults-worker-kill-a');
      const deadline = Date.now() + 120_000;
      while (!victim) {
        victim = runsOf(killedExperiment).find((run) => run.status === 'running' && run.checkpointTick >= 300 && run.workerId !== '');
        if (victim) break;
        if (Date.now() > deadline) fail(`no run reached a checkpoint at tick 300 within 120 s: ${JSON.stringify(runsOf(killedExperiment))}`);
        await sleep(50);
      }
      victimWorker = victim.workerId;
      expectThat(victimWorker === FaultSystem.FIRST_WORKER || victimWorker === SECOND_WORKER, `unexpected worker id ${victimWorker}`);
      await system.killWorker(victimWorker);
      return `${victimWorker} killed while run ${victim.id.slice(0, 8)} had its checkpoint at tick ${victim.checkpointTick}`;
    });

    await step('the other worker takes the run over and resumes it from its checkpoint', async () => {
      const before = victim!.checkpointTick;
      let lowest = Number.POSITIVE_INFINITY;
      let takenOverAfter = -1;
      const started = Date.now();
      for (;;) {
        const run = runsOf(killedExperiment).find((row) => row.id === victim!.id)!;
        if (run.workerId !== victimWorker && run.status !== 'queued') {
          if (takenOverAfter < 0) takenOverAfter = Date.now() - started;
          // a restart from scratch would store its first checkpoints, below the one it was killed at, again
          if (run.status === 'running' && run.checkpointTick >= 0) lowest = Math.min(lowest, run.checkpointTick);
          if (run.status === 'completed') break;
        }
        if (Date.now() - started > 150_000) fail(`run not finished by another worker within 150 s: ${JSON.stringify(run)}`);
        await sleep(50);
      }
      expectThat(!Number.isFinite(lowest) || lowest >= before, `the run went back to tick ${lowest} (its checkpoint was at ${before}): it did not resume`);
      const run = runsOf(killedExperiment).find((row) => row.id === victim!.id)!;
      expectThat(run.attempts >= 2, `attempts ${run.attempts}: the takeover was not a second attempt`);
      return `taken over after ${(takenOverAfter / 1000).toFixed(1)} s; no checkpoint below tick ${before} afterwards; attempts ${run.attempts}`;
    });

    await step('the experiment completes; every run counted once', async () => {
      const status = await waitForExperiment(killedExperiment, 180_000);
      expectThat(status === 'completed', `experiment ended ${status}`);
      const runs = runsOf(killedExperiment);
      expectThat(runs.length === 4 && runs.every((run) => run.status === 'completed'), `runs: ${JSON.stringify(runs)}`);
      const [[total, done]] = system.sql(`SELECT "totalRuns", (SELECT count(*) FROM experiment_run WHERE "experimentId" = '${killedExperiment}' AND status = 'completed') FROM experiment WHERE id = '${killedExperiment}'`) as [[string, string]];
      expectThat(total === '4' && done === '4', `totalRuns ${total}, completed rows ${done}`);
      return `4/4 runs completed, attempts ${runs.map((run) => run.attempts).join(',')}`;
    });

    await step('restart the killed worker; an uninterrupted twin experiment is shared by both workers', async () => {
      await system.startWorker(victimWorker);
      const both = await system.waitForHealth((body, status) => status === 200 && body.workers >= 2, 60_000);
      expectThat(both, 'the restarted worker never sent a heartbeat');
      const twin = await submit('faults-worker-kill-b');
      // 4 runs on 2 workers: a couple of minutes on an idle machine, more when the machine is shared.
      const status = await waitForExperiment(twin, 360_000);
      expectThat(status === 'completed', `twin experiment ended ${status}`);
      const workers = new Set(runsOf(twin).map((run) => run.workerId));
      expectThat(workers.size === 2, `the twin's runs all ran on ${[...workers].join(', ')}`);
      const killed = resultsOf(killedExperiment);
      const clean = resultsOf(twin);
      expectThat(killed.size === 4 && clean.size === 4, `results: ${killed.size} and ${clean.size} runs`);
      for (const [key, value] of clean) expectThat(killed.get(key) === value, `run ${key} differs: killed ${killed.get(key)} vs uninterrupted ${value}`);
      return `runs on ${[...workers].sort().join(' + ')}; 4/4 runs byte-identical (md5 of series and summary) to the interrupted experiment`;
    });
  },
};
