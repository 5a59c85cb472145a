import { z } from 'zod';
import { ZOpenRoundInput, ZPledgeInput, ZSlug, ZThanksInput, ZWithdrawPledgeInput } from '@p2pvalue/platform';
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

  withdraw: protectedProcedure
    .input(ZWithdrawPledgeInput)
    .output(ZPledgeOutput)
    .mutation(({ ctx, input }) => platformServices(ctx.db).rounds.withdraw(ctx.viewer, input)),

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
