import { z } from 'zod';
import { ZVersionMetadata } from '@p2pvalue/directory';

const ZTableSchema = z.object({ fields: z.array(z.object({ name: z.string(), type: z.string() })), missingValues: z.array(z.string()) });

export const ZDatasetFileOutput = z.object({
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  mediaType: z.string(),
  tableSchema: ZTableSchema.nullable(),
  preview: z.object({ rows: z.array(z.array(z.string())) }).nullable(),
});

export const ZDatasetVersionOutput = z.object({
  datasetId: z.string(),
  conceptId: z.string(),
  /** `${conceptId}.v${n}`: cite this to name one version */
  versionId: z.string(),
  n: z.number().int(),
  status: z.enum(['draft', 'published']),
  title: z.string(),
  description: z.string(),
  creators: z.array(z.object({ name: z.string(), affiliation: z.string().nullish(), orcid: z.string().nullish() })),
  keywords: z.array(z.string()),
  licence: z.string(),
  provenance: z.string(),
  caseIds: z.array(z.number().int()),
  files: z.array(ZDatasetFileOutput),
  createdAt: z.date(),
  updatedAt: z.date(),
  publishedAt: z.date().nullable(),
});

export const ZDatasetOutput = z.object({
  id: z.string(),
  conceptId: z.string(),
  latest: ZDatasetVersionOutput,
  versions: z.array(z.object({ n: z.number().int(), status: z.enum(['draft', 'published']), title: z.string(), publishedAt: z.date().nullable() })),
});

export const ZDatasetListInput = z.object({
  page: z.number().int().min(1).max(10_000).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});

export const ZDatasetListOutput = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(ZDatasetVersionOutput) });

export const ZDatasetIdInput = z.object({ id: z.string().min(1).max(100) });
export const ZVersionRefInput = z.object({ id: z.string().min(1).max(100), n: z.coerce.number().int().min(1).max(100_000) });
export const ZCreateDatasetInput = z.object({ metadata: ZVersionMetadata, caseIds: z.array(z.number().int().positive()).max(1_000).default([]) });
export const ZUpdateDraftInput = ZVersionRefInput.extend({ metadata: ZVersionMetadata, caseIds: z.array(z.number().int().positive()).max(1_000).default([]) });
export const ZRemoveFileInput = ZVersionRefInput.extend({ name: z.string().min(1).max(200) });
