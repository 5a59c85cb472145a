import { z } from 'zod';
import { MODEL_VERSION } from '@p2pvalue/sim';
import { createTRPCRouter, publicProcedure } from '../init';

export const APP_VERSION = '0.1.0';

export const systemRouter = createTRPCRouter({
  version: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/version', tags: ['system'], summary: 'Versions of the app and of the simulation model', protect: false } })
    .input(z.void())
    .output(z.object({ app: z.string(), model: z.string() }))
    .query(() => ({ app: APP_VERSION, model: MODEL_VERSION })),
});
