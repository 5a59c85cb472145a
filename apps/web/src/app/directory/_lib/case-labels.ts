import type { TCaseFieldName } from '@p2pvalue/directory/fields';

/** How each case field is named on the pages (and in diffs). */
export const FIELD_LABELS: Record<TCaseFieldName, string> = {
  name: 'Name',
  description: 'Description',
  homepage: 'Homepage',
  socialAccounts: 'Social accounts',
  email: 'E-mail',
  contactPage: 'Contact page',
  organisationType: 'Organisation type',
  address: 'Physical address',
  legalEntity: 'Legal entity',
  yearFounded: 'Year of foundation',
  languages: 'Platform languages',
  phone: 'Phone',
  keywords: 'Keywords',
  activityType: 'Type of activity',
  collaborationType: 'Most important type of collaboration',
  resourceTypes: 'Types of common resource',
  licence: 'User content licence',
  otherInformation: 'Other information',
  scope: 'Scope',
  governance: 'Governance / decision-making',
  sizeBand: 'Participation size',
  country: 'Country',
  status: 'Status',
  statusDate: 'Status since',
};

export const SIZE_BAND_LABELS: Record<string, string> = {
  individual: 'Individual',
  small: 'Small (under 50)',
  medium: 'Medium (50–500)',
  large: 'Large (500–10,000)',
  very_large: 'Very large (over 10,000)',
};

/** A field value as text, for diffs and tables. */
export function formatFieldValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  return String(value);
}
