import { z } from 'zod';
import { createUserRepository, createUserService, ZUserRole } from '@p2pvalue/platform';
import { createTRPCRouter, staffProcedure } from '../init';
import { ZViewerOutput } from './account.types';

const ZUserRow = ZViewerOutput.extend({ createdAt: z.date() });

export const adminRouter = createTRPCRouter({
  listUsers: staffProcedure
    .meta({ openapi: { method: 'GET', path: '/admin/users', tags: ['admin'], summary: 'List accounts (staff)', protect: true } })
    .input(z.object({ search: z.string().trim().max(200).optional(), take: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(100).optional() }))
    .output(z.array(ZUserRow))
    .query(({ ctx, input }) => createUserService({ users: createUserRepository(ctx.db) }).listUsers(input)),

  setUserRole: staffProcedure
    .input(z.object({ userId: z.string().min(1).max(100), role: ZUserRole }))
    .output(ZUserRow)
    .mutation(({ ctx, input }) =>
      createUserService({ users: createUserRepository(ctx.db) }).setUserRole({ actorId: ctx.viewer.id, userId: input.userId, role: input.role }),
    ),
});
