import { parse } from 'csv-parse/sync';

/** A Frictionless Table Schema (the subset we infer). */
export interface TableSchema {
  fields: { name: string; type: 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'string' }[];
  missingValues: string[];
}

export interface TablePreview {
  schema: TableSchema;
  /** the first rows, as text */
  rows: string[][];
  /** rows read for the inference (at most SAMPLE_ROWS) */
  sampledRows: number;
}

const SAMPLE_ROWS = 1_000;
const PREVIEW_ROWS = 10;
const MISSING = ['', 'NA', 'N/A', 'null'];

const TESTS: [TableSchema['fields'][number]['type'], RegExp][] = [
  ['integer', /^[-+]?\d+$/],
  ['number', /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/],
  ['boolean', /^(true|false)$/i],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['datetime', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/],
];

/** The narrowest type every non-missing value fits (integer ⊂ number); otherwise string. */
function inferType(values: string[]): TableSchema['fields'][number]['type'] {
  const present = values.filter((value) => !MISSING.includes(value.trim()));
  if (present.length === 0) return 'string';
  for (const [type, test] of TESTS) if (present.every((value) => test.test(value.trim()))) return type;
  return 'string';
}

/**
 * Infers a Table Schema from a CSV file's header and first rows, with a preview. Returns null for
 * content that is not a readable comma-separated table.
 */
export function inferTableSchema(content: Uint8Array): TablePreview | null {
  let records: string[][];
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content.subarray(0, 5 * 1024 * 1024));
    // a cut-off last line is dropped rather than failing the whole inference
    const complete = content.byteLength > 5 * 1024 * 1024 ? text.slice(0, text.lastIndexOf('\n') + 1) : text;
    records = parse(complete, { relax_column_count: true, skip_empty_lines: true, to: SAMPLE_ROWS + 1, bom: true }) as string[][];
  } catch {
    return null;
  }
  const [header, ...rows] = records;
  if (!header || header.length === 0) return null;
  const fields = header.map((name, index) => ({ name: name.trim() || `field${index + 1}`, type: inferType(rows.map((row) => row[index] ?? '')) }));
  return { schema: { fields, missingValues: MISSING }, rows: rows.slice(0, PREVIEW_ROWS), sampledRows: rows.length };
}
