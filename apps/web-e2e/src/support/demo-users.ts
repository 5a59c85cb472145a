export const DEMO_PASSWORD = 'p2pvalue-demo';

export const DEMO_USERS = {
  staff: { email: 'staff@example.org', role: 'staff' },
  researcher: { email: 'researcher@example.org', role: 'researcher' },
  member: { email: 'member@example.org', role: 'member' },
} as const;

export type DemoUser = keyof typeof DEMO_USERS;

/**
 * Where the setup project stores each demo user's signed-in browser state. scripts/e2e.sh gives
 * every run its own folder (E2E_AUTH_DIR), so two runs in one checkout never share sessions.
 */
export function storageStatePath(user: DemoUser): string {
  const dir = process.env.E2E_AUTH_DIR ?? new URL('../../.auth', import.meta.url).pathname;
  return `${dir.replace(/\/$/, '')}/${user}.json`;
}

/** An address no other run or test has used, so sign-up tests never collide. */
export function uniqueEmail(label = 'e2e'): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}
