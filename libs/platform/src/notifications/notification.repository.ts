import type { Prisma, PrismaClient } from '@p2pvalue/db';

export interface NotificationRow {
  id: string;
  userId: string;
  kind: string;
  ref: unknown;
  readAt: Date | null;
  createdAt: Date;
}

/** Notification rows; the notification centre that shows them arrives with chat. */
export function createNotificationRepository(db: PrismaClient) {
  return {
    async createMany(rows: { userId: string; kind: string; ref: Record<string, unknown> }[]): Promise<number> {
      if (rows.length === 0) return 0;
      const { count } = await db.notification.createMany({ data: rows.map((r) => ({ ...r, ref: r.ref as Prisma.InputJsonValue })) });
      return count;
    },

    listForUser(userId: string, take = 50): Promise<NotificationRow[]> {
      return db.notification.findMany({
        where: { userId },
        orderBy: { createdAt: 'desc' },
        take,
        select: { id: true, userId: true, kind: true, ref: true, readAt: true, createdAt: true },
      });
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
