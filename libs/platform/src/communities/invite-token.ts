import { createHash, randomBytes } from 'node:crypto';

/** Invitation secrets: 32 random bytes shown once; only their SHA-256 is stored. */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Share-link keys of link-only projects. */
export function newLinkKey(): string {
  return randomBytes(18).toString('base64url');
}
