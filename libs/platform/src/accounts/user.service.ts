import { AppError } from '@p2pvalue/shared';
import type { UserRepository, UserSummary } from './user.repository';
import type { TUserRole } from './user-role';

export function createUserService(deps: { users: UserRepository }) {
  const { users } = deps;
  return {
    async getUserOrThrow(id: string): Promise<UserSummary> {
      const user = await users.findById(id);
      if (!user) throw new AppError('NOT_FOUND', 'No such user.');
      return user;
    },

    listUsers(input: { search?: string; take: number; cursor?: string }): Promise<UserSummary[]> {
      return users.list(input);
    },

    /** Staff change roles; the last staff account cannot demote itself (someone must administer). */
    async setUserRole(input: { actorId: string; userId: string; role: TUserRole }): Promise<UserSummary> {
      const target = await users.findById(input.userId);
      if (!target) throw new AppError('NOT_FOUND', 'No such user.');
      if (target.role === 'staff' && input.role !== 'staff' && (await users.countByRole('staff')) <= 1) {
        throw new AppError('CONFLICT', 'This is the last staff account; promote someone else first.');
      }
      const updated = await users.setRole(input.userId, input.role);
      if (!updated) throw new AppError('NOT_FOUND', 'No such user.');
      return updated;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
