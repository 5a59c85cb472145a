import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@p2pvalue/db';
import type { AccessActor } from '../../access/access.policy';
import type { LiveDocuments } from '../../documents/live-documents';
import type { PlatformServices } from '../../platform-services';

/** Funding tests never touch collaborative documents. */
export const noLiveDocuments: LiveDocuments = {
  readState: () => Promise.reject(new Error('not used')),
  change: () => Promise.reject(new Error('not used')),
};

/**
 * Builders for funding tests on a real database: users, a community with one project everybody
 * takes part in, and open needs. `deps` is read at call time, so tests can create the database and
 * the services in `beforeAll`.
 */
export function fundingFixtures(prefix: string, deps: () => { prisma: PrismaClient; svc: PlatformServices }) {
  let seq = 0;

  async function user(name: string, role: 'member' | 'staff' = 'member'): Promise<AccessActor> {
    seq += 1;
    const id = `${prefix}-user-${seq}`;
    await deps().prisma.user.create({ data: { id, name, email: `${id}@example.org`, role } });
    return { id, role };
  }

  /** A community with an admin and `members` members, one public project (all members take part). */
  async function community(members: number) {
    seq += 1;
    const slug = `${prefix}-${seq}`;
    const admin = await user(`Admin ${seq}`);
    const people: AccessActor[] = [];
    for (let i = 0; i < members; i += 1) people.push(await user(`Member ${seq}.${i}`));
    const { prisma } = deps();
    const c = await prisma.community.create({
      data: {
        slug,
        name: `Community ${slug}`,
        createdById: admin.id,
        memberships: { create: [{ userId: admin.id, role: 'owner' }, ...people.map((p) => ({ userId: p.id }))] },
      },
      select: { id: true },
    });
    const project = await prisma.project.create({
      data: { communityId: c.id, slug: 'work', title: 'Work', linkKey: randomUUID(), createdById: admin.id, members: { create: [admin, ...people].map((p) => ({ userId: p.id })) } },
      select: { id: true },
    });
    return { slug, communityId: c.id, projectId: project.id, admin, people };
  }

  async function openNeed(c: FundingCommunity, input: { title: string; goal: number; stretchGoal?: number; effortHours?: number }) {
    const { svc } = deps();
    const need = await svc.needs.createNeed(c.admin, { projectId: c.projectId, title: input.title, goal: input.goal, stretchGoal: input.stretchGoal ?? null, effortHours: input.effortHours ?? 2 });
    await svc.needs.act(c.admin, { needId: need.id, action: 'open' });
    return need.id;
  }

  return { user, community, openNeed };
}

export interface FundingCommunity {
  slug: string;
  communityId: string;
  projectId: string;
  admin: AccessActor;
  people: AccessActor[];
}
