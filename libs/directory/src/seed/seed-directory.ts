import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@p2pvalue/db';
import { createDirectoryStore } from '../cases/directory-store';
import { createCsvImportService, type ImportReport } from '../csv/csv-import.service';

/** The real 2016 P2Pvalue directory export shipped with the package (380 cases). */
// Not `new URL(relative, import.meta.url)`: Next's bundler turns that pattern into an asset
// reference, which broke every page that imports the library.
export const DIRECTORY_SEED_CSV = join(dirname(fileURLToPath(import.meta.url)), '../../seed/p2pvalue-directory-2016.csv');

/**
 * Imports the 2016 directory. Idempotent, and cases that already exist (by nid) are kept as they
 * are, so running the seed again never undoes curators' edits.
 */
export async function seedDirectory(db: PrismaClient, options: { file?: string } = {}): Promise<ImportReport> {
  const importer = createCsvImportService({ store: createDirectoryStore(db) });
  return importer.importCsv(createReadStream(options.file ?? DIRECTORY_SEED_CSV), { existing: 'keep' });
}
