import type { PrismaClient } from '@p2pvalue/db';

export interface ApiTokenSummary {
  id: string;
  name: string | null;
  start: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/** Personal API tokens (better-auth api-key rows); only their hashes are stored. */
export function createApiTokenRepository(db: PrismaClient) {
  return {
    async listForUser(userId: string): Promise<ApiTokenSummary[]> {
      const rows = await db.apikey.findMany({
        where: { referenceId: userId },
        orderBy: { createdAt: 'desc' },
        select: { id: true, name: true, start: true, createdAt: true, expiresAt: true, lastRequest: true },
      });
      return rows.map(({ lastRequest, ...row }) => ({ ...row, lastUsedAt: lastRequest }));
    },

    /** Revoking deletes the row, so the token stops working at once on every instance. */
    async deleteForUser(userId: string, id: string): Promise<boolean> {
      const { count } = await db.apikey.deleteMany({ where: { id, referenceId: userId } });
      return count === 1;
    },
  };
}
