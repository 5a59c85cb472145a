import { ZodError } from 'zod';

/**
 * The security matrix's vocabulary: who calls (personas) and who may (access classes).
 * docs/security.md explains each class; access-matrix.ts gives every procedure one.
 */

/** The callers every matrix case is tried as, from least to most privileged. */
export const PERSONAS = ['anonymous', 'outsider', 'researcher', 'member', 'admin', 'staff'] as const;
export type Persona = (typeof PERSONAS)[number];

/**
 * - `public`: anyone, signed in or not.
 * - `signed-in`: any account (acts on the caller's own data, or is open to every account).
 * - `researcher`: accounts with the researcher or staff role.
 * - `owner`: the account that created the resource (the researcher persona's experiments and
 *   data sets in the fixtures) and staff.
 * - `staff`: staff only.
 * - `community-member`: active members of the resource's community, and staff.
 * - `project-member`: participants of the project (the member persona joined the fixture
 *   projects), community admins and staff.
 * - `community-admin`: the community's owner and admins, and staff. Invite-only projects use it
 *   too: the member persona does not take part in them, so only admins and staff may.
 * - `active-member`: active members and admins of the community only. Chat, pledges, thanks,
 *   bounties and joining a project spend or show a member's own standing; staff, who are not
 *   members, are refused there like outsiders.
 * - `active-admin`: the community's own admins only (chat channels; staff are not members).
 * - `nobody`: refused to every persona (e.g. an API token acting where only a session may).
 */
export const ACCESS_CLASSES = ['public', 'signed-in', 'researcher', 'owner', 'staff', 'community-member', 'project-member', 'community-admin', 'active-member', 'active-admin', 'nobody'] as const;
export type AccessClass = (typeof ACCESS_CLASSES)[number];

const ALLOWED: Record<AccessClass, readonly Persona[]> = {
  public: PERSONAS,
  'signed-in': ['outsider', 'researcher', 'member', 'admin', 'staff'],
  researcher: ['researcher', 'staff'],
  owner: ['researcher', 'staff'],
  staff: ['staff'],
  'community-member': ['member', 'admin', 'staff'],
  'project-member': ['member', 'admin', 'staff'],
  'community-admin': ['admin', 'staff'],
  'active-member': ['member', 'admin'],
  'active-admin': ['admin'],
  nobody: [],
};

export function isAllowed(access: AccessClass, persona: Persona): boolean {
  return ALLOWED[access].includes(persona);
}

/** The error codes that mean "the caller may not": anything else is a business answer. */
export const REFUSAL_CODES = ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'] as const;

/**
 * `invalid` means the matrix itself is wrong: the input factory failed the input schema, or the
 * call crashed (500). It never counts as an expected outcome.
 */
export type Outcome = { kind: 'allowed' | 'refused' | 'invalid'; detail: string };

/** Classifies what a call did: a refusal code, a broken call, or anything else (success or a business error). */
export function outcomeOf(result: { ok: true } | { ok: false; error: unknown }): Outcome {
  if (result.ok) return { kind: 'allowed', detail: 'ok' };
  const error = result.error as { code?: unknown; cause?: unknown; message?: unknown } | null;
  const code = typeof error?.code === 'string' ? error.code : 'error';
  const message = typeof error?.message === 'string' ? error.message.slice(0, 160) : String(result.error);
  if ((REFUSAL_CODES as readonly string[]).includes(code)) return { kind: 'refused', detail: code };
  if (error?.cause instanceof ZodError || code === 'INTERNAL_SERVER_ERROR' || code === 'error') return { kind: 'invalid', detail: `${code}: ${message}` };
  return { kind: 'allowed', detail: `${code}: ${message}` };
}

/** HTTP statuses that mean "the caller may not". */
export const REFUSAL_STATUSES = [401, 403, 404] as const;

export function outcomeOfStatus(status: number): Outcome {
  if ((REFUSAL_STATUSES as readonly number[]).includes(status)) return { kind: 'refused', detail: String(status) };
  return { kind: status >= 500 ? 'invalid' : 'allowed', detail: String(status) };
}
