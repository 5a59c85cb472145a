import { z } from 'zod';

/**
 * Job contracts shared by producers (web) and consumers (worker): queue and job names plus the
 * payload schema. Payloads carry ids, never blobs or secrets.
 */
export const MAINTENANCE_QUEUE = 'maintenance';

export const PURGE_EXPIRED_AUTH_JOB = 'purge-expired-auth';
export const ZPurgeExpiredAuthPayload = z.object({}).strict();
export type TPurgeExpiredAuthPayload = z.infer<typeof ZPurgeExpiredAuthPayload>;

/** Funding rounds (issue 7) close by themselves: every minute, open rounds past `closesAt` are closed. */
export const CLOSE_DUE_ROUNDS_JOB = 'close-due-rounds';
export const ZCloseDueRoundsPayload = z.object({}).strict();
export type TCloseDueRoundsPayload = z.infer<typeof ZCloseDueRoundsPayload>;

/** Hourly: chat files never sent and document images never used, older than a day, are deleted (issue 6). */
export const PRUNE_ABANDONED_UPLOADS_JOB = 'prune-abandoned-uploads';
export const ZPruneAbandonedUploadsPayload = z.object({}).strict();
export type TPruneAbandonedUploadsPayload = z.infer<typeof ZPruneAbandonedUploadsPayload>;

/** Simulation experiments (issue 8): a flow per experiment, the experiment job as parent of its runs. */
export const SIMULATION_QUEUE = 'simulation';
export const SIMULATION_RUN_JOB = 'simulation-run';
export const SIMULATION_EXPERIMENT_JOB = 'simulation-experiment';
export const ZSimulationRunPayload = z.object({ experimentId: z.uuid(), runId: z.uuid() }).strict();
export type TSimulationRunPayload = z.infer<typeof ZSimulationRunPayload>;
/**
 * Options of every simulation run job, whoever enqueues it (the experiment service in web, the twin
 * in the worker). Transient failures (a lost connection, a killed worker) are retried with backoff
 * and the run resumes from its checkpoint; a run that fails for good still lets its parent (the
 * experiment job) run, so the experiment closes with that run marked failed. Plain data, so this
 * library needs no BullMQ: it is assignable to BullMQ's `JobsOptions`.
 */
export const SIMULATION_RUN_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2_000 },
  ignoreDependencyOnFailure: true,
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const satisfies Record<string, unknown>;
export const ZSimulationExperimentPayload = z.object({ experimentId: z.uuid() }).strict();
export type TSimulationExperimentPayload = z.infer<typeof ZSimulationExperimentPayload>;

/**
 * Simulation twin (issue 9): one step of a calibration (simulate the next batch of particles, or
 * absorb a finished batch and move on). A step job is the parent of the batch's experiment flow,
 * so it runs again once every particle run has finished.
 */
export const TWIN_QUEUE = 'twin';
export const TWIN_STEP_JOB = 'twin-step';
export const ZTwinStepPayload = z.object({ calibrationId: z.uuid() }).strict();
export type TTwinStepPayload = z.infer<typeof ZTwinStepPayload>;
