import { diffCaseFields, isEmptyDiff, type TCaseDiff } from '../cases/case-diff';
import { VOCABULARY_OF_FIELD, TERM_FIELDS, type TCaseFields, type TVocabulary } from '../cases/case-fields';
import type { StoredCase, TermRow } from '../cases/case.repository';
import type { RevisionInsert } from '../cases/case-revision.repository';
import type { DirectoryRepos, DirectoryStore } from '../cases/directory-store';
import { createTermIndex, termsOfFields, type TermIndex, type WantedTerm } from '../cases/term-index';
import { CSV_CASE_FIELDS, CSV_COLUMNS } from './csv-columns';
import { matchHeader } from './csv-header';
import { CsvFileError, readCsvRecords, type CsvReadNotes, type CsvSource } from './csv-read';
import { parseCaseRow, type ParsedCaseRow } from './csv-row';

export const DEFAULT_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const MAX_LISTED = 1_000;

export interface ImportOptions {
  /** Validate and report what would change; write nothing. */
  dryRun?: boolean;
  /** Import the valid rows and report the others (default: any invalid row stops the import). */
  skipInvalid?: boolean;
  /**
   * Taxonomy values must be existing terms (default: unknown terms are created), and the file must
   * have no UTF-8 byte-order mark and no CRLF line endings (default: both accepted, with a note).
   */
  strict?: boolean;
  /** `keep` leaves cases whose nid exists untouched (the seed: never undo curators' edits). */
  existing?: 'update' | 'keep';
  maxBytes?: number;
  onProgress?: (progress: { phase: 'reading' | 'writing' | 'done'; rows: number }) => void;
}

export interface ImportRowError {
  row: number;
  line: number;
  nid: number | null;
  column: string | null;
  message: string;
}

export interface ImportReport {
  status: 'imported' | 'unchanged' | 'dry-run' | 'failed';
  /** A problem with the whole file (header, encoding, size…): nothing was imported. */
  fatal: string | null;
  summary: string;
  notes: string[];
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  kept: number;
  invalid: number;
  errors: ImportRowError[];
  termsCreated: { vocabulary: TVocabulary; label: string }[];
  changes: { nid: number; name: string; action: 'created' | 'updated'; fields: string[] }[];
  durationMs: number;
}

