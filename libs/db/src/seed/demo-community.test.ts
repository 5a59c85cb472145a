import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { DEMO_USERS, seedDemoUsers } from './demo-users';
import { DEMO_COMMUNITY_SLUG, seedDemoCommunity } from './demo-community';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoUsers(database.prisma);
});
afterAll(() => database.drop());

describe('seedDemoCommunity', () => {
  it('creates the demo community with both projects, documents with history, and is idempotent', async () => {
    const first = await seedDemoCommunity(database.prisma);
    expect(first).toEqual({ created: true, documents: 4, versions: 9 });
    const again = await seedDemoCommunity(database.prisma);
    expect(again).toEqual({ created: false, documents: 0, versions: 0 });

    const community = await database.prisma.community.findUniqueOrThrow({ where: { slug: DEMO_COMMUNITY_SLUG }, include: { memberships: true, projects: { include: { members: true } } } });
    expect(community.memberships).toHaveLength(DEMO_USERS.length);
    expect(community.projects.map((p) => [p.slug, p.shareMode]).sort()).toEqual([
      ['commons-handbook', 'public'],
      ['core-team', 'invite'],
    ]);
    for (const project of community.projects) expect(project.members).toHaveLength(3);

    const pad = await database.prisma.document.findFirstOrThrow({ where: { project: { slug: 'commons-handbook' }, kind: 'pad' } });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(pad.yState!));
    expect(doc.getXmlFragment('default').length).toBe(4);
    expect(pad.markdown).toContain('## Commons handbook');
    expect(pad.markdown).toContain('- [x] Collect three case studies');
  });
});
