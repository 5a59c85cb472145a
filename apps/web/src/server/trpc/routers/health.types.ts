import { z } from 'zod';
import { ZSlug } from '@p2pvalue/platform';

export const ZCommunityHealthInput = z.object({ slug: ZSlug });

const share = z.number().min(0).max(1);
const count = z.number().int().min(0);

const ZRoleChanges = z.object({ from90to9: count, from9to1: count, from1to9: count, from9to90: count, from1to90: count, from90to1: count });

export const ZHealthWeek = z.object({
  week: z.string().describe('Monday (UTC) of the week, YYYY-MM-DD'),
  members: count,
  count1s: count.describe('Core members (#1): at least `rules.coreThreshold` contributions in the trailing window'),
  count9s: count.describe('Occasional contributors (#9): at least one contribution in the trailing window'),
  count90s: count.describe('Consumers (#90): members without a contribution in the trailing window'),
  share1s: share,
  share9s: share,
  share90s: share,
  contributions: count,
  contributors: count,
  joins: count,
  leaves: count,
  roleChanges: ZRoleChanges,
  needsOpened: count,
  needsFunded: count,
  needsDone: count,
  giniToDate: share,
});

export const ZCommunityHealthOutput = z.object({
  community: z.object({ slug: z.string(), name: z.string() }),
  generatedAt: z.date(),
  rules: z.object({ windowWeeks: z.number().int(), coreThreshold: z.number() }),
  synthetic: z.object({ any: z.boolean(), contributions: count, memberships: count }),
  weeks: z.array(ZHealthWeek),
  current: z.object({
    week: z.string().nullable(),
    members: count,
    count1s: count,
    count9s: count,
    count90s: count,
    contributors: count,
    gini: share,
    top1Share: share,
    top10Share: share,
    survival26: share.nullable().describe('Kaplan–Meier survival 26 weeks after the first contribution; null before anyone was followed that long'),
    survival52: share.nullable(),
    fundingGini: share,
  }),
  distribution: z.object({
    bins: z.array(z.object({ from: z.number(), to: z.number(), people: count })),
    powerLaw: z.object({ alpha: z.number(), xmin: z.number(), xmax: z.number(), ks: z.number(), n: count }).nullable(),
    logNormal: z.object({ mu: z.number(), sigma: z.number(), ks: z.number(), n: count }).nullable(),
  }),
  survival: z.object({
    subjects: count,
    exits: count,
    curve: z.array(z.object({ week: z.number(), survival: share })),
    survival26: share.nullable(),
    survival52: share.nullable(),
  }),
  cohorts: z.array(z.object({ cohort: z.string(), size: count, retained26: share.nullable(), retained52: share.nullable() })),
  funding: z.object({ needs: count, gini: share, totalPledged: count }),
});

export type TCommunityHealthOutput = z.infer<typeof ZCommunityHealthOutput>;
