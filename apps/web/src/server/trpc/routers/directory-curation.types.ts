import { z } from 'zod';
import { VOCABULARIES, ZAddTermInput, ZCaseFields } from '@p2pvalue/directory';

/** Case and revision ids are PostgreSQL integers: a larger number is refused here, not by the database. */
const ZDbId = z.number().int().positive().max(2_147_483_647);

export const ZRevisionOutput = z.object({
  id: z.number().int(),
  caseId: z.number().int().nullable(),
  caseName: z.string(),
  kind: z.enum(['create', 'update', 'revert']),
  status: z.enum(['proposed', 'approved', 'rejected']),
  author: z.string(),
  authorId: z.string().nullable(),
  diff: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  reason: z.string().nullable(),
  reviewer: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  revertOfId: z.number().int().nullable(),
  createdAt: z.date(),
});

export const ZProposeInput = z.object({
  caseId: ZDbId.optional(),
  fields: ZCaseFields,
  /** Honeypot: a field humans never see. */
  website: z.string().max(500).optional(),
});

export const ZRevisionIdInput = z.object({ revisionId: ZDbId });
export const ZApproveInput = ZRevisionIdInput.extend({ fields: ZCaseFields.optional() });
export const ZRejectInput = ZRevisionIdInput.extend({ reason: z.string().trim().min(1, 'Give a reason').max(2000) });
export const ZEditCaseInput = z.object({ caseId: ZDbId, fields: ZCaseFields });
export const ZRevertInput = z.object({ caseId: ZDbId, revisionId: ZDbId });
export const ZHistoryInput = z.object({ caseId: ZDbId });

export const ZProposalOutput = z.object({ proposal: ZRevisionOutput, proposed: ZCaseFields, current: ZCaseFields.nullable() });

export { ZAddTermInput };
export const ZTermOutput = z.object({ id: z.number().int(), vocabulary: z.enum(VOCABULARIES), label: z.string(), normalised: z.string() });
export const ZTermViewOutput = z.object({
  id: z.number().int(),
  label: z.string(),
  cases: z.number().int(),
  createdAt: z.date(),
  addedBy: z.string().nullable(),
});
export const ZVocabulariesOutput = z.record(z.enum(VOCABULARIES), z.array(ZTermViewOutput));
