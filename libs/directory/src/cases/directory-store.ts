import type { PrismaClient } from '@p2pvalue/db';
import { createCaseRepository, type CaseRepository } from './case.repository';
import { createCaseRevisionRepository, type CaseRevisionRepository } from './case-revision.repository';

export interface DirectoryRepos {
  cases: CaseRepository;
  revisions: CaseRevisionRepository;
}

/**
 * The directory's repositories, outside or inside one transaction. Services depend on this, not on
 * Prisma: `store.transaction(async (repos) => …)` is all-or-nothing.
 */
export function createDirectoryStore(db: PrismaClient) {
  const reposOf = (client: Parameters<typeof createCaseRepository>[0]): DirectoryRepos => ({
    cases: createCaseRepository(client),
    revisions: createCaseRevisionRepository(client),
  });
  return {
    repos: reposOf(db),
    transaction<T>(work: (repos: DirectoryRepos) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
      return db.$transaction((tx) => work(reposOf(tx)), { timeout: options.timeoutMs ?? 30_000, maxWait: 10_000 });
    },
  };
}

export type DirectoryStore = ReturnType<typeof createDirectoryStore>;
