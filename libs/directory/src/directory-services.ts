import type { PrismaClient } from '@p2pvalue/db';
import { createCaseRepository } from './cases/case.repository';
import { createDirectoryStore } from './cases/directory-store';
import { createCsvImportService } from './csv/csv-import.service';
import { createCaseCurationService } from './curation/case-curation.service';
import { createVocabularyService } from './curation/vocabulary.service';
import { createVocabularyRepository } from './cases/vocabulary.repository';
import { createDatasetService } from './archive/dataset.service';
import { createCaseSearchRepository } from './search/case-search.repository';
import { createCaseSearchService } from './search/case-search.service';

/** Wires the directory's services to one Prisma client (cheap: call it per request). */
export function createDirectoryServices(db: PrismaClient) {
  const store = createDirectoryStore(db);
  return {
    search: createCaseSearchService({ search: createCaseSearchRepository(db), cases: createCaseRepository(db) }),
    importer: createCsvImportService({ store }),
    curation: createCaseCurationService({ store }),
    vocabulary: createVocabularyService({ vocabularies: createVocabularyRepository(db), revisions: store.repos.revisions }),
    archive: createDatasetService({ db }),
  };
}

export type DirectoryServices = ReturnType<typeof createDirectoryServices>;
