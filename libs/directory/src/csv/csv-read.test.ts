import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIRECTORY_SEED_CSV } from '../seed/seed-directory';
import { readCsvRecords, STRICT_BOM_MESSAGE, STRICT_CRLF_MESSAGE, type CsvReadNotes, type CsvSource } from './csv-read';

// Chunk boundaries of an upload or file stream fall anywhere; what is read must not depend on them.

type Outcome = { rows: { cells: string[]; row: number; line: number }[]; notes: CsvReadNotes } | { error: string };

async function read(source: CsvSource, strict = false): Promise<Outcome> {
  const notes: CsvReadNotes = { bom: false, crlf: false };
  const rows: { cells: string[]; row: number; line: number }[] = [];
  try {
    for await (const record of readCsvRecords(source, { maxBytes: 10 * 1024 * 1024, notes, strict })) rows.push(record);
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { rows, notes };
}

/** The bytes as an async stream of the given pieces (like a request body). */
async function* stream(...pieces: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) yield piece;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CRLF_FILE = Buffer.from('"Name","Nid"\r\n"Guifi.net","7"\r\n"Wiki, ""pedia""","8"\r\n"two\r\nlines",9\r\nCSA Tabacalera de Lavapiés,10\r\n');
const LF_FILE = Buffer.from(CRLF_FILE.toString('utf8').replace(/\r\n/g, '\n'));
// CRLF is read as LF, inside quoted values too
const EXPECTED_CELLS = [['Name', 'Nid'], ['Guifi.net', '7'], ['Wiki, "pedia"', '8'], ['two\nlines', '9'], ['CSA Tabacalera de Lavapiés', '10']];

describe('readCsvRecords across chunk boundaries', () => {
  it('reads the small files whole as expected (the reference for the splits below)', async () => {
    const crlf = await read(CRLF_FILE);
    expect(crlf).toMatchObject({ notes: { bom: false, crlf: true } });
    expect('rows' in crlf && crlf.rows.map((r) => r.cells)).toEqual(EXPECTED_CELLS);
    // a record after a multi-line quoted value starts on the right line with CRLF as with LF
    expect('rows' in crlf && crlf.rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
    const lf = await read(LF_FILE);
    expect(lf).toMatchObject({ notes: { bom: false, crlf: false } });
    expect('rows' in lf && lf.rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
    expect('rows' in lf && lf.rows.map((r) => r.cells)).toEqual(EXPECTED_CELLS);
  });

  const files: [string, Buffer][] = [
    ['CRLF', CRLF_FILE],
    ['LF', LF_FILE],
    ['BOM + CRLF', Buffer.concat([BOM, CRLF_FILE])],
    ['BOM + LF', Buffer.concat([BOM, LF_FILE])],
  ];
  for (const [name, bytes] of files) {
    it(`${name}: splitting at every byte gives the rows, lines and notes of the whole file (strict and not)`, async () => {
      for (const strict of [false, true]) {
        const whole = await read(bytes, strict);
        for (let at = 0; at <= bytes.length; at++) {
          expect(await read(stream(bytes.subarray(0, at), bytes.subarray(at)), strict), `split at byte ${at}, strict ${strict}`).toEqual(whole);
        }
        // and every boundary at once: one byte per chunk
        const bytewise = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
        expect(await read(stream(...bytewise), strict), `one byte per chunk, strict ${strict}`).toEqual(whole);
      }
    });
  }

  it('strict refuses a BOM and CRLF however the stream is cut', async () => {
    expect(await read(stream(BOM.subarray(0, 1), BOM.subarray(1), LF_FILE), true)).toEqual({ error: STRICT_BOM_MESSAGE });
    expect(await read(stream(new Uint8Array(0), Buffer.concat([BOM, LF_FILE])), true)).toEqual({ error: STRICT_BOM_MESSAGE });
    const cr = CRLF_FILE.indexOf('\r');
    expect(await read(stream(CRLF_FILE.subarray(0, cr + 1), CRLF_FILE.subarray(cr + 1)), true)).toEqual({ error: STRICT_CRLF_MESSAGE });
  });

  it('a syntax error after multi-line CRLF values is reported on its physical line', async () => {
    const bytes = Buffer.from('"Name","Nid"\r\n"one\r\ntwo\r\nthree","7"\r\n"broken"x,"8"\r\n');
    const outcome = await read(bytes);
    expect('error' in outcome && outcome.error).toMatch(/^The file is not valid CSV near line 5:/);
  });

  it('a semicolon-separated file gets the semicolon message wherever its first line is cut', async () => {
    const bytes = Buffer.from('"Name";"Nid";"Homepage"\r\n"Guifi.net";"7";"https://guifi.net"\r\n');
    for (let at = 0; at <= bytes.length; at++) {
      const outcome = await read(stream(bytes.subarray(0, at), bytes.subarray(at)));
      expect('error' in outcome && outcome.error, `split at byte ${at}`).toMatch(/^The file is separated by semicolons/);
    }
  });

  it('the 2016 export streamed from disk with the first chunk ending on its first \\r reads like the whole file', async () => {
    const bytes = readFileSync(DIRECTORY_SEED_CSV);
    const firstCr = bytes.indexOf('\r');
    expect(bytes[firstCr + 1]).toBe(0x0a);
    const whole = await read(bytes);
    expect(whole).toMatchObject({ notes: { bom: false, crlf: true } });
    expect('rows' in whole && whole.rows.length).toBe(381);
    // highWaterMark makes every chunk of the file stream end right after that \r
    const split = await read(createReadStream(DIRECTORY_SEED_CSV, { highWaterMark: firstCr + 1 }));
    expect(split).toEqual(whole);
    // and at each of the first 50 \r of the file
    for (let at = firstCr, n = 0; at >= 0 && n < 50; at = bytes.indexOf('\r', at + 1), n++) {
      expect(await read(stream(bytes.subarray(0, at + 1), bytes.subarray(at + 1))), `split after byte ${at}`).toEqual(whole);
    }
  }, 60_000);
});
