import { CSV_COLUMNS, headerKey, type CsvColumn } from './csv-columns';
import { CsvFileError } from './csv-read';

/**
 * Maps the file's header to the 2016 columns. Every problem with the header is one clear error,
 * raised before any row is looked at.
 */
export function matchHeader(header: string[]): { columnIndex: Map<CsvColumn, number>; ignored: string[] } {
  if (header.length <= 2 && header.some((cell) => cell.split(';').length > 3)) {
    throw new CsvFileError('The file is separated by semicolons (;). Export it as comma-separated CSV (UTF-8) and try again.');
  }
  const byKey = new Map<string, number>();
  const duplicates: string[] = [];
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key === '') return;
    if (byKey.has(key)) duplicates.push(cell.trim());
    else byKey.set(key, index);
  });
  if (duplicates.length > 0) throw new CsvFileError(`The header repeats column(s) ${duplicates.map((name) => `"${name}"`).join(', ')}.`);

  const columnIndex = new Map<CsvColumn, number>();
  const missing: string[] = [];
  for (const col of CSV_COLUMNS) {
    const index = byKey.get(headerKey(col.header));
    if (index !== undefined) columnIndex.set(col, index);
    else if (col.required) missing.push(col.header);
  }
  if (missing.length > 0) {
    throw new CsvFileError(
      `The header lacks the required column(s) ${missing.map((name) => `"${name}"`).join(', ')}. ` +
        'The first line must name the columns of the 2016 directory export (download /api/v1/cases.csv for an example).',
    );
  }
  const known = new Set(CSV_COLUMNS.map((col) => headerKey(col.header)));
  const ignored = header.filter((cell) => cell.trim() !== '' && !known.has(headerKey(cell))).map((cell) => cell.trim());
  return { columnIndex, ignored };
}
