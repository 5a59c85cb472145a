import type { PrismaClient } from '@p2pvalue/db';
import { parseUserRole, type TUserRole } from './user-role';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: TUserRole;
  createdAt: Date;
}

const userSummarySelect = { id: true, email: true, name: true, role: true, createdAt: true } as const;

function toSummary(row: { id: string; email: string; name: string; role: string | null; createdAt: Date }): UserSummary {
  return { ...row, role: parseUserRole(row.role) };
}

export function createUserRepository(db: PrismaClient) {
  return {
    async findById(id: string): Promise<UserSummary | null> {
      const row = await db.user.findUnique({ where: { id }, select: userSummarySelect });
      return row ? toSummary(row) : null;
    },

    async list(input: { search?: string; take: number; cursor?: string }): Promise<UserSummary[]> {
      const rows = await db.user.findMany({
        where: input.search
          ? { OR: [{ email: { contains: input.search, mode: 'insensitive' } }, { name: { contains: input.search, mode: 'insensitive' } }] }
          : {},
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: input.take,
        ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
        select: userSummarySelect,
      });
      return rows.map(toSummary);
    },

    async countByRole(role: TUserRole): Promise<number> {
      return db.user.count({ where: { role } });
    },

    async setRole(id: string, role: TUserRole): Promise<UserSummary | null> {
      const rows = await db.user.updateManyAndReturn({ where: { id }, data: { role }, select: userSummarySelect });
      return rows[0] ? toSummary(rows[0]) : null;
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
