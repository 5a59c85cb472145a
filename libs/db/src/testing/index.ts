// `@p2pvalue/db/testing`: throw-away databases for integration tests.
export {
  cleanupStaleTestDatabases,
  createTestDatabase,
  ensureTemplateDatabase,
  testDatabaseGlobalSetup,
  testDatabaseName,
  TEST_DATABASE_PREFIX,
  type TestDatabase,
  type TestDatabaseOptions,
} from './test-database';
