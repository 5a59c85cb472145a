// Imports cases into the CBPP directory from a CSV file in the 2016 P2Pvalue export layout.
//   npm run directory:import -- <file.csv> [--dry-run] [--skip-invalid] [--strict] [--report out.json] [--max-mb N]
// All or nothing (unless --skip-invalid); cases are matched by nid, so a re-import changes nothing.
// --strict: taxonomy values must be existing terms, and a UTF-8 byte-order mark or CRLF line endings
// are refused (by default both are accepted and noted in the report).
// DATABASE_URL selects the database (default: the development database).
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { createPrismaClient, dbEnv } from '@p2pvalue/db';
import { createCsvImportService, createDirectoryStore, DEFAULT_IMPORT_MAX_BYTES, type ImportReport } from '@p2pvalue/directory';

const USAGE = 'usage: directory-import.ts <file.csv> [--dry-run] [--skip-invalid] [--strict] [--report out.json] [--max-mb N]';

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

function printReport(report: ImportReport): void {
  console.log(report.summary);
  for (const note of report.notes) console.log(`  note: ${note}`);
  if (report.termsCreated.length > 0) {
    const perVocabulary = new Map<string, number>();
    for (const term of report.termsCreated) perVocabulary.set(term.vocabulary, (perVocabulary.get(term.vocabulary) ?? 0) + 1);
    console.log(`  new terms: ${[...perVocabulary].map(([vocabulary, n]) => `${n} ${vocabulary}`).join(', ')}`);
    if (report.termsCreated.length <= 20) for (const term of report.termsCreated) console.log(`    ${term.vocabulary} "${term.label}"`);
  }
  for (const error of report.errors.slice(0, 50)) {
    console.log(`  row ${error.row} (line ${error.line}${error.nid !== null ? `, nid ${error.nid}` : ''})${error.column ? ` ${error.column}` : ''}: ${error.message}`);
  }
  if (report.invalid > 50) console.log(`  … ${report.invalid - 50} more (see --report)`);
  console.log(`  took ${report.durationMs} ms`);
}

async function main(argv: string[]): Promise<number> {
  const report = option(argv, '--report');
  const maxMb = option(argv, '--max-mb');
  const valued = new Set([report, maxMb].filter(Boolean));
  const [file, ...extra] = argv.filter((arg) => !arg.startsWith('--') && !valued.has(arg));
  if (!file || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  const prisma = createPrismaClient({ url: dbEnv().DATABASE_URL });
  try {
    const importer = createCsvImportService({ store: createDirectoryStore(prisma) });
    const result = await importer.importCsv(createReadStream(file), {
      dryRun: argv.includes('--dry-run'),
      skipInvalid: argv.includes('--skip-invalid'),
      strict: argv.includes('--strict'),
      maxBytes: maxMb ? Number(maxMb) * 1024 * 1024 : DEFAULT_IMPORT_MAX_BYTES,
    });
    printReport(result);
    if (report) writeFileSync(report, `${JSON.stringify(result, null, 2)}\n`);
    return result.status === 'failed' ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
