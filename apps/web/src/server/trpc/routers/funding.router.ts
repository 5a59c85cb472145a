import { z } from 'zod';
import { ZGrantCreditsInput, ZOpenRoundInput, ZPledgeInput, ZSlug, ZThanksInput, ZWithdrawPledgeInput } from '@p2pvalue/platform';
import { platformServices } from '../../platform';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../init';
import { ZContributionOutput, ZLedgerOutput, ZPledgeOutput, ZProfileOutput, ZRoundListOutput, ZRoundOutput } from './funding.types';

const ZRoundId = z.object({ roundId: z.uuid() });

export const fundingRouter = createTRPCRouter({
  rounds: publicProcedure
    .input(z.object({ community: ZSlug }))
    .output(ZRoundListOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).rounds.listRounds(ctx.viewer, input.community)),

  round: publicProcedure
    .input(ZRoundId)
    .output(ZRoundOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).rounds.getRoundOrThrow(ctx.viewer, input.roundId)),

  /** REST: a round with its totals and, while open, its ranked needs (`GET /api/v1/rounds/{id}`). */
  roundById: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/rounds/{id}',
        tags: ['funding'],
        summary: 'A funding round: rules, window, totals (live while open, frozen at close), the caller’s balance, ranked needs or frozen results',
        protect: false,
      },
    })
    .input(z.object({ id: z.uuid() }))
    .output(ZRoundOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).rounds.getRoundOrThrow(ctx.viewer, input.id)),

  ledger: publicProcedure
    .input(ZRoundId)
    .output(ZLedgerOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).rounds.ledger(ctx.viewer, input.roundId)),

  openRound: protectedProcedure
    .input(ZOpenRoundInput)
    .output(ZRoundOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).rounds.openRound(ctx.viewer, input)),

  closeRound: protectedProcedure
    .input(ZRoundId)
    .output(ZRoundOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).rounds.closeRound(ctx.viewer, input.roundId)),

  pledge: protectedProcedure
    .input(ZPledgeInput)
    .output(ZPledgeOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).rounds.pledge(ctx.viewer, input)),

  /** REST: sets the caller's pledge to a need (`POST /api/v1/rounds/{id}/pledges`); refusals carry `appReason`. */
  pledgeToNeed: protectedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/rounds/{id}/pledges',
        tags: ['funding'],
        summary: "Set the caller's pledge to a need in an open round (whole credits; the new total, not an increment). Refusals: 400/409 with a reason such as INSUFFICIENT_BALANCE or OVER_GOAL",
        protect: true,
      },
    })
    .input(z.object({ id: z.uuid(), needId: z.uuid(), amount: z.number().finite() }))
    .output(ZPledgeOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).rounds.pledge(ctx.viewer, { roundId: input.id, needId: input.needId, amount: input.amount })),

  cancelScheduledRound: protectedProcedure
    .input(ZRoundId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => platformServices(ctx.db).rounds.cancelScheduled(ctx.viewer, input.roundId)),

  withdraw: protectedProcedure
    .input(ZWithdrawPledgeInput)
    .output(ZPledgeOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).rounds.withdraw(ctx.viewer, input)),

  grantCredits: protectedProcedure
    .input(ZGrantCreditsInput)
    .output(z.object({ userId: z.string(), granted: z.number().int(), spent: z.number().int(), balance: z.number().int() }))
    .mutation(({ ctx, input }) => platformServices(ctx.db).rounds.grantCredits(ctx.viewer, input)),

  thank: protectedProcedure
    .input(ZThanksInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => platformServices(ctx.db).recognition.thank(ctx.viewer, input)),

  profile: publicProcedure
    .input(z.object({ userId: z.string().min(1).max(100) }))
    .output(ZProfileOutput)
    .query(({ ctx, input }) => platformServices(ctx.db).recognition.profile(ctx.viewer, input.userId)),

  projectActivity: publicProcedure
    .input(z.object({ projectId: z.uuid() }))
    .output(z.array(ZContributionOutput))
    .query(({ ctx, input }) => platformServices(ctx.db).recognition.projectActivity(ctx.viewer, input.projectId)),
});
