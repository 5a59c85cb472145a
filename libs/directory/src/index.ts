// `@p2pvalue/directory`: the CBPP directory (cases, taxonomy, import/export, search, curation)
// and the versioned data-set archive.
export {
  CASE_FIELD_NAMES,
  CASE_STATUSES,
  SIZE_BANDS,
  TERM_FIELDS,
  VOCABULARIES,
  VOCABULARY_OF_FIELD,
  ZCaseFields,
  normaliseTerm,
  type TCase,
  type TCaseFieldName,
  type TCaseFields,
  type TTermField,
  type TVocabulary,
} from './cases/case-fields';
export { diffCaseFields, type TCaseDiff } from './cases/case-diff';
export { emptyCaseFields } from './cases/case-fields';
export { insertCasesInBulk } from './cases/bulk-insert';
export { createDirectoryStore, type DirectoryStore } from './cases/directory-store';
export { createCsvImportService, DEFAULT_IMPORT_MAX_BYTES, type CsvImportService, type ImportOptions, type ImportReport } from './csv/csv-import.service';
export { CSV_COLUMNS } from './csv/csv-columns';
export { caseToCsvLine, csvHeader } from './csv/csv-write';
export type { CsvSource } from './csv/csv-read';
export { DIRECTORY_SEED_CSV, seedDirectory } from './seed/seed-directory';
export { createDirectoryServices, type DirectoryServices } from './directory-services';
export {
  ZCaseSearchInput,
  type CaseSearchResult,
  type CaseSearchService,
  type FacetValue,
  type TCaseSearchInput,
} from './search/case-search.service';
export { createCaseCurationService, type CaseCurationService, type CurationActor, type RevisionView } from './curation/case-curation.service';
export { ZAddTermInput, createVocabularyService, type TAddTermInput, type TermView, type VocabularyService } from './curation/vocabulary.service';
export {
  createDatasetService,
  DEFAULT_MAX_FILE_BYTES,
  ZVersionMetadata,
  type ArchiveViewer,
  type DatasetService,
  type TVersionMetadataInput,
} from './archive/dataset.service';
export type { Creator, FileRow, VersionRow } from './archive/dataset.repository';
export { SPDX_LICENCES } from './archive/spdx';
export type { TableSchema } from './archive/table-schema';
