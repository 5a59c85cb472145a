import type { TCaseFields } from '../cases/case-fields';
import type { DirectoryRepos } from '../cases/directory-store';
import { createTermIndex, termsOfFields } from '../cases/term-index';

/**
 * The fields with each taxonomy value spelled as its stored term; terms that do not exist yet are
 * created (this is how staff extend a vocabulary: by approving a case that uses a new value).
 */
export async function resolveTerms(repos: DirectoryRepos, fields: TCaseFields): Promise<{ fields: TCaseFields; termIds: number[] }> {
  const wanted = termsOfFields(fields);
  const index = createTermIndex(await repos.cases.ensureTerms(wanted));
  const canonical = index.canonical(fields);
  return { fields: canonical, termIds: index.idsOf(canonical) };
}

/** Creates (caseId null) or overwrites a case with the given fields; returns its id. */
export async function saveCase(repos: DirectoryRepos, caseId: number | null, fields: TCaseFields): Promise<{ id: number; fields: TCaseFields }> {
  const resolved = await resolveTerms(repos, fields);
  if (caseId === null) {
    const [created] = await repos.cases.createMany([{ fields: resolved.fields, termIds: resolved.termIds }]);
    return { id: created!.id, fields: resolved.fields };
  }
  await repos.cases.update(caseId, { fields: resolved.fields, termIds: resolved.termIds });
  return { id: caseId, fields: resolved.fields };
}
