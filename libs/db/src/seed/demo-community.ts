// The demo community "P2Pvalue demo": a public project and an invite-only "Core team", each with a
// pad and a document in a folder holding content and version history, and the three demo users as
// members of both. Idempotent: rows are found by their natural keys and only missing ones created.
// Yjs content is written in the shape Tiptap's Collaboration extension reads (an XmlFragment named
// "default" of paragraph/heading/bulletList/taskList elements).
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import { DEMO_USERS } from './demo-users';

export const DEMO_COMMUNITY_SLUG = 'p2pvalue-demo';

type Block = ['h', string] | ['p', string] | ['ul', string[]] | ['tasks', [string, boolean][]] | ['table', string[][]];

function build(doc: Y.Doc, blocks: Block[]): void {
  const text = (s: string) => {
    const t = new Y.XmlText();
    t.insert(0, s, {});
    return t;
  };
  const el = (name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, unknown> = {}) => {
    const e = new Y.XmlElement(name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
    e.insert(0, children);
    return e;
  };
  const para = (s: string) => el('paragraph', [text(s)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(
    fragment.length,
    blocks.map((b) => {
      switch (b[0]) {
        case 'h':
          return el('heading', [text(b[1])], { level: 2 });
        case 'p':
          return para(b[1]);
        case 'ul':
          return el('bulletList', b[1].map((i) => el('listItem', [para(i)])));
        case 'tasks':
          return el('taskList', b[1].map(([t, done]) => el('taskItem', [para(t)], { checked: done })));
        case 'table':
          // The first row is the header row, as the editor's "Insert table" makes it.
          return el('table', b[1].map((row, r) => el('tableRow', row.map((cell) => el(r === 0 ? 'tableHeader' : 'tableCell', [para(cell)], { colspan: 1, rowspan: 1 })))));
      }
    }),
  );
}

function plain(blocks: Block[]): { markdown: string; plainText: string } {
  const tableMd = (rows: string[][]) => [rows[0]!, rows[0]!.map(() => '---'), ...rows.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const md = blocks.map((b) =>
    b[0] === 'h'
      ? `## ${b[1]}`
      : b[0] === 'p'
        ? b[1]
        : b[0] === 'ul'
          ? b[1].map((i) => `- ${i}`).join('\n')
          : b[0] === 'table'
            ? tableMd(b[1])
            : b[1].map(([t, d]) => `- [${d ? 'x' : ' '}] ${t}`).join('\n'),
  );
  const text = blocks.map((b) =>
    b[0] === 'h' || b[0] === 'p' ? b[1] : b[0] === 'ul' ? b[1].join('\n') : b[0] === 'table' ? b[1].map((r) => r.join('\t')).join('\n') : b[1].map(([t]) => t).join('\n'),
  );
  return { markdown: md.join('\n\n'), plainText: text.join('\n') };
}

interface DemoDocument {
  title: string;
  kind: 'pad' | 'doc';
  folder: string | null;
  /** Successive edits; a version is stored after each, the document holds them all. */
  history: { label: string; blocks: Block[]; author: number }[];
}

const PUBLIC_DOCS: DemoDocument[] = [
  {
    title: 'Pad',
    kind: 'pad',
    folder: null,
    history: [
      { label: 'Kick-off', author: 0, blocks: [['h', 'Commons handbook'], ['p', 'A shared handbook of practices for commons-based peer production communities.']] },
      { label: 'Outline', author: 1, blocks: [['ul', ['Governance: how decisions are made', 'Value: what counts as a contribution', 'Licensing: keeping the commons open']]] },
      { label: 'Next steps', author: 2, blocks: [['tasks', [['Collect three case studies from the directory', true], ['Draft the governance chapter', false], ['Invite reviewers', false]]]] },
    ],
  },
  {
    title: 'Meeting notes 1',
    kind: 'doc',
    folder: 'Meetings',
    history: [
      { label: 'Agenda', author: 0, blocks: [['h', 'First meeting'], ['ul', ['Introductions', 'Scope of the handbook']]] },
      { label: 'Minutes', author: 1, blocks: [['p', 'We agreed to start from the 2016 P2Pvalue directory cases and to publish chapters as they are ready.']] },
    ],
  },
];

const CORE_DOCS: DemoDocument[] = [
  {
    title: 'Pad',
    kind: 'pad',
    folder: null,
    history: [
      { label: 'Roles', author: 0, blocks: [['h', 'Core team'], ['p', 'Coordination space of the people who keep the demo community running.']] },
      { label: 'Rota', author: 2, blocks: [['ul', ['Moderation: Demo Member', 'Research liaison: Demo Researcher', 'Infrastructure: Demo Staff']]] },
    ],
  },
  {
    title: 'Budget 2026',
    kind: 'doc',
    folder: 'Planning',
    history: [
      { label: 'Draft', author: 1, blocks: [['h', 'Budget'], ['p', 'Hosting, a yearly gathering and small bounties for documentation work.']] },
      {
        label: 'Agreed',
        author: 0,
        blocks: [
          ['tasks', [['Agree the hosting budget', true], ['Open the bounty round', false]]],
          ['table', [['Item', 'Amount'], ['Hosting', '1,200 €'], ['Yearly gathering', '3,000 €'], ['Documentation bounties', '800 €']]],
        ],
      },
    ],
  },
];

export interface DemoCommunityReport {
  created: boolean;
  documents: number;
  versions: number;
}

export async function seedDemoCommunity(prisma: PrismaClient, now: Date = new Date()): Promise<DemoCommunityReport> {
  const users = await prisma.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { id: true, email: true } });
  const ids = DEMO_USERS.map((d) => users.find((u) => u.email === d.email)?.id);
  if (ids.some((id) => !id)) throw new Error('Seed the demo users first.');
  const [staffId, researcherId, memberId] = ids as [string, string, string];
  const report: DemoCommunityReport = { created: false, documents: 0, versions: 0 };

  let community = await prisma.community.findUnique({ where: { slug: DEMO_COMMUNITY_SLUG }, select: { id: true } });
  if (!community) {
    community = await prisma.community.create({
      data: {
        slug: DEMO_COMMUNITY_SLUG,
        name: 'P2Pvalue demo',
        description: 'A demo community: explore projects, edit documents together, and see how contributions are recorded.',
        visibility: 'public',
        createdById: staffId,
      },
      select: { id: true },
    });
    report.created = true;
  }
  const communityId = community.id;
  const roles: [string, 'owner' | 'admin' | 'member'][] = [[staffId, 'owner'], [researcherId, 'admin'], [memberId, 'member']];
  for (const [userId, role] of roles) {
    await prisma.membership.upsert({
      where: { communityId_userId: { communityId, userId } },
      create: { communityId, userId, role, status: 'active' },
      update: {},
    });
  }

  const projects = [
    { slug: 'commons-handbook', title: 'Commons handbook', shareMode: 'public' as const, featured: true, description: 'Writing down what works in commons-based peer production.', docs: PUBLIC_DOCS },
    { slug: 'core-team', title: 'Core team', shareMode: 'invite' as const, featured: false, description: 'Invitation-only coordination of the demo community.', docs: CORE_DOCS },
  ];
  for (const spec of projects) {
    let project = await prisma.project.findUnique({ where: { communityId_slug: { communityId, slug: spec.slug } }, select: { id: true } });
    if (!project) {
      project = await prisma.project.create({
        data: {
          communityId,
          slug: spec.slug,
          title: spec.title,
          description: spec.description,
          shareMode: spec.shareMode,
          featured: spec.featured,
          linkKey: randomBytes(18).toString('base64url'),
          createdById: staffId,
          lastActivityAt: now,
        },
        select: { id: true },
      });
      await prisma.contributionEvent.create({ data: { userId: staffId, communityId, projectId: project.id, kind: 'project.create', at: now } });
    }
    const projectId = project.id;
    await prisma.projectMember.createMany({ data: ids.map((userId) => ({ projectId, userId: userId! })), skipDuplicates: true });
    if (spec.shareMode === 'public') await prisma.supporter.createMany({ data: [{ projectId, userId: researcherId }, { projectId, userId: memberId }], skipDuplicates: true });

    for (const demo of spec.docs) {
      let folderId: string | null = null;
      if (demo.folder) {
        const folder =
          (await prisma.folder.findFirst({ where: { projectId, name: demo.folder }, select: { id: true } })) ??
          (await prisma.folder.create({ data: { projectId, name: demo.folder }, select: { id: true } }));
        folderId = folder.id;
      }
      const existing = await prisma.document.findFirst({ where: { projectId, title: demo.title, kind: demo.kind }, select: { id: true } });
      if (existing) continue;
      const ydoc = new Y.Doc();
      const all: Block[] = [];
      const versions: { yState: Uint8Array<ArrayBuffer>; markdown: string; label: string; authorIds: string[]; createdAt: Date }[] = [];
      demo.history.forEach((step, i) => {
        build(ydoc, step.blocks);
        all.push(...step.blocks);
        versions.push({
          yState: Buffer.from(Y.encodeStateAsUpdate(ydoc)),
          markdown: plain(all).markdown,
          label: step.label,
          authorIds: [ids[step.author]!],
          createdAt: new Date(now.getTime() - (demo.history.length - i) * 3_600_000),
        });
      });
      const text = plain(all);
      const created = await prisma.document.create({
        data: { projectId, folderId, title: demo.title, kind: demo.kind, createdById: staffId, yState: Buffer.from(Y.encodeStateAsUpdate(ydoc)), ...text, editedAt: now },
        select: { id: true },
      });
      await prisma.documentVersion.createMany({ data: versions.map((v) => ({ ...v, documentId: created.id, reason: 'auto', createdById: null })) });
      await prisma.contributionEvent.createMany({
        data: demo.history.map((step, i) => ({
          userId: ids[step.author]!,
          communityId,
          projectId,
          kind: 'document.edit',
          ref: { documentId: created.id },
          at: versions[i]!.createdAt,
        })),
      });
      report.documents += 1;
      report.versions += versions.length;
    }
  }
  return report;
}
