import type { TCaseFields } from '../cases/case-fields';
import { CSV_COLUMNS, LIST_SEPARATOR } from './csv-columns';

export interface CsvCase {
  nid: number;
  fields: TCaseFields;
  postedBy: string | null;
}

/**
 * One CSV line, every cell quoted like the Drupal export. Lines end in LF (the Drupal export used
 * CRLF): the export then re-imports under `--strict` too, which refuses CRLF.
 */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')}\n`;
}

export function csvHeader(): string {
  return csvLine(CSV_COLUMNS.map((col) => col.header));
}

/** A case in the 2016 layout; re-importing the line reproduces the case. */
export function caseToCsvLine(item: CsvCase): string {
  return csvLine(
    CSV_COLUMNS.map((col) => {
      if (col.field === 'nid') return String(item.nid);
      if (col.field === 'postedBy') return item.postedBy ?? '';
      const value = item.fields[col.field];
      if (value === null || value === undefined) return '';
      if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
      if (col.kind === 'year') return `${value}-01-01 00:00:00`;
      return String(value);
    }),
  );
}
