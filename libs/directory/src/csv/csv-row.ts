import { ZCaseFields, emptyCaseFields, type TCaseFields } from '../cases/case-fields';
import { CSV_COLUMNS, type CsvColumn } from './csv-columns';

export interface RowProblem {
  field: string | null;
  message: string;
}

export interface ParsedCaseRow {
  nid: number;
  fields: TCaseFields;
  postedBy: string | null;
}

const YEAR = /^(\d{4})(?:-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?)?$/;

/** Free text as stored: CRLF inside quoted cells becomes LF, outer whitespace goes, blank is null. */
export function cleanText(value: string): string | null {
  const text = value.replace(/\r\n?/g, '\n').trim();
  return text === '' ? null : text;
}

/** A multi-valued cell ("a, b, c") as a list; blanks and exact repeats dropped. */
export function splitList(value: string): string[] {
  const items = value
    .replace(/\r\n?/g, '\n')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [...new Set(items)];
}

/** "2013-01-01 00:00:00", "2013-01-01" or "2013" → 2013; anything else is an error message. */
export function parseYear(value: string, maxYear: number): number | string | null {
  const text = value.trim();
  if (text === '') return null;
  const match = YEAR.exec(text);
  if (!match) return `"${text}" is not a year (expected YYYY or YYYY-MM-DD hh:mm:ss)`;
  const year = Number(match[1]);
  if (match[2] !== undefined && (Number(match[2]) < 1 || Number(match[2]) > 12 || Number(match[3]) < 1 || Number(match[3]) > 31)) {
    return `"${text}" is not a valid date`;
  }
  if (year < 1000 || year > maxYear) return `year ${year} is out of range (1000–${maxYear})`;
  return year;
}

/**
 * One data record of the 2016 layout → case fields, or the reasons it cannot be imported.
 * `columnIndex` maps each column to its position in this file's header.
 */
export function parseCaseRow(
  cells: string[],
  columnIndex: Map<CsvColumn, number>,
  options: { maxYear: number },
): { ok: true; row: ParsedCaseRow } | { ok: false; problems: RowProblem[]; nid: number | null } {
  const problems: RowProblem[] = [];
  const fields = emptyCaseFields('') as Record<string, unknown>;
  let nid: number | null = null;
  let postedBy: string | null = null;
  for (const col of CSV_COLUMNS) {
    const index = columnIndex.get(col);
    const raw = index === undefined ? '' : (cells[index] ?? '');
    switch (col.kind) {
      case 'nid': {
        const text = raw.trim();
        if (!/^\d{1,9}$/.test(text) || Number(text) < 1) problems.push({ field: col.header, message: text === '' ? 'Nid is empty' : `"${text}" is not a node id (a positive whole number)` });
        else nid = Number(text);
        break;
      }
      case 'year': {
        const year = parseYear(raw, options.maxYear);
        if (typeof year === 'string') problems.push({ field: col.header, message: year });
        else fields[col.field] = year;
        break;
      }
      case 'list':
        fields[col.field] = splitList(raw);
        break;
      case 'provenance':
        postedBy = cleanText(raw);
        break;
      default:
        fields[col.field] = cleanText(raw);
    }
  }
  if (fields.name === null) problems.push({ field: 'Name', message: 'Name is empty' });
  else {
    const checked = ZCaseFields.safeParse(fields);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const header = CSV_COLUMNS.find((col) => col.field === issue.path[0])?.header ?? String(issue.path[0] ?? '');
        problems.push({ field: header, message: issue.message });
      }
    }
  }
  if (problems.length > 0 || nid === null) return { ok: false, problems, nid };
  return { ok: true, row: { nid, fields: fields as TCaseFields, postedBy } };
}
