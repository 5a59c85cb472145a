import { z } from 'zod';
import { createApiTokenRepository } from '@p2pvalue/platform';
import { AppError } from '@p2pvalue/shared';
import { getAuth } from '../../auth/auth';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../init';
import { ZViewerOutput, ZApiTokenOutput, ZCreateApiTokenInput, ZCreatedApiTokenOutput } from './account.types';

export const accountRouter = createTRPCRouter({
  me: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/me', tags: ['account'], summary: 'The signed-in user, or null', protect: false } })
    .input(z.void())
    .output(ZViewerOutput.nullable())
    .query(({ ctx }) => (ctx.viewer ? { id: ctx.viewer.id, email: ctx.viewer.email, name: ctx.viewer.name, role: ctx.viewer.role } : null)),

  listApiTokens: protectedProcedure
    .input(z.void())
    .output(z.array(ZApiTokenOutput))
    .query(({ ctx }) => createApiTokenRepository(ctx.db).listForUser(ctx.viewer.id)),

  createApiToken: protectedProcedure
    .input(ZCreateApiTokenInput)
    .output(ZCreatedApiTokenOutput)
    .mutation(async ({ ctx, input }) => {
      if (ctx.viewer.via === 'token') throw new AppError('FORBIDDEN', 'API tokens cannot create more tokens; sign in.');
      const created = await getAuth().api.createApiKey({
        body: { name: input.name, userId: ctx.viewer.id, ...(input.expiresInDays ? { expiresIn: input.expiresInDays * 86_400 } : {}) },
      });
      return { id: created.id, name: created.name ?? input.name, token: created.key, expiresAt: created.expiresAt ?? null };
    }),

  revokeApiToken: protectedProcedure
    .input(z.object({ id: z.string().min(1).max(100) }))
    .output(z.object({ revoked: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const removed = await createApiTokenRepository(ctx.db).deleteForUser(ctx.viewer.id, input.id);
      if (!removed) throw new AppError('NOT_FOUND', 'No such token.');
      return { revoked: true as const };
    }),
});
