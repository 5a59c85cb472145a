import { z } from 'zod';

/** The controlled vocabularies (taxonomy tables that staff can extend). */
export const VOCABULARIES = [
  'organisationType',
  'legalEntity',
  'activityType',
  'collaborationType',
  'resourceType',
  'licence',
  'scope',
  'language',
] as const;
export type TVocabulary = (typeof VOCABULARIES)[number];

/** Case fields that hold one taxonomy term, and the vocabulary each draws from. */
export const SINGLE_TERM_FIELDS = {
  organisationType: 'organisationType',
  legalEntity: 'legalEntity',
  activityType: 'activityType',
  collaborationType: 'collaborationType',
  licence: 'licence',
  scope: 'scope',
} as const satisfies Record<string, TVocabulary>;

/** Case fields that hold an ordered list of taxonomy terms. */
export const MULTI_TERM_FIELDS = { resourceTypes: 'resourceType', languages: 'language' } as const satisfies Record<string, TVocabulary>;

export type TSingleTermField = keyof typeof SINGLE_TERM_FIELDS;
export type TMultiTermField = keyof typeof MULTI_TERM_FIELDS;
export type TTermField = TSingleTermField | TMultiTermField;

/** Every taxonomy field of a case, in display order: these are the facets. */
export const TERM_FIELDS = [
  'activityType',
  'organisationType',
  'legalEntity',
  'collaborationType',
  'resourceTypes',
  'licence',
  'scope',
  'languages',
] as const satisfies readonly TTermField[];

export const VOCABULARY_OF_FIELD: Record<TTermField, TVocabulary> = { ...SINGLE_TERM_FIELDS, ...MULTI_TERM_FIELDS };

export const SIZE_BANDS = ['individual', 'small', 'medium', 'large', 'very_large'] as const;
export const CASE_STATUSES = ['active', 'inactive'] as const;

const text = (max: number) => z.string().trim().max(max).nullable();
const list = (maxItems: number, maxLength: number) => z.array(z.string().trim().min(1).max(maxLength)).max(maxItems);

/** The editable fields of a case; taxonomy fields hold term labels. */
export const ZCaseFields = z.object({
  name: z.string().trim().min(1, 'A case needs a name').max(300),
  description: text(20_000),
  homepage: text(2_000),
  socialAccounts: list(50, 2_000),
  email: text(320),
  contactPage: text(2_000),
  organisationType: text(200),
  address: text(2_000),
  legalEntity: text(200),
  yearFounded: z.number().int().min(1000).max(2100).nullable(),
  languages: list(100, 200),
  phone: text(200),
  keywords: list(100, 200),
  activityType: text(200),
  collaborationType: text(200),
  resourceTypes: list(50, 200),
  licence: text(200),
  otherInformation: text(20_000),
  scope: text(200),
  governance: text(2_000),
  sizeBand: z.enum(SIZE_BANDS).nullable(),
  country: text(200),
  status: z.enum(CASE_STATUSES).nullable(),
  statusDate: z.iso.date().nullable(),
});
export type TCaseFields = z.infer<typeof ZCaseFields>;
export type TCaseFieldName = keyof TCaseFields;
export const CASE_FIELD_NAMES = Object.keys(ZCaseFields.shape) as TCaseFieldName[];

/** A case as the API shows it. `postedBy` (Drupal provenance) is deliberately absent. */
export type TCase = TCaseFields & { id: number; nid: number };

/** The matching key of taxonomy terms: case-insensitive, whitespace collapsed. */
export function normaliseTerm(label: string): string {
  return cleanLabel(label).toLowerCase();
}

/** A label as stored: trimmed, inner whitespace collapsed, Unicode NFC. */
export function cleanLabel(label: string): string {
  return label.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function emptyCaseFields(name: string): TCaseFields {
  return {
    name,
    description: null,
    homepage: null,
    socialAccounts: [],
    email: null,
    contactPage: null,
    organisationType: null,
    address: null,
    legalEntity: null,
    yearFounded: null,
    languages: [],
    phone: null,
    keywords: [],
    activityType: null,
    collaborationType: null,
    resourceTypes: [],
    licence: null,
    otherInformation: null,
    scope: null,
    governance: null,
    sizeBand: null,
    country: null,
    status: null,
    statusDate: null,
  };
}
