// Gives the demo community ("p2pvalue-demo") an open funding round with needs at every progress
// band, so the needs and funding pages show something real on a fresh `npm start`: one need
// funded, one "almost there" (≥ 75 %), one half way, one barely started, one featured for
// newcomers and one still proposed. Everything goes through the platform's own services (the same
// transactions, row locks, ledger and contribution events as the pages), acting as the demo users.
// Idempotent: needs are found by title in the handbook project and only missing ones are made; the
// round is opened and pledged to only when the community has never had one.
// Run by `npm run db:seed` (libs/db/scripts/seed.ts), or alone: tsx scripts/funding-demo-seed.ts
import { pathToFileURL } from 'node:url';
import { createPrismaClient, dbEnv, type PrismaClient } from '@p2pvalue/db';
import { createPlatformServices, parseUserRole, type LiveDocuments } from '@p2pvalue/platform';

export const FUNDING_DEMO_COMMUNITY_SLUG = 'p2pvalue-demo';
const PROJECT_SLUG = 'commons-handbook';
const DAY = 86_400_000;

export interface FundingDemoReport {
  status: 'created' | 'present' | 'no-community';
  needs: number;
  pledges: number;
}

type Person = 'staff' | 'researcher' | 'member';

interface DemoNeed {
  title: string;
  description: string;
  skills: string[];
  effortHours: number;
  goal: number;
  stretchGoal?: number;
  proposer: Person;
  open: boolean;
  featured?: boolean;
  pledges: [Person, number][];
}

// Goals and pledges chosen for the bands: 30/30 funded, 36/40 almost there, 25/50 middle, 8/60 low.
const NEEDS: DemoNeed[] = [
  {
    title: 'Translate the handbook introduction into Catalan',
    description: 'The introduction is the page most newcomers read first. A careful translation, reviewed by a second speaker.',
    skills: ['catalan', 'writing'],
    effortHours: 6,
    goal: 30,
    proposer: 'staff',
    open: true,
    // The proposer's own pledge completes it, so the seed leaves nobody an unread notification.
    pledges: [
      ['researcher', 15],
      ['staff', 15],
    ],
  },
  {
    title: 'Case study: how a food cooperative shares its work',
    description: 'Interview two members, write up how tasks are proposed, funded and thanked, with their permission.',
    skills: ['research', 'interviews'],
    effortHours: 10,
    goal: 40,
    stretchGoal: 60,
    proposer: 'researcher',
    open: true,
    pledges: [
      ['staff', 20],
      ['member', 16],
    ],
  },
  {
    title: 'Illustrations for the governance chapter',
    description: 'Three simple drawings: the meeting, the proposal, the decision. Shared under CC BY-SA.',
    skills: ['illustration'],
    effortHours: 8,
    goal: 50,
    proposer: 'staff',
    open: true,
    pledges: [['member', 25]],
  },
  {
    title: 'Record an audio version of the first chapter',
    description: 'For people who prefer to listen; a quiet room and a decent microphone are enough.',
    skills: ['audio'],
    effortHours: 5,
    goal: 60,
    proposer: 'member',
    open: true,
    pledges: [['researcher', 8]],
  },
  {
    title: 'Welcome guide for new contributors',
    description: 'One page: where to start, who to ask, how needs and funding rounds work here. A good first task.',
    skills: ['writing'],
    effortHours: 3,
    goal: 20,
    proposer: 'staff',
    open: true,
    featured: true,
    pledges: [],
  },
  {
    title: 'Glossary of commons terms',
    description: 'Short definitions with links to the directory cases that illustrate them.',
    skills: ['writing', 'research'],
    effortHours: 4,
    goal: 25,
    proposer: 'researcher',
    open: false,
    pledges: [],
  },
];

/** Funding never touches collaborative documents. */
const noLiveDocuments: LiveDocuments = {
  readState: () => Promise.reject(new Error('not used by the funding seed')),
  change: () => Promise.reject(new Error('not used by the funding seed')),
};

export async function seedFundingDemo(prisma: PrismaClient, opts: { now?: Date; slug?: string } = {}): Promise<FundingDemoReport> {
  const slug = opts.slug ?? FUNDING_DEMO_COMMUNITY_SLUG;
  const now = opts.now ?? new Date();
  const community = await prisma.community.findUnique({ where: { slug }, select: { id: true } });
  const project = community ? await prisma.project.findUnique({ where: { communityId_slug: { communityId: community.id, slug: PROJECT_SLUG } }, select: { id: true } }) : null;
  if (!community || !project) return { status: 'no-community', needs: 0, pledges: 0 };

  const users = await prisma.user.findMany({ where: { email: { in: ['staff@example.org', 'researcher@example.org', 'member@example.org'] } }, select: { id: true, email: true, role: true } });
  const actor = (who: Person) => {
    const u = users.find((x) => x.email === `${who}@example.org`);
    if (!u) throw new Error('Seed the demo users first.');
    return { id: u.id, role: parseUserRole(u.role) };
  };
  const svc = createPlatformServices({ db: prisma, live: noLiveDocuments, clock: () => now });

  const existing = new Map((await prisma.need.findMany({ where: { projectId: project.id }, select: { id: true, title: true } })).map((n) => [n.title, n.id]));
  const ids = new Map<string, string>();
  let made = 0;
  for (const spec of NEEDS) {
    let id = existing.get(spec.title);
    if (!id) {
      const need = await svc.needs.createNeed(actor(spec.proposer), {
        projectId: project.id,
        title: spec.title,
        description: spec.description,
        skills: spec.skills,
        effortHours: spec.effortHours,
        goal: spec.goal,
        stretchGoal: spec.stretchGoal ?? null,
      });
      id = need.id;
      made += 1;
      if (spec.open) await svc.needs.act(actor('staff'), { needId: id, action: 'open' });
      if (spec.featured) await svc.needs.setFeatured(actor('staff'), { needId: id, featured: true });
    }
    ids.set(spec.title, id);
  }

  if ((await prisma.fundingRound.count({ where: { communityId: community.id } })) > 0) return { status: made > 0 ? 'created' : 'present', needs: made, pledges: 0 };
  const round = await svc.rounds.openRound(actor('staff'), {
    community: slug,
    title: 'Winter round',
    closesAt: new Date(now.getTime() + 21 * DAY),
    budgetPerMember: 100,
    memberCapPerNeed: 50,
    allowStretch: true,
    mechanism: 'direct',
  });
  // Opening told the other members; the demo starts with nothing unread (they are shown as read).
  await prisma.notification.updateMany({ where: { kind: 'round.opened', readAt: null, ref: { path: ['roundId'], equals: round.id } }, data: { readAt: now } });
  let pledges = 0;
  for (const spec of NEEDS) {
    for (const [who, amount] of spec.pledges) {
      await svc.rounds.pledge(actor(who), { roundId: round.id, needId: ids.get(spec.title)!, amount });
      pledges += 1;
    }
  }
  return { status: 'created', needs: made, pledges };
}

export function describeFundingDemo(report: FundingDemoReport): string {
  if (report.status === 'no-community') return 'Funding demo: no demo community (seed it first).';
  return `Funding demo: ${report.status}; ${report.needs} need(s) made, ${report.pledges} pledge(s) in the open round.`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const prisma = createPrismaClient({ url: dbEnv().DATABASE_URL });
  seedFundingDemo(prisma)
    .then((report) => console.log(describeFundingDemo(report)))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    })
    .finally(() => void prisma.$disconnect());
}
