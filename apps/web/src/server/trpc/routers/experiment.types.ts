import { z } from 'zod';

export const ZExperimentStatus = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);

export const ZExperimentStatusOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  status: ZExperimentStatus,
  modelVersion: z.string(),
  rootSeed: z.number().int(),
  runs: z.object({
    total: z.number().int(),
    queued: z.number().int(),
    running: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
  }),
  progress: z.number().min(0).max(1),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});

export const ZExperimentListItemOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  status: ZExperimentStatus,
  owner: z.object({ id: z.string(), name: z.string() }),
  preset: z.object({ name: z.string(), modified: z.boolean() }).nullable(),
  runs: z.object({ total: z.number().int(), done: z.number().int(), running: z.number().int(), failed: z.number().int() }),
  progress: z.number().min(0).max(1),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const ZExperimentListOutput = z.object({ items: z.array(ZExperimentListItemOutput), nextCursor: z.string().nullable() });
