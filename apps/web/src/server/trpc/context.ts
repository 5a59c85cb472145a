import type { Logger } from '@p2pvalue/shared';
import type { PrismaClient } from '@p2pvalue/db';
import { getDb } from '../db';
import { logger } from '../logger';
import { bearerToken, resolveViewer, type Viewer } from '../auth/viewer';

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
  const viewer = await resolveViewer(req.headers);
  const rejectedCredential = viewer === null && bearerToken(req.headers) !== null;
  return createContextInner({ viewer, rejectedCredential, requestId: req.headers.get('x-request-id') ?? undefined });
}
