import { initTRPC, TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import superjson from 'superjson';
import { ZodError, z } from 'zod';
import { findNulCharacter, isAppError, NUL_CHARACTER_MESSAGE, type AppErrorCode } from '@p2pvalue/shared';
import { isDatabaseStorageFullError, isDatabaseUnavailableError } from '@p2pvalue/db';
import { hasRole, ZSlug } from '@p2pvalue/platform';
import { databaseUnavailableError, storageFullError } from '../database-unavailable';
import { platformServices } from '../platform';
import type { Context } from './context';

const TRPC_CODE_BY_APP_CODE: Record<AppErrorCode, TRPCError['code']> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const appError = isAppError(error.cause) ? error.cause : null;
      return {
        ...shape,
        message: error.code === 'INTERNAL_SERVER_ERROR' && !appError ? 'Something went wrong on our side.' : shape.message,
        data: {
          ...shape.data,
          stack: undefined,
          appCode: appError?.code ?? null,
          // a finer reason some refusals carry (e.g. a pledge's INSUFFICIENT_BALANCE), for UIs and clients
          appReason: typeof appError?.details?.reason === 'string' ? appError.details.reason : null,
          fieldErrors: error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null,
        },
      };
    },
  });

/** Maps the libraries' AppError to tRPC errors in exactly one place. */
const appErrors = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (isAppError(cause)) {
      throw new TRPCError({ code: TRPC_CODE_BY_APP_CODE[cause.code], message: cause.userMessage, cause });
    }
    // A schema checked inside a service (deeper than the procedure's input) refused the value: the
    // caller's mistake, answered like an input error rather than as a 500.
    if (cause instanceof ZodError && result.error.code === 'INTERNAL_SERVER_ERROR') {
      throw new TRPCError({ code: 'BAD_REQUEST', message: z.prettifyError(cause), cause });
    }
    if (isDatabaseStorageFullError(cause)) {
      ctx.log.error({ path }, 'database storage full');
      const full = storageFullError(cause);
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: full.userMessage, cause: full });
    }
    if (isDatabaseUnavailableError(cause)) {
      ctx.log.warn({ path }, 'database unavailable');
      const unavailable = databaseUnavailableError(cause);
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: unavailable.userMessage, cause: unavailable });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') ctx.log.error({ err: result.error, path }, 'procedure failed');
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const credentials = t.middleware(({ ctx, next }) => {
  if (ctx.rejectedCredential) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The API token is invalid, expired or revoked.' });
  return next();
});

/** Text with U+0000 cannot be stored: refused before any schema or business rule runs (see text-input.ts). */
const noNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  const at = findNulCharacter(await getRawInput());
  if (at !== null) throw new TRPCError({ code: 'BAD_REQUEST', message: at ? `${NUL_CHARACTER_MESSAGE} (field: ${at})` : NUL_CHARACTER_MESSAGE });
  return next();
});

export const publicProcedure = t.procedure.use(appErrors).use(credentials).use(noNulCharacters);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

export const researcherProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!hasRole(ctx.viewer.role, 'researcher')) throw new TRPCError({ code: 'FORBIDDEN', message: 'Only researchers can do this.' });
  return next();
});

export const staffProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!hasRole(ctx.viewer.role, 'staff')) throw new TRPCError({ code: 'FORBIDDEN', message: 'Only project staff can do this.' });
  return next();
});

/**
 * For procedures that act inside a community: input carries `community` (its slug); the caller
 * must be an active member (or staff). `ctx.community` holds the community and the caller's
 * membership and permissions, from the platform's access policy.
 */
export const communityMemberProcedure = protectedProcedure.input(z.object({ community: ZSlug })).use(async ({ ctx, input, next }) => {
  const community = await platformServices(ctx.db).access.communityBySlugOrThrow(ctx.viewer, input.community);
  if (!community.permissions.isMember && !hasRole(ctx.viewer.role, 'staff')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only members of this community can do this.' });
  }
  return next({ ctx: { ...ctx, community } });
});
