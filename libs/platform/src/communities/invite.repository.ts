import type { PrismaClient } from '@p2pvalue/db';
import type { TMembershipRole } from '../access/access.policy';

export interface InviteRow {
  id: string;
  communityId: string;
  projectId: string | null;
  role: TMembershipRole;
  expiresAt: Date | null;
  maxUses: number | null;
  uses: number;
  revokedAt: Date | null;
  createdAt: Date;
  createdById: string;
}

const inviteSelect = { id: true, communityId: true, projectId: true, role: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true, createdAt: true, createdById: true } as const;

export function createInviteRepository(db: PrismaClient) {
  return {
    create(input: { communityId: string; projectId: string | null; role: TMembershipRole; tokenHash: string; createdById: string; expiresAt: Date | null; maxUses: number | null }): Promise<InviteRow> {
      return db.invite.create({ data: input, select: inviteSelect });
    },

    findByTokenHash(tokenHash: string): Promise<InviteRow | null> {
      return db.invite.findUnique({ where: { tokenHash }, select: inviteSelect });
    },

    listForCommunity(communityId: string): Promise<InviteRow[]> {
      return db.invite.findMany({ where: { communityId }, orderBy: { createdAt: 'desc' }, select: inviteSelect });
    },

    /** Takes one use if any is left: a single conditional UPDATE, so concurrent redemptions cannot overrun maxUses. */
    async consumeUse(id: string, now: Date): Promise<boolean> {
      const count = await db.$executeRaw`
        UPDATE "community_invite" SET "uses" = "uses" + 1
        WHERE "id" = ${id} AND "revokedAt" IS NULL
          AND ("expiresAt" IS NULL OR "expiresAt" > ${now})
          AND ("maxUses" IS NULL OR "uses" < "maxUses")`;
      return count === 1;
    },

    async revoke(communityId: string, id: string, now: Date): Promise<boolean> {
      const { count } = await db.invite.updateMany({ where: { id, communityId, revokedAt: null }, data: { revokedAt: now } });
      return count === 1;
    },
  };
}

export type InviteRepository = ReturnType<typeof createInviteRepository>;
