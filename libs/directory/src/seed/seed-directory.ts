import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@p2pvalue/db';
import { createDirectoryStore } from '../cases/directory-store';
import { createCsvImportService, type ImportReport } from '../csv/csv-import.service';

/** The real 2016 P2Pvalue directory export shipped with the package (380 cases). */
export const DIRECTORY_SEED_CSV = fileURLToPath(new URL('../../seed/p2pvalue-directory-2016.csv', import.meta.url));

/**
 * Imports the 2016 directory. Idempotent, and cases that already exist (by nid) are kept as they
 * are, so running the seed again never undoes curators' edits.
 */
export async function seedDirectory(db: PrismaClient, options: { file?: string } = {}): Promise<ImportReport> {
  const importer = createCsvImportService({ store: createDirectoryStore(db) });
  return importer.importCsv(createReadStream(options.file ?? DIRECTORY_SEED_CSV), { existing: 'keep' });
}
