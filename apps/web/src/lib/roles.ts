import type { TUserRole } from '@p2pvalue/platform';

// Client components cannot import the platform library's runtime (it pulls in repositories), so the
// role list is repeated here; `satisfies` fails the typecheck if the two drift apart.
export const ROLE_OPTIONS = ['member', 'researcher', 'staff'] as const satisfies readonly TUserRole[];

export const ROLE_LABELS: Record<TUserRole, string> = {
  member: 'Member',
  researcher: 'Researcher',
  staff: 'Staff',
};

export type { TUserRole };