interface PlannedCase {
  row: ParsedCaseRow;
  fields: TCaseFields;
  existing: StoredCase | null;
  diff: TCaseDiff;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function emptyReport(): ImportReport {
  return { status: 'failed', fatal: null, summary: '', notes: [], rows: 0, created: 0, updated: 0, unchanged: 0, kept: 0, invalid: 0, errors: [], termsCreated: [], changes: [], durationMs: 0 };
}

function summarise(report: ImportReport, options: ImportOptions): string {
  if (report.fatal) return `Nothing imported: ${report.fatal}`;
  const counts = `${plural(report.rows, 'row')}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged${report.kept ? `, ${report.kept} kept as they are` : ''}${report.invalid ? `, ${report.invalid} invalid` : ''}`;
  if (report.status === 'failed') return `Nothing imported: ${plural(report.invalid, 'invalid row')} (use --skip-invalid to import the valid rows). ${counts}.`;
  if (report.status === 'dry-run') return `Dry run, nothing written. ${counts}.`;
  if (report.status === 'unchanged') return `Nothing to change: the directory already holds this file. ${counts}.`;
  return `Imported. ${counts}${options.skipInvalid && report.invalid ? ' (invalid rows skipped)' : ''}.`;
}

/** Imports cases from a CSV file in the 2016 directory layout (see `docs` of the package). */
export function createCsvImportService(deps: { store: DirectoryStore; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  async function readRows(source: CsvSource, options: ImportOptions, report: ImportReport, index: TermIndex): Promise<ParsedCaseRow[]> {
    const notes: CsvReadNotes = { bom: false, crlf: false };
    const maxYear = now().getUTCFullYear() + 1;
    const valid: ParsedCaseRow[] = [];
    const seenNids = new Map<number, number>();
    let header: string[] | null = null;
    let columnIndex: ReturnType<typeof matchHeader>['columnIndex'] | null = null;
    const fail = (error: ImportRowError) => {
      report.invalid++;
      if (report.errors.length < MAX_LISTED) report.errors.push(error);
    };

    for await (const record of readCsvRecords(source, { maxBytes: options.maxBytes ?? DEFAULT_IMPORT_MAX_BYTES, notes, strict: options.strict ?? false })) {
      if (!header || !columnIndex) {
        header = record.cells;
        const matched = matchHeader(header);
        columnIndex = matched.columnIndex;
        if (matched.ignored.length > 0) report.notes.push(`Ignored column(s) not in the 2016 layout: ${matched.ignored.join(', ')}.`);
        continue;
      }
      report.rows++;
      if (report.rows % 1000 === 0) options.onProgress?.({ phase: 'reading', rows: report.rows });
      const at = { row: record.row, line: record.line };
      if (record.cells.length !== header.length) {
        fail({ ...at, nid: null, column: null, message: `has ${record.cells.length} fields but the header has ${header.length}` });
        continue;
      }
      const parsed = parseCaseRow(record.cells, columnIndex, { maxYear });
      if (!parsed.ok) {
        for (const problem of parsed.problems) fail({ ...at, nid: parsed.nid, column: problem.field, message: problem.message });
        continue;
      }
      const { row } = parsed;
      const firstRow = seenNids.get(row.nid);
      if (firstRow !== undefined) {
        fail({ ...at, nid: row.nid, column: 'Nid', message: `nid ${row.nid} already appears in row ${firstRow}` });
        continue;
      }
      seenNids.set(row.nid, record.row);
      if (options.strict) {
        const unknown = termsOfFields(row.fields).filter((term) => !index.get(term.vocabulary, term.label));
        if (unknown.length > 0) {
          for (const term of unknown) {
            const field = TERM_FIELDS.find((name) => VOCABULARY_OF_FIELD[name] === term.vocabulary)!;
            const header = CSV_COLUMNS.find((col) => col.field === field)?.header ?? field;
            fail({ ...at, nid: row.nid, column: header, message: `unknown ${term.vocabulary} "${term.label}" (strict: only existing terms)` });
          }
          continue;
        }
      }
      valid.push(row);
    }
    if (!header) throw new CsvFileError('The file is empty (no header line).');
    if (notes.bom) report.notes.push('UTF-8 byte-order mark removed (strict mode refuses it).');
    if (notes.crlf) report.notes.push('Windows (CRLF) line endings read as plain line breaks (strict mode refuses them).');
    return valid;
  }

  /** Decides, per row, create / update / unchanged; new term spellings are registered as placeholders. */
  function plan(rows: ParsedCaseRow[], existingByNid: Map<number, StoredCase>, index: TermIndex, newTerms: Map<string, WantedTerm>): PlannedCase[] {
    return rows.map((row) => {
      for (const term of termsOfFields(row.fields)) {
        if (index.get(term.vocabulary, term.label)) continue;
        // placeholder until the term is created: later rows spell it as its first appearance
        index.add({ id: -1, ...term });
        newTerms.set(`${term.vocabulary}\u0000${term.normalised}`, term);
      }
      const existing = existingByNid.get(row.nid) ?? null;
      const fromCsv = index.canonical(row.fields);
      // The CSV carries only the 2016 columns: fields added since (governance, …) stay as they are.
      const fields: TCaseFields = existing ? { ...existing.fields, ...Object.fromEntries(CSV_CASE_FIELDS.map((field) => [field, fromCsv[field]])) } : fromCsv;
      const diff = diffCaseFields(existing?.fields ?? null, fields, existing ? CSV_CASE_FIELDS : undefined);
      return { row, fields, existing, diff };
    });
  }

  async function loadExisting(repos: DirectoryRepos, nids: number[]): Promise<Map<number, StoredCase>> {
    const found = new Map<number, StoredCase>();
    for (let start = 0; start < nids.length; start += 5_000) {
      for (const item of await repos.cases.findByNids(nids.slice(start, start + 5_000))) found.set(item.nid, item);
    }
    return found;
  }

  async function write(repos: DirectoryRepos, planned: PlannedCase[], index: TermIndex, newTerms: Map<string, WantedTerm>, options: ImportOptions) {
    const created = await repos.cases.ensureTerms([...newTerms.values()]);
    for (const term of created) index.add(term);
    const toCreate = planned.filter((item) => !item.existing);
    const toUpdate = planned.filter((item) => item.existing && !isEmptyDiff(item.diff) && options.existing !== 'keep');
    const refs = await repos.cases.createMany(toCreate.map((item) => ({ nid: item.row.nid, fields: item.fields, termIds: index.idsOf(item.fields), postedBy: item.row.postedBy })));
    const revisions: RevisionInsert[] = toCreate.map((item, i) => ({
      caseId: refs[i]!.id,
      kind: 'create',
      status: 'approved',
      authorId: null,
      diff: item.diff,
      snapshot: item.fields,
      reviewedAt: now(),
    }));
    for (const [i, item] of toUpdate.entries()) {
      await repos.cases.update(item.existing!.id, { fields: item.fields, termIds: index.idsOf(item.fields) });
      revisions.push({ caseId: item.existing!.id, kind: 'update', status: 'approved', authorId: null, diff: item.diff, snapshot: item.fields, reviewedAt: now() });
      if (i % 1000 === 999) options.onProgress?.({ phase: 'writing', rows: i + 1 });
    }
    for (let start = 0; start < revisions.length; start += 2_000) await repos.revisions.insertMany(revisions.slice(start, start + 2_000));
  }

  return {
    /**
     * Reads, validates and (unless dry-run) imports in one transaction: all or nothing, unless
     * `skipInvalid`. Cases are matched by nid, so importing the same file again changes nothing.
     */
    async importCsv(source: CsvSource, options: ImportOptions = {}): Promise<ImportReport> {
      const started = performance.now();
      const report = emptyReport();
      const finish = (status: ImportReport['status']) => {
        report.status = status;
        report.summary = summarise(report, options);
        report.durationMs = Math.round(performance.now() - started);
        options.onProgress?.({ phase: 'done', rows: report.rows });
        return report;
      };

      let rows: ParsedCaseRow[];
      const terms: TermRow[] = await deps.store.repos.cases.listTerms();
      try {
        rows = await readRows(source, options, report, createTermIndex(terms));
      } catch (error) {
        if (!(error instanceof CsvFileError)) throw error;
        report.fatal = error.message;
        return finish('failed');
      }
      if (report.invalid > 0 && !options.skipInvalid) return finish('failed');

      const run = async (repos: DirectoryRepos) => {
        const index = createTermIndex(await repos.cases.listTerms());
        const newTerms = new Map<string, WantedTerm>();
        const planned = plan(rows, await loadExisting(repos, rows.map((row) => row.nid)), index, newTerms);
        for (const item of planned) {
          if (!item.existing) report.created++;
          else if (isEmptyDiff(item.diff)) report.unchanged++;
          else if (options.existing === 'keep') report.kept++;
          else report.updated++;
          const action = !item.existing ? 'created' : !isEmptyDiff(item.diff) && options.existing !== 'keep' ? 'updated' : null;
          if (action && report.changes.length < MAX_LISTED) report.changes.push({ nid: item.row.nid, name: item.fields.name, action, fields: Object.keys(item.diff) });
        }
        const changing = report.created + report.updated > 0;
        // Terms are created only for cases that are written (a kept or unchanged row adds none).
        if (changing) report.termsCreated = [...newTerms.values()].map(({ vocabulary, label }) => ({ vocabulary, label }));
        if (!options.dryRun && changing) await write(repos, planned, index, newTerms, options);
      };

      if (options.dryRun) await run(deps.store.repos);
      else await deps.store.transaction(run, { timeoutMs: 10 * 60_000 });
      if (options.dryRun) return finish('dry-run');
      return finish(report.created + report.updated === 0 ? 'unchanged' : 'imported');
    },
  };
}

export type CsvImportService = ReturnType<typeof createCsvImportService>;
