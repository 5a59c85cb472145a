import type { TCaseFieldName } from '../cases/case-fields';

type ColumnKind = 'text' | 'list' | 'year' | 'nid' | 'provenance';

export interface CsvColumn {
  header: string;
  kind: ColumnKind;
  field: TCaseFieldName | 'nid' | 'postedBy';
  required: boolean;
}

const column = (header: string, field: CsvColumn['field'], kind: ColumnKind = 'text', required = true): CsvColumn => ({ header, field, kind, required });

/** The column layout of the 2016 Drupal export, in order: the import format and the CSV download. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  column('Name', 'name'),
  column('Description', 'description'),
  column('Homepage', 'homepage'),
  column('Social networks accounts', 'socialAccounts', 'list'),
  column('E-mail', 'email'),
  column('Contact page', 'contactPage'),
  column('Organisation Type', 'organisationType'),
  column('Physical address', 'address'),
  column('Legal entity', 'legalEntity'),
  column('Year of foundation', 'yearFounded', 'year'),
  column('Language(s) of the platform', 'languages', 'list'),
  column('Phone', 'phone'),
  column('Keywords', 'keywords', 'list'),
  column('Type of activity', 'activityType'),
  column('The most important type of collaboration', 'collaborationType'),
  column('Type of common resource resulting', 'resourceTypes', 'list'),
  column('User generated content license', 'licence'),
  column('Other information', 'otherInformation'),
  column('Scope', 'scope'),
  // Provenance: a Drupal user name, kept for the CSV round trip and never shown as a person.
  column('Posted by', 'postedBy', 'provenance', false),
  column('Nid', 'nid', 'nid'),
];

/** The case fields the CSV carries; an import leaves every other field (governance, …) as it is. */
export const CSV_CASE_FIELDS = CSV_COLUMNS.flatMap((col) => (col.field === 'nid' || col.field === 'postedBy' ? [] : [col.field]));

/** Multi-valued cells are joined with ", " (as Drupal exported them). */
export const LIST_SEPARATOR = ', ';

export const headerKey = (header: string) => header.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
