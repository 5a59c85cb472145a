import { z } from 'zod';
import { AppError } from '@p2pvalue/shared';
import { VOCABULARIES, cleanLabel, normaliseTerm, type TVocabulary } from '../cases/case-fields';
import type { CaseRevisionRepository } from '../cases/case-revision.repository';
import type { TermRow } from '../cases/case.repository';
import type { VocabularyRepository } from '../cases/vocabulary.repository';

export const ZAddTermInput = z.object({
  vocabulary: z.enum(VOCABULARIES),
  label: z
    .string()
    .transform(cleanLabel)
    .pipe(z.string().min(1, 'Give the term a label').max(200, 'A term label has at most 200 characters')),
});
export type TAddTermInput = z.input<typeof ZAddTermInput>;

export interface TermView {
  id: number;
  label: string;
  cases: number;
  createdAt: Date;
  /** the staff member who added it on the vocabulary page; null when an import or a case brought it in */
  addedBy: string | null;
}

/**
 * The controlled vocabularies: staff add terms before any case uses them. Each added term records
 * who added it and when (the importer's and approved cases' terms are accounted for by revisions).
 */
export function createVocabularyService(deps: { vocabularies: VocabularyRepository; revisions: CaseRevisionRepository; now?: () => Date }) {
  const { vocabularies, revisions } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    /** Every vocabulary with its terms (alphabetical), usage counts and provenance. */
    async listVocabularies(): Promise<Record<TVocabulary, TermView[]>> {
      const rows = await vocabularies.listTermUsage();
      const names = await revisions.userNames([...new Set(rows.flatMap((row) => (row.createdById ? [row.createdById] : [])))]);
      const result = Object.fromEntries(VOCABULARIES.map((vocabulary) => [vocabulary, [] as TermView[]])) as Record<TVocabulary, TermView[]>;
      for (const row of rows) {
        result[row.vocabulary].push({
          id: row.id,
          label: row.label,
          cases: row.cases,
          createdAt: row.createdAt,
          addedBy: row.createdById === null ? null : (names.get(row.createdById) ?? 'former user'),
        });
      }
      return result;
    },

    /** Adds a term; a label matching an existing term (case and spacing aside) is a conflict. */
    async addTerm(input: { staffId: string } & TAddTermInput): Promise<TermRow> {
      const { vocabulary, label } = ZAddTermInput.parse(input);
      const normalised = normaliseTerm(label);
      const created = await vocabularies.insertTerm({ vocabulary, label, normalised, createdById: input.staffId, createdAt: now() });
      if (created) return created;
      const existing = await vocabularies.findByNormalised(vocabulary, normalised);
      throw new AppError('CONFLICT', `This vocabulary already has the term “${existing?.label ?? label}”.`);
    },
  };
}

export type VocabularyService = ReturnType<typeof createVocabularyService>;
