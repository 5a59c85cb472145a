import { z } from 'zod';
import { MODEL_VERSION } from '@p2pvalue/sim';
import { AppError } from '@p2pvalue/shared';
import { hasRole, type TUserRole } from '../accounts/user-role';
import { checkExperimentDesign, expandExperimentRuns, DEFAULT_EXPERIMENT_LIMITS, type ExperimentLimits } from './experiment-design';
import type { ExperimentQueuePort } from './experiment-queue.port';
import type { ExperimentRepository, ExperimentRow, TExperimentStatus, TRunStatus } from './experiment.repository';
import { checkActiveRuns, DEFAULT_RESEARCHER_LIMITS, type ResearcherLimits } from './researcher-limits';
import { ZListExperimentsInput, decodeExperimentCursor, encodeExperimentCursor, presetOfDesign, type TListExperimentsInput } from './experiment-list';

export interface ExperimentActor {
  id: string;
  role: TUserRole;
}

export const ZIdempotencyKey = z.string().trim().min(1).max(200);

export interface ExperimentStatusView {
  id: string;
  name: string;
  status: TExperimentStatus;
  modelVersion: string;
  rootSeed: number;
  runs: { total: number; queued: number; running: number; done: number; failed: number; cancelled: number };
  /** Share of all ticks of all runs done, 0..1 (a finished run counts whole). */
  progress: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** What a researcher may still queue (the designer shows it before submitting). */
export interface ResearcherAllowance {
  activeRuns: number;
  maxActiveRuns: number;
  remainingRuns: number;
  maxTicksPerRun: number;
  maxRunsPerExperiment: number;
  maxTotalTicks: number;
}

/** One line of the experiment list. */
export interface ExperimentListItem {
  id: string;
  name: string;
  status: TExperimentStatus;
  owner: { id: string; name: string };
  /** The original experiment it repeats, or null for a design of one's own. */
  preset: { name: string; modified: boolean } | null;
  runs: { total: number; done: number; running: number; failed: number };
  progress: number;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Share of all ticks of all runs done, 0..1; a finished run counts whole, a completed experiment is 1. */
function experimentProgress(experiment: { design: unknown; totalRuns: number; status: TExperimentStatus }, counts: Record<TRunStatus, number>, ticks: number): number {
  if (experiment.status === 'completed') return 1;
  const totalTicks = experiment.totalRuns * designSteps(experiment.design);
  // Finished runs may have stopped early (the model can stop before the tick limit).
  const finished = counts.completed + counts.failed + counts.cancelled;
  if (totalTicks === 0) return experiment.totalRuns === 0 ? 1 : finished / experiment.totalRuns;
  return Math.min(1, ticks / totalTicks);
}

function requireResearcher(actor: ExperimentActor): void {
  if (!hasRole(actor.role, 'researcher')) throw new AppError('FORBIDDEN', 'Only researchers can run simulation experiments.');
}

function designSteps(design: unknown): number {
  const steps = (design as { steps?: unknown }).steps;
  return typeof steps === 'number' ? steps : 0;
}

/** Queueing, status, cancel and retry of simulation experiments (issue 8). */
export function createExperimentService(deps: {
  experiments: ExperimentRepository;
  queue: ExperimentQueuePort;
  clock: () => Date;
  limits?: ExperimentLimits;
  /** Per-researcher limits (active runs, ticks per run); the defaults when not given. */
  researcherLimits?: ResearcherLimits;
}) {
  const { experiments: repo, queue, clock } = deps;
  const researcherLimits = deps.researcherLimits ?? DEFAULT_RESEARCHER_LIMITS;
  const baseLimits = deps.limits ?? DEFAULT_EXPERIMENT_LIMITS;
  // The per-researcher tick limit only ever tightens the service's own (workers re-check with that).
  const limits = { ...baseLimits, maxTicks: Math.min(baseLimits.maxTicks, researcherLimits.maxTicksPerRun) };

  async function getOwnedOrThrow(actor: ExperimentActor, id: string) {
    const parsed = z.uuid().safeParse(id);
    const experiment = parsed.success ? await repo.findExperiment(parsed.data) : null;
    // "Not yours" and "does not exist" answer the same.
    if (!experiment || (experiment.ownerId !== actor.id && !hasRole(actor.role, 'staff'))) {
      throw new AppError('NOT_FOUND', 'No such experiment.');
    }
    return experiment;
  }

  async function statusView(experiment: ExperimentRow): Promise<ExperimentStatusView> {
    const { counts, ticks } = await repo.runCounts(experiment.id);
    return {
      id: experiment.id,
      name: experiment.name,
      status: experiment.status,
      modelVersion: experiment.modelVersion,
      rootSeed: Number(experiment.rootSeed),
      runs: { total: experiment.totalRuns, queued: counts.queued, running: counts.running, done: counts.completed, failed: counts.failed, cancelled: counts.cancelled },
      progress: experimentProgress(experiment, counts, ticks),
      createdAt: experiment.createdAt,
      startedAt: experiment.startedAt,
      finishedAt: experiment.finishedAt,
    };
  }

  return {
    /**
     * Validates the design, writes the experiment and all its runs in one transaction, then
     * enqueues ids only. With an idempotency key, a repeated submission returns the first
     * experiment (and re-enqueues it, which adds nothing that is already queued).
     */
    async submit(actor: ExperimentActor, designInput: unknown, options: { idempotencyKey?: string } = {}): Promise<{ id: string; totalRuns: number }> {
      requireResearcher(actor);
      const idempotencyKey = options.idempotencyKey === undefined ? null : ZIdempotencyKey.parse(options.idempotencyKey);
      const checked = checkExperimentDesign(designInput, limits);
      if (idempotencyKey) {
        const existing = await repo.findByIdempotencyKey(actor.id, idempotencyKey);
        if (existing) return resubmit(existing.id);
      }
      const runs = expandExperimentRuns(checked).map((r) => ({ conditionIndex: r.conditionIndex, repetition: r.replicate, parameters: r.params, seed: r.seed }));
      let created: { id: string; runIds: string[] };
      try {
        created = await repo.createWithRuns({
          ownerId: actor.id,
          name: checked.design.name,
          design: { ...checked.design, seed: checked.rootSeed },
          modelVersion: MODEL_VERSION,
          rootSeed: checked.rootSeed,
          idempotencyKey,
          runs,
          checkActiveRuns: (active) => checkActiveRuns(active, runs.length, researcherLimits),
        });
      } catch (error) {
        // Two submissions with one key raced: the other one won, answer with its experiment.
        if (idempotencyKey && (error as { code?: string }).code === 'P2002') {
          const existing = await repo.findByIdempotencyKey(actor.id, idempotencyKey);
          if (existing) return resubmit(existing.id);
        }
        throw error;
      }
      await queue.enqueueExperiment({ experimentId: created.id, runIds: created.runIds });
      return { id: created.id, totalRuns: created.runIds.length };

      async function resubmit(id: string) {
        const runIds = await repo.runIds(id, ['queued', 'running']);
        if (runIds.length > 0) await queue.enqueueExperiment({ experimentId: id, runIds });
        const experiment = await repo.findExperiment(id);
        return { id, totalRuns: experiment?.totalRuns ?? 0 };
      }
    },

    async getStatus(actor: ExperimentActor, id: string): Promise<ExperimentStatusView> {
      return statusView(await getOwnedOrThrow(actor, id));
    },

    /**
     * The status without an access check, or null if the experiment is gone: only for the web's
     * live progress push, which sends it to a room whose sockets were checked when they joined.
     */
    async statusForBroadcast(id: string): Promise<ExperimentStatusView | null> {
      const experiment = await repo.findExperiment(id);
      return experiment ? statusView(experiment) : null;
    },

    /**
     * The caller's experiments, newest first, with run counts and progress; staff may list everyone's
     * (`scope: 'all'`). Cursor pagination: pass back `nextCursor` for the next page.
     */
    async list(actor: ExperimentActor, raw: TListExperimentsInput = {}): Promise<{ items: ExperimentListItem[]; nextCursor: string | null }> {
      const input = ZListExperimentsInput.parse(raw);
      if (input.scope === 'all' && !hasRole(actor.role, 'staff')) throw new AppError('FORBIDDEN', 'Only staff can list every researcher’s experiments.');
      const cursor = input.cursor ? decodeExperimentCursor(input.cursor) : null;
      const rows = await repo.listPage({ ownerId: input.scope === 'all' ? null : actor.id, cursor, take: input.limit + 1 });
      const page = rows.slice(0, input.limit);
      const counts = await repo.runCountsMany(page.map((r) => r.id));
      const last = page.at(-1);
      return {
        items: page.map((row) => {
          const c = counts.get(row.id) ?? { counts: { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 }, ticks: 0 };
          return {
            id: row.id,
            name: row.name,
            status: row.status,
            owner: { id: row.ownerId, name: row.owner.name },
            preset: presetOfDesign(row.design),
            runs: { total: row.totalRuns, done: c.counts.completed, running: c.counts.running, failed: c.counts.failed },
            progress: experimentProgress(row, c.counts, c.ticks),
            createdAt: row.createdAt,
            finishedAt: row.finishedAt,
          };
        }),
        nextCursor: rows.length > input.limit && last ? encodeExperimentCursor(last) : null,
      };
    },

    /** Cancels the experiment: runs not yet finished stop at their next chunk and are not retried. */
    async cancel(actor: ExperimentActor, id: string): Promise<{ cancelled: boolean }> {
      const experiment = await getOwnedOrThrow(actor, id);
      return { cancelled: await repo.cancelExperiment(experiment.id, clock()) };
    },

    async cancelRun(actor: ExperimentActor, runId: string): Promise<{ cancelled: boolean }> {
      const parsed = z.uuid().safeParse(runId);
      const run = parsed.success ? await repo.findRunOwner(parsed.data) : null;
      if (!run || (run.experiment.ownerId !== actor.id && !hasRole(actor.role, 'staff'))) throw new AppError('NOT_FOUND', 'No such run.');
      const cancelled = await repo.cancelRun(run.id, clock());
      if (cancelled) await repo.finishExperimentIfDone(run.experimentId, clock());
      return { cancelled };
    },

    /**
     * Puts the failed runs back in the queue (with fresh attempts). A cancelled experiment resumes:
     * its cancelled runs go back too (from the start, their checkpoints were dropped) and the runs
     * it completed are kept. Either way the owner's active-run limit applies, as on submission.
     */
    async retryFailed(actor: ExperimentActor, id: string): Promise<{ requeued: number }> {
      requireResearcher(actor);
      const experiment = await getOwnedOrThrow(actor, id);
      const statuses: TRunStatus[] = experiment.status === 'cancelled' ? ['failed', 'cancelled'] : ['failed'];
      const runIds = await repo.requeueRuns(experiment.id, statuses, (active, requeued) => checkActiveRuns(active, requeued, researcherLimits));
      if (runIds.length > 0) await queue.requeueRuns({ experimentId: experiment.id, runIds });
      return { requeued: runIds.length };
    },

    /** Puts one failed run back in the queue (the staff queue dashboard's retry; owners may too). */
    async retryRun(actor: ExperimentActor, runId: string): Promise<{ requeued: boolean }> {
      const parsed = z.uuid().safeParse(runId);
      const run = parsed.success ? await repo.findRunOwner(parsed.data) : null;
      if (!run || (run.experiment.ownerId !== actor.id && !hasRole(actor.role, 'staff'))) throw new AppError('NOT_FOUND', 'No such run.');
      if (run.status !== 'failed') throw new AppError('CONFLICT', `The run is ${run.status}; only a failed run can be retried.`);
      const runIds = await repo.requeueRuns(run.experimentId, ['failed'], (active, requeued) => checkActiveRuns(active, requeued, researcherLimits), [run.id]);
      if (runIds.length > 0) await queue.requeueRuns({ experimentId: run.experimentId, runIds });
      return { requeued: runIds.length > 0 };
    },

    /** What the researcher may still queue: runs left under their active-run limit, and the tick limit of one run. */
    async allowance(actor: ExperimentActor): Promise<ResearcherAllowance> {
      requireResearcher(actor);
      const activeRuns = await repo.countActiveRuns(actor.id);
      return {
        activeRuns,
        maxActiveRuns: researcherLimits.maxActiveRuns,
        remainingRuns: Math.max(0, researcherLimits.maxActiveRuns - activeRuns),
        maxTicksPerRun: limits.maxTicks,
        maxRunsPerExperiment: limits.maxRuns,
        maxTotalTicks: limits.maxTotalTicks,
      };
    },
  };
}

export type ExperimentService = ReturnType<typeof createExperimentService>;
