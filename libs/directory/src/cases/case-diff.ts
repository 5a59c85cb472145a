import { CASE_FIELD_NAMES, VOCABULARY_OF_FIELD, normaliseTerm, type TCaseFieldName, type TCaseFields } from './case-fields';

type FieldValue = TCaseFields[TCaseFieldName];

/** Field-by-field change: only the fields that differ appear. */
export type TCaseDiff = Partial<Record<TCaseFieldName, { from: FieldValue; to: FieldValue }>>;

const isTermField = (field: TCaseFieldName): boolean => field in VOCABULARY_OF_FIELD;

// Taxonomy values compare like the importer matches terms (case and spacing do not count), so an
// import spelled "english" against the stored term "English" is no change.
function comparable(field: TCaseFieldName, value: FieldValue): unknown {
  if (value === null || value === '') return null;
  if (Array.isArray(value)) return value.map((item) => (isTermField(field) ? normaliseTerm(item) : item));
  if (typeof value === 'string' && isTermField(field)) return normaliseTerm(value);
  return value;
}

function sameValue(field: TCaseFieldName, a: FieldValue, b: FieldValue): boolean {
  return JSON.stringify(comparable(field, a)) === JSON.stringify(comparable(field, b));
}

/** The diff from `before` (null: a new case) to `after`, restricted to `fields` (default: all). */
export function diffCaseFields(before: TCaseFields | null, after: TCaseFields, fields: readonly TCaseFieldName[] = CASE_FIELD_NAMES): TCaseDiff {
  const diff: TCaseDiff = {};
  for (const field of fields) {
    const from = before ? before[field] : null;
    const to = after[field];
    if (before === null && (to === null || (Array.isArray(to) && to.length === 0))) continue;
    if (!sameValue(field, from, to)) diff[field] = { from, to } as never;
  }
  return diff;
}

/** `base` with the `to` values of `diff` applied. */
export function applyCaseDiff(base: TCaseFields, diff: TCaseDiff): TCaseFields {
  const next: Record<string, unknown> = { ...base };
  for (const [field, change] of Object.entries(diff)) if (change) next[field] = change.to;
  return next as TCaseFields;
}

export function isEmptyDiff(diff: TCaseDiff): boolean {
  return Object.keys(diff).length === 0;
}
