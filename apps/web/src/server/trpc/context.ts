import { TRPCError } from '@trpc/server';
import type { Logger } from '@p2pvalue/shared';
import { isDatabaseUnavailableError, type PrismaClient } from '@p2pvalue/db';
import { getDb } from '../db';
import { logger } from '../logger';
import { databaseUnavailableError } from '../database-unavailable';
import { bearerToken, resolveViewer, type Viewer } from '../auth/viewer';
import { CROSS_SITE_MESSAGE, isCrossSiteCookieWrite } from '../auth/cross-site';
import { env } from '../../env';

export interface Context {
  viewer: Viewer | null;
  db: PrismaClient;
  log: Logger;
  requestId: string;
  /** A credential was presented but is invalid, expired or revoked: refuse rather than go anonymous. */
  rejectedCredential: boolean;
}

/** Builds a context without an HTTP request, so tests call procedures through `createCaller`. */
export function createContextInner(opts: { viewer: Viewer | null; requestId?: string; rejectedCredential?: boolean }): Context {
  const requestId = opts.requestId ?? crypto.randomUUID();
  return { viewer: opts.viewer, db: getDb(), log: logger.child({ requestId }), requestId, rejectedCredential: opts.rejectedCredential ?? false };
}

export async function createContextFromRequest(req: Request): Promise<Context> {
  // CSRF: a write with the session cookie from another site never reaches a procedure (403)
  if (isCrossSiteCookieWrite(req.headers, req.method, env.PUBLIC_URL)) throw new TRPCError({ code: 'FORBIDDEN', message: CROSS_SITE_MESSAGE });
  let viewer: Viewer | null;
  try {
    viewer = await resolveViewer(req.headers);
  } catch (error) {
    // Sessions and tokens live in PostgreSQL: without it nobody can be identified. Say so (503).
    if (!isDatabaseUnavailableError(error)) throw error;
    const unavailable = databaseUnavailableError(error);
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: unavailable.userMessage, cause: unavailable });
  }
  const rejectedCredential = viewer === null && bearerToken(req.headers) !== null;
  return createContextInner({ viewer, rejectedCredential, requestId: req.headers.get('x-request-id') ?? undefined });
}
