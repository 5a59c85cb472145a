import { z } from 'zod';
import { ZSlug } from '../communities/community.schemas';
import { ZEarnedRuleInput } from './earned-budget';
import { NEED_ACTIONS } from './need-lifecycle';

const ZCredits = z.number().int('Whole credits only').min(1, 'At least 1 credit').max(1_000_000, 'At most 1,000,000 credits');

export const ZNeedTitle = z.string().trim().min(3, 'At least 3 characters').max(140, 'At most 140 characters');
export const ZNeedDescription = z.string().trim().max(20_000, 'At most 20,000 characters');
export const ZSkills = z.array(z.string().trim().toLowerCase().min(1).max(40)).max(12, 'At most 12 skills');

const needFields = {
  title: ZNeedTitle,
  description: ZNeedDescription.default(''),
  skills: ZSkills.default([]),
  effortHours: z.number().int('Whole hours').min(1, 'At least 1 hour').max(10_000),
  goal: ZCredits,
  stretchGoal: ZCredits.nullish(),
  dueDate: z.coerce.date().nullish(),
};

export const ZNeedSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('document'), documentId: z.uuid(), quote: z.string().trim().min(1).max(2000) }),
  z.object({ kind: z.literal('chat'), messageId: z.uuid(), quote: z.string().trim().min(1).max(2000) }),
]);

export const ZCreateNeedInput = z
  .object({ projectId: z.uuid(), ...needFields, source: ZNeedSource.default({ kind: 'manual' }) })
  .refine((n) => n.stretchGoal == null || n.stretchGoal > n.goal, { message: 'The stretch goal must be above the goal', path: ['stretchGoal'] });

export const ZUpdateNeedInput = z
  .object({
    needId: z.uuid(),
    title: ZNeedTitle.optional(),
    description: ZNeedDescription.optional(),
    skills: ZSkills.optional(),
    effortHours: needFields.effortHours.optional(),
    goal: ZCredits.optional(),
    stretchGoal: ZCredits.nullish(),
    dueDate: z.coerce.date().nullish(),
  })
  .refine((n) => n.stretchGoal == null || n.goal === undefined || n.stretchGoal > n.goal, { message: 'The stretch goal must be above the goal', path: ['stretchGoal'] });

export const ZNeedAction = z.enum(NEED_ACTIONS);
export const ZNeedActionInput = z.object({ needId: z.uuid(), action: ZNeedAction, note: z.string().trim().max(500).nullish() });
export const ZNeedFeatureInput = z.object({ needId: z.uuid(), featured: z.boolean() });
export const ZNeedCommentInput = z.object({ needId: z.uuid(), body: z.string().trim().min(1, 'Write something').max(5000) });
export const ZChecklistAddInput = z.object({ needId: z.uuid(), text: z.string().trim().min(1).max(300) });
export const ZChecklistToggleInput = z.object({ itemId: z.uuid(), done: z.boolean() });
export const ZBountyInput = z.object({ needId: z.uuid(), points: z.number().int('Whole points').min(1).max(100_000) });
export const ZThanksInput = z.object({
  community: ZSlug,
  toUserId: z.string().min(1).max(100),
  note: z.string().trim().min(1, 'Say what for').max(500),
  needId: z.uuid().nullish(),
});

export const ZOpenRoundInput = z
  .object({
    community: ZSlug,
    title: z.string().trim().min(3).max(120),
    /** Later than now schedules the round: the worker opens it then and grants the budgets. */
    opensAt: z.coerce.date().nullish(),
    closesAt: z.coerce.date(),
    budgetPerMember: z.number().int().min(0).max(1_000_000),
    /** "earned": each member's budget is computed from their points when the round opens (`earned` holds the rule; its base replaces budgetPerMember). */
    budgetMode: z.enum(['equal', 'earned']).default('equal'),
    earned: ZEarnedRuleInput.nullish(),
    memberCapPerNeed: ZCredits.nullish(),
    minimumGoal: ZCredits.default(1),
    allowStretch: z.boolean().default(false),
    mechanism: z.enum(['direct', 'quadratic']).default('direct'),
    matchingPool: z.number().int().min(0).max(100_000_000).default(0),
    capRatio: z.number().gt(0).lte(1).nullish(),
  })
  .refine((r) => r.mechanism === 'quadratic' || (r.matchingPool === 0 && r.capRatio == null), {
    message: 'A matching pool and cap ratio are for quadratic rounds',
    path: ['matchingPool'],
  })
  .refine((r) => r.opensAt == null || r.closesAt.getTime() > r.opensAt.getTime(), { message: 'The round must close after it opens', path: ['closesAt'] });

/**
 * Pledge amounts are validated by the service (not here) so that negative, zero and fractional
 * amounts get the same typed refusal as every other pledge rule.
 */
export const ZPledgeInput = z.object({ roundId: z.uuid(), needId: z.uuid(), amount: z.number().finite() });
export const ZWithdrawPledgeInput = z.object({ roundId: z.uuid(), needId: z.uuid() });
/** Admins add credits to one member's budget in an open round (on top of the budget every member got). */
export const ZGrantCreditsInput = z.object({ roundId: z.uuid(), userId: z.string().min(1).max(100), credits: ZCredits });
