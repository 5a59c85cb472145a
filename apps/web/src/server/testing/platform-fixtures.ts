import { randomBytes } from 'node:crypto';
import { createCaller } from '../trpc/root';
import { createContextInner } from '../trpc/context';
import { createTestUser } from './users';

export type TestUser = Awaited<ReturnType<typeof createTestUser>>;

export const callerFor = (viewer: TestUser | null) => createCaller(createContextInner({ viewer }));

export const uniqueSlug = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * A community with an owner, an admin and a member, plus a public, a link-only and an invite-only
 * project (the owner takes part in all three), and an outsider and a staff account.
 */
export async function createCommunityFixture(visibility: 'public' | 'private' = 'public') {
  const [owner, admin, member, outsider, staff] = await Promise.all([
    createTestUser('member', 'Olive Owner'),
    createTestUser('member', 'Adam Admin'),
    createTestUser('member', 'Mia Member'),
    createTestUser('member', 'Otto Outsider'),
    createTestUser('staff', 'Stella Staff'),
  ]);
  const slug = uniqueSlug('c');
  await callerFor(owner).community.create({ slug, name: `Community ${slug}`, visibility, description: 'for tests' });
  for (const [user, role] of [[admin, 'admin'], [member, 'member']] as const) {
    const { token } = await callerFor(owner).community.createInvite({ slug, role });
    await callerFor(user).community.acceptInvite({ token });
  }
  const owners = callerFor(owner);
  const publicProject = await owners.project.create({ community: slug, slug: 'open', title: 'Open project', shareMode: 'public' });
  const linkProject = await owners.project.create({ community: slug, slug: 'by-link', title: 'Link project', shareMode: 'link' });
  const inviteProject = await owners.project.create({ community: slug, slug: 'core', title: 'Core team', shareMode: 'invite' });
  return { slug, owner, admin, member, outsider, staff, publicProject, linkProject, inviteProject };
}
