import { z } from 'zod';
import { NEED_STATUSES } from '@p2pvalue/platform';

export const ZNeedStatusOutput = z.enum(NEED_STATUSES);
const ZBand = z.enum(['low', 'middle', 'high']);
const ZPerson = z.object({ userId: z.string(), name: z.string() });

export const ZNeedSummaryOutput = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  status: ZNeedStatusOutput,
  featured: z.boolean(),
  goal: z.number().int(),
  stretchGoal: z.number().int().nullable(),
  pledged: z.number().int(),
  bountyTotal: z.number().int(),
  effortHours: z.number().int(),
  skills: z.array(z.string()),
  dueDate: z.date().nullable(),
  supporters: z.number().int(),
  assignees: z.array(ZPerson),
  ratio: z.number(),
  band: ZBand,
  almostThere: z.boolean(),
});

export const ZNeedListOutput = z.object({
  items: z.array(ZNeedSummaryOutput.extend({ section: z.enum(['funding', 'working', 'finished']) })),
  canCreate: z.boolean(),
});

export const ZFeaturedNeedOutput = ZNeedSummaryOutput.extend({ projectSlug: z.string(), projectTitle: z.string() });

export const ZNeedOutput = ZNeedSummaryOutput.extend({
  communityId: z.string(),
  communitySlug: z.string(),
  projectSlug: z.string(),
  projectTitle: z.string(),
  description: z.string(),
  source: z.enum(['manual', 'document', 'chat']),
  sourceRef: z.string().nullable(),
  sourceQuote: z.string().nullable(),
  sourceLink: z.object({ href: z.string(), label: z.string() }).nullable(),
  createdById: z.string(),
  createdByName: z.string(),
  createdAt: z.date(),
  transitions: z.array(z.object({ actorName: z.string(), from: ZNeedStatusOutput.nullable(), to: ZNeedStatusOutput, note: z.string().nullable(), at: z.date() })),
  comments: z.array(z.object({ id: z.string(), authorId: z.string(), authorName: z.string(), body: z.string(), createdAt: z.date() })),
  checklist: z.array(z.object({ id: z.string(), text: z.string(), done: z.boolean(), doneByName: z.string().nullable() })),
  bounties: z.array(z.object({ userName: z.string(), points: z.number().int(), paid: z.boolean() })),
  permissions: z.object({
    canEdit: z.boolean(),
    canOpen: z.boolean(),
    canFeature: z.boolean(),
    canClaim: z.boolean(),
    canUnclaim: z.boolean(),
    canComplete: z.boolean(),
    canVerify: z.boolean(),
    canCancel: z.boolean(),
    canComment: z.boolean(),
    canAttachBounty: z.boolean(),
  }),
  round: z
    .object({
      id: z.string(),
      title: z.string(),
      mechanism: z.enum(['direct', 'quadratic']),
      allowStretch: z.boolean(),
      memberCapPerNeed: z.number().int().nullable(),
      closesAt: z.date(),
      myPledge: z.number().int(),
      myBalance: z.number().int(),
    })
    .nullable(),
});

const ZRoundResults = z.object({
  mechanism: z.enum(['direct', 'quadratic']),
  matchingPool: z.number().int(),
  capRatio: z.number().nullable(),
  totals: z.object({ pledged: z.number(), matched: z.number(), unallocated: z.number(), pledgers: z.number(), funded: z.number(), unfunded: z.number() }),
  needs: z.array(
    z.object({
      rank: z.number().int(),
      needId: z.string(),
      projectId: z.string(),
      title: z.string(),
      goal: z.number().int(),
      stretchGoal: z.number().int().nullable(),
      pledged: z.number().int(),
      supporters: z.number().int(),
      matched: z.number().int(),
      total: z.number().int(),
      funded: z.boolean(),
    }),
  ),
});

export const ZRoundOutput = z.object({
  id: z.string(),
  communityId: z.string(),
  communitySlug: z.string(),
  title: z.string(),
  opensAt: z.date(),
  closesAt: z.date(),
  budgetPerMember: z.number().int(),
  budgetMode: z.enum(['equal', 'earned']),
  earned: z
    .object({
      base: z.number().int(),
      rate: z.number(),
      cap: z.number().int(),
      windowDays: z.number().int().nullable(),
      windowStart: z.date().nullable(),
      windowEnd: z.date().nullable(),
      formula: z.string(),
    })
    .nullable(),
  memberCapPerNeed: z.number().int().nullable(),
  minimumGoal: z.number().int(),
  allowStretch: z.boolean(),
  mechanism: z.enum(['direct', 'quadratic']),
  matchingPool: z.number().int(),
  capRatio: z.number().nullable(),
  status: z.enum(['scheduled', 'open', 'closed']),
  accepting: z.boolean(),
  closedAt: z.date().nullable(),
  results: ZRoundResults.nullable(),
  totals: z.object({ pledged: z.number().int(), matched: z.number().int(), pledgers: z.number().int(), needsPledged: z.number().int(), funded: z.number().int() }),
  canClose: z.boolean(),
  canCancel: z.boolean(),
  me: z.object({ granted: z.number().int(), spent: z.number().int(), balance: z.number().int(), pledges: z.array(z.object({ needId: z.string(), amount: z.number().int() })), budgetWhy: z.string().nullable() }).nullable(),
  needs: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      projectTitle: z.string(),
      title: z.string(),
      status: ZNeedStatusOutput,
      goal: z.number().int(),
      stretchGoal: z.number().int().nullable(),
      pledged: z.number().int(),
      ceiling: z.number().int(),
      supporters: z.number().int(),
      ratio: z.number(),
      band: ZBand,
      almostThere: z.boolean(),
      featured: z.boolean(),
    }),
  ),
});

export const ZRoundListOutput = z.object({
  current: ZRoundOutput.nullable(),
  upcoming: ZRoundOutput.nullable(),
  past: z.array(z.object({ id: z.string(), title: z.string(), closedAt: z.date().nullable(), mechanism: z.enum(['direct', 'quadratic']) })),
  canOpen: z.boolean(),
});

export const ZPledgeOutput = z.object({ needId: z.string(), amount: z.number().int(), needPledged: z.number().int(), needStatus: ZNeedStatusOutput, balance: z.number().int() });

export const ZLedgerOutput = z.array(
  z.object({ id: z.string(), needId: z.string(), needTitle: z.string(), userId: z.string(), userName: z.string(), delta: z.number().int(), amountAfter: z.number().int(), at: z.date() }),
);

export const ZContributionOutput = z.object({
  kind: z.string(),
  weight: z.number(),
  at: z.date(),
  communitySlug: z.string(),
  projectId: z.string().nullable(),
  needId: z.string().nullable(),
  needTitle: z.string().nullable(),
  userName: z.string(),
});

export const ZProfileOutput = z.object({
  userId: z.string(),
  name: z.string(),
  points: z.number().int(),
  pointsEarned: z.number().int(),
  reputation: z.object({ score: z.number(), fromPoints: z.number(), fromThanks: z.number(), fromVerified: z.number() }),
  thanksReceived: z.array(z.object({ id: z.string(), fromName: z.string(), note: z.string(), needTitle: z.string().nullable(), createdAt: z.date() })),
  thanksGiven: z.number().int(),
  contributions: z.array(ZContributionOutput),
});
