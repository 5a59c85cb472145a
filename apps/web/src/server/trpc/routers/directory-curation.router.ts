import { z } from 'zod';
import { createDirectoryServices } from '@p2pvalue/directory';
import { hasRole } from '@p2pvalue/platform';
import { createTRPCRouter, protectedProcedure, publicProcedure, staffProcedure } from '../init';
import {
  ZAddTermInput,
  ZApproveInput,
  ZEditCaseInput,
  ZHistoryInput,
  ZProposalOutput,
  ZProposeInput,
  ZRejectInput,
  ZRevertInput,
  ZRevisionIdInput,
  ZRevisionOutput,
  ZTermOutput,
  ZVocabulariesOutput,
} from './directory-curation.types';

export const directoryCurationRouter = createTRPCRouter({
  /** Any signed-in user proposes a new case (no caseId) or an edit; staff review it. */
  propose: protectedProcedure
    .input(ZProposeInput)
    .output(z.object({ id: z.number().int(), status: z.literal('proposed') }))
    .mutation(({ ctx, input }) =>
      createDirectoryServices(ctx.db).curation.propose({
        actor: { id: ctx.viewer.id, isStaff: hasRole(ctx.viewer.role, 'staff') },
        ...(input.caseId !== undefined ? { caseId: input.caseId } : {}),
        fields: input.fields,
        honeypot: input.website,
      }),
    ),

  queue: staffProcedure
    .input(z.object({ take: z.number().int().min(1).max(200).default(50) }).optional())
    .output(z.object({ total: z.number().int(), items: z.array(ZRevisionOutput) }))
    .query(({ ctx, input }) => createDirectoryServices(ctx.db).curation.reviewQueue(input?.take)),

  proposal: staffProcedure
    .input(ZRevisionIdInput)
    .output(ZProposalOutput)
    .query(({ ctx, input }) => createDirectoryServices(ctx.db).curation.getProposal(input.revisionId)),

  approve: staffProcedure
    .input(ZApproveInput)
    .output(z.object({ caseId: z.number().int(), revisionId: z.number().int() }))
    .mutation(({ ctx, input }) =>
      createDirectoryServices(ctx.db).curation.approve({ reviewerId: ctx.viewer.id, revisionId: input.revisionId, ...(input.fields ? { fields: input.fields } : {}) }),
    ),

  reject: staffProcedure
    .input(ZRejectInput)
    .output(z.object({ rejected: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await createDirectoryServices(ctx.db).curation.reject({ reviewerId: ctx.viewer.id, revisionId: input.revisionId, reason: input.reason });
      return { rejected: true as const };
    }),

  edit: staffProcedure
    .input(ZEditCaseInput)
    .output(z.object({ revisionId: z.number().int().nullable() }))
    .mutation(({ ctx, input }) => createDirectoryServices(ctx.db).curation.editCase({ staffId: ctx.viewer.id, caseId: input.caseId, fields: input.fields })),

  revert: staffProcedure
    .input(ZRevertInput)
    .output(z.object({ revisionId: z.number().int() }))
    .mutation(({ ctx, input }) => createDirectoryServices(ctx.db).curation.revert({ staffId: ctx.viewer.id, caseId: input.caseId, revisionId: input.revisionId })),

  /** The controlled vocabularies with usage counts and who added each term. */
  vocabularies: staffProcedure
    .input(z.void())
    .output(ZVocabulariesOutput)
    .query(({ ctx }) => createDirectoryServices(ctx.db).vocabulary.listVocabularies()),

  /** Staff extend a vocabulary before any case uses the new term. */
  addTerm: staffProcedure
    .input(ZAddTermInput)
    .output(ZTermOutput)
    .mutation(({ ctx, input }) => createDirectoryServices(ctx.db).vocabulary.addTerm({ staffId: ctx.viewer.id, ...input })),

  /** Approved revisions for everyone; staff also see proposals and rejections. */
  history: publicProcedure
    .input(ZHistoryInput)
    .output(z.array(ZRevisionOutput))
    .query(({ ctx, input }) =>
      createDirectoryServices(ctx.db).curation.caseHistory({ caseId: input.caseId, includeUndecided: ctx.viewer !== null && hasRole(ctx.viewer.role, 'staff') }),
    ),
});
