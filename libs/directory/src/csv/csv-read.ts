import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';

/** A file problem that stops the whole import (nothing is imported). */
export class CsvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFileError';
  }
}

export type CsvSource = string | Uint8Array | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>;

export interface CsvRecord {
  cells: string[];
  /** 1-based record number counting the header as 1 (what a spreadsheet shows as the row). */
  row: number;
  /** the physical line the record starts on (records may span lines) */
  line: number;
}

export interface CsvReadNotes {
  bom: boolean;
  crlf: boolean;
}

const SNIFF_BYTES = 64 * 1024;

async function* rawChunksOf(source: CsvSource): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') yield new TextEncoder().encode(source);
  else if (source instanceof Uint8Array) yield source;
  else for await (const chunk of source as AsyncIterable<Uint8Array | string>) yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
}

// enough for the byte-order marks (UTF-8: 3 bytes, UTF-16: 2)
const HEAD_BYTES = 4;

/**
 * The chunks of the source, without empty ones, the first one holding at least HEAD_BYTES (or the
 * whole file): the byte-order-mark checks must not depend on where a stream happens to cut the
 * file (a first chunk of 1 byte, or an empty one, hid the BOM from strict mode).
 */
async function* chunksOf(source: CsvSource): AsyncGenerator<Uint8Array> {
  let head: Uint8Array[] | null = [];
  let headBytes = 0;
  for await (const chunk of rawChunksOf(source)) {
    if (chunk.byteLength === 0) continue;
    if (!head) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    headBytes += chunk.byteLength;
    if (headBytes >= HEAD_BYTES) {
      yield head.length === 1 ? head[0]! : Buffer.concat(head);
      head = null;
    }
  }
  if (head && headBytes > 0) yield head.length === 1 ? head[0]! : Buffer.concat(head);
}

// Control characters other than tab/CR/LF/FF are never in a text CSV; a few in the first 64 KiB
// (or any NUL) means a binary file, and we say so instead of a confusing per-row error.
function looksBinary(bytes: Uint8Array): boolean {
  let control = 0;
  for (const byte of bytes.subarray(0, SNIFF_BYTES)) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) control++;
  }
  return control > 8;
}

// Excel in many European locales writes ";"-separated files; csv-parse would only report a
// confusing quote error, so the first line is checked up front.
function refuseSemicolons(text: string): void {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const semicolons = firstLine.split(';').length - 1;
  if (semicolons >= 2 && semicolons > firstLine.split(',').length - 1) {
    throw new CsvFileError('The file is separated by semicolons (;). Export it as comma-separated CSV (UTF-8) and try again.');
  }
}

export const UTF16_MESSAGE = 'The file is UTF-16 text (it starts with a UTF-16 byte-order mark). Save it as CSV UTF-8 and try again.';
export const STRICT_BOM_MESSAGE = 'The file starts with a UTF-8 byte-order mark, which strict mode refuses. Save it as CSV UTF-8 without a byte-order mark, or import without --strict (the mark is then removed).';
export const STRICT_CRLF_MESSAGE = 'The file has Windows (CRLF) line endings, which strict mode refuses. Convert it to LF (Unix) line endings, or import without --strict (CRLF is then read as plain line breaks).';

/**
 * CRLF → LF, noting that the file had CRLF (strict: an error). The parser then sees one kind of
 * line break, so the line numbers in error reports are right even inside multi-line quoted values
 * (csv-parse counted a CRLF in a quoted value as two lines), and values never carry a stray CR.
 */
function lineFeeds(text: string, notes: CsvReadNotes, strict: boolean): string {
  if (!text.includes('\r\n')) return text;
  if (!notes.crlf) {
    notes.crlf = true;
    if (strict) throw new CsvFileError(STRICT_CRLF_MESSAGE);
  }
  return text.replace(/\r\n/g, '\n');
}

/**
 * Bytes → UTF-8 text with a size limit and binary/encoding checks; notes the BOM and line endings
 * (with `strict`, either one is an error). A UTF-16 byte-order mark is always an error.
 */
async function* decode(source: CsvSource, maxBytes: number, notes: CsvReadNotes, strict: boolean): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let total = 0;
  let first = true;
  // a CR held back at the end of a chunk, in case the next chunk starts with its LF
  let pendingCr = '';
  let firstLine: string | null = '';
  for await (const chunk of chunksOf(source)) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new CsvFileError(`The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`);
    if (first) {
      first = false;
      // UTF-16 (what "Unicode text" exports write) would otherwise look like binary data.
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) throw new CsvFileError(UTF16_MESSAGE);
      if (looksBinary(chunk)) throw new CsvFileError('This is not a CSV text file (it contains binary data). Export the directory as CSV (UTF-8).');
      notes.bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      if (notes.bom && strict) throw new CsvFileError(STRICT_BOM_MESSAGE);
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new CsvFileError(`The file is not valid UTF-8 text (near byte ${total - chunk.byteLength}). Save it as CSV UTF-8.`);
    }
    text = lineFeeds(pendingCr + text, notes, strict);
    pendingCr = '';
    // (a CR at the end of one chunk and an LF at the start of the next is a CRLF too)
    if (text.endsWith('\r')) {
      pendingCr = '\r';
      text = text.slice(0, -1);
    }
    if (firstLine === null) yield text;
    else {
      // the text is held back until the first line is whole (or long), so the semicolon check
      // sees all of it however the stream is cut, and runs before the parser reports a quote error
      firstLine += text;
      if (/[\r\n]/.test(firstLine) || firstLine.length >= SNIFF_BYTES) {
        refuseSemicolons(firstLine);
        yield firstLine;
        firstLine = null;
      }
    }
  }
  if (total === 0) throw new CsvFileError('The file is empty.');
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new CsvFileError('The file is not valid UTF-8 text (it ends inside a character). Save it as CSV UTF-8.');
  }
  rest = lineFeeds(pendingCr + rest, notes, strict);
  if (firstLine !== null) {
    refuseSemicolons(firstLine + rest);
    rest = firstLine + rest;
  }
  if (rest) yield rest;
}

/**
 * Streams the records of a comma-separated file. A UTF-8 byte-order mark is dropped (TextDecoder
 * does it) and CRLF or LF line endings are both accepted (CRLF is read as LF), unless `strict`
 * (then each is a CsvFileError); syntax errors become CsvFileError.
 */
export async function* readCsvRecords(source: CsvSource, options: { maxBytes: number; notes: CsvReadNotes; strict?: boolean }): AsyncGenerator<CsvRecord> {
  const records = parse({ relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 1_000_000 });
  // pipe() does not forward source errors (size, encoding), so they end the parser explicitly.
  Readable.from(decode(source, options.maxBytes, options.notes, options.strict ?? false))
    .on('error', (error) => records.destroy(error))
    .pipe(records);
  let lastLine = 0;
  let row = 0;
  try {
    for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      row++;
      const line = lastLine + 1;
      lastLine = info.lines;
      yield { cells: record, row, line };
    }
  } catch (error) {
    if (error instanceof CsvFileError) throw error;
    const csvError = error as CsvError & { lines?: number };
    throw new CsvFileError(`The file is not valid CSV near line ${csvError.lines ?? lastLine + 1}: ${csvError.message}`);
  }
}
