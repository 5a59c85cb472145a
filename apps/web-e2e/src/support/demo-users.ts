export const DEMO_PASSWORD = 'p2pvalue-demo';

export const DEMO_USERS = {
  staff: { email: 'staff@example.org', role: 'staff' },
  researcher: { email: 'researcher@example.org', role: 'researcher' },
  member: { email: 'member@example.org', role: 'member' },
} as const;

export type DemoUser = keyof typeof DEMO_USERS;

/** Where the setup project stores each demo user's signed-in browser state. */
export function storageStatePath(user: DemoUser): string {
  return new URL(`../../.auth/${user}.json`, import.meta.url).pathname;
}

/** An address no other run or test has used, so sign-up tests never collide. */
export function uniqueEmail(label = 'e2e'): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}
