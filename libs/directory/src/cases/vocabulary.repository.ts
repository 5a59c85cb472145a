import type { Db, TermRow } from './case.repository';
import type { TVocabulary } from './case-fields';

export interface TermUsageRow extends TermRow {
  /** cases using the term */
  cases: number;
  createdAt: Date;
  createdById: string | null;
}

/** The taxonomy terms as staff manage them: usage counts, who added a term and when. */
export function createVocabularyRepository(db: Db) {
  return {
    async listTermUsage(): Promise<TermUsageRow[]> {
      return db.$queryRaw<TermUsageRow[]>`
        SELECT t.id, t.vocabulary::text AS vocabulary, t.label, t.normalised, t."createdAt", t."createdById",
          (SELECT count(*)::int FROM directory_case_term ct WHERE ct."termId" = t.id) AS cases
        FROM directory_term t ORDER BY t.vocabulary, lower(t.label), t.id`;
    },

    async findByNormalised(vocabulary: TVocabulary, normalised: string): Promise<TermRow | null> {
      const [row] = await db.$queryRaw<TermRow[]>`
        SELECT id, vocabulary::text AS vocabulary, label, normalised FROM directory_term
        WHERE vocabulary = ${vocabulary}::directory_vocabulary AND normalised = ${normalised}`;
      return row ?? null;
    },

    /** Inserts a term; null when the vocabulary already has it (same normalised label). */
    async insertTerm(term: { vocabulary: TVocabulary; label: string; normalised: string; createdById: string; createdAt: Date }): Promise<TermRow | null> {
      const [row] = await db.$queryRaw<TermRow[]>`
        INSERT INTO directory_term (vocabulary, label, normalised, "createdById", "createdAt")
        VALUES (${term.vocabulary}::directory_vocabulary, ${term.label}, ${term.normalised}, ${term.createdById}, ${term.createdAt})
        ON CONFLICT (vocabulary, normalised) DO NOTHING
        RETURNING id, vocabulary::text AS vocabulary, label, normalised`;
      return row ?? null;
    },
  };
}

export type VocabularyRepository = ReturnType<typeof createVocabularyRepository>;
