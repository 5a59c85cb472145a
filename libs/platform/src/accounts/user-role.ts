import { z } from 'zod';

export const USER_ROLES = ['member', 'researcher', 'staff'] as const;
export const ZUserRole = z.enum(USER_ROLES);
export type TUserRole = z.infer<typeof ZUserRole>;

/** Staff can do everything researchers can. */
export function hasRole(actual: TUserRole, required: TUserRole): boolean {
  const rank: Record<TUserRole, number> = { member: 0, researcher: 1, staff: 2 };
  return rank[actual] >= rank[required];
}

export function parseUserRole(value: unknown): TUserRole {
  const parsed = ZUserRole.safeParse(value);
  return parsed.success ? parsed.data : 'member';
}
