import { TERM_FIELDS, VOCABULARY_OF_FIELD, cleanLabel, normaliseTerm, type TCaseFields, type TVocabulary } from './case-fields';
import type { TermRow } from './case.repository';

export interface WantedTerm {
  vocabulary: TVocabulary;
  label: string;
  normalised: string;
}

const keyOf = (vocabulary: TVocabulary, normalised: string) => `${vocabulary}\u0000${normalised}`;

/** The taxonomy terms a case refers to, in field order (single fields, then list items in order). */
export function termsOfFields(fields: TCaseFields): WantedTerm[] {
  const wanted: WantedTerm[] = [];
  const seen = new Set<string>();
  for (const field of TERM_FIELDS) {
    const vocabulary = VOCABULARY_OF_FIELD[field];
    const value = fields[field];
    for (const raw of Array.isArray(value) ? value : value === null ? [] : [value]) {
      const label = cleanLabel(raw);
      const normalised = normaliseTerm(label);
      if (!normalised || seen.has(keyOf(vocabulary, normalised))) continue;
      seen.add(keyOf(vocabulary, normalised));
      wanted.push({ vocabulary, label, normalised });
    }
  }
  return wanted;
}

/** Looks terms up the way the importer matches them: by vocabulary and normalised label. */
export function createTermIndex(terms: Iterable<TermRow>) {
  const byKey = new Map<string, TermRow>();
  for (const term of terms) byKey.set(keyOf(term.vocabulary, term.normalised), term);
  return {
    get(vocabulary: TVocabulary, label: string): TermRow | undefined {
      return byKey.get(keyOf(vocabulary, normaliseTerm(label)));
    },
    add(term: TermRow): void {
      byKey.set(keyOf(term.vocabulary, term.normalised), term);
    },
    /** Term ids of a case, in field order; throws if one is missing (call ensureTerms first). */
    idsOf(fields: TCaseFields): number[] {
      return termsOfFields(fields).map(({ vocabulary, normalised, label }) => {
        const term = byKey.get(keyOf(vocabulary, normalised));
        if (!term) throw new Error(`term not resolved: ${vocabulary} "${label}"`);
        return term.id;
      });
    },
    /** The fields with each known term spelled as stored (first spelling wins), lists de-duplicated. */
    canonical(fields: TCaseFields): TCaseFields {
      const next = { ...fields } as Record<string, unknown>;
      for (const field of TERM_FIELDS) {
        const vocabulary = VOCABULARY_OF_FIELD[field];
        const spell = (raw: string) => byKey.get(keyOf(vocabulary, normaliseTerm(raw)))?.label ?? cleanLabel(raw);
        const value = fields[field];
        if (Array.isArray(value)) {
          const seen = new Set<string>();
          next[field] = value.map(spell).filter((label) => label && !seen.has(normaliseTerm(label)) && seen.add(normaliseTerm(label)));
        } else next[field] = value === null || cleanLabel(value) === '' ? null : spell(value);
      }
      return next as TCaseFields;
    },
  };
}

export type TermIndex = ReturnType<typeof createTermIndex>;
