import { createPrismaClient } from '@p2pvalue/db';
import { createDirectoryServices } from '@p2pvalue/directory';
import { createCaseRepository } from '../libs/directory/src/cases/case.repository';
import { createCaseSearchRepository as oldRepo } from '../libs/directory/src/search/.scratch/old-repo';
import { createCaseSearchService as oldService } from '../libs/directory/src/search/.scratch/old-service';
import { queries } from './.scratch-queries';



const p95 = (t: number[]) => [...t].sort((a, b) => a - b)[Math.ceil(0.95 * t.length) - 1]!;
const p50 = (t: number[]) => [...t].sort((a, b) => a - b)[Math.ceil(0.5 * t.length) - 1]!;
import { createTestDatabase } from '@p2pvalue/db/testing';
import { caseToCsvLine, csvHeader } from '@p2pvalue/directory';
import { synthetic } from './.scratch-queries';
async function compare(prisma: ReturnType<typeof createPrismaClient>, label: string) {
  const fresh = createDirectoryServices(prisma).search;
  const old = oldService({ search: oldRepo(prisma), cases: createCaseRepository(prisma) });
  const qs = queries();
  for (const q of qs.slice(0, 20)) { await old.searchCases(q); await fresh.searchCases(q); }
  const to: number[] = [], tn: number[] = [];
  let mismatch = 0;
  for (const q of qs) {
    let s = performance.now(); const a = await old.searchCases(q); to.push(performance.now() - s);
    s = performance.now(); const b = await fresh.searchCases(q); tn.push(performance.now() - s);
    if (b.total > a.total) mismatch++;
  }
  console.log(label, JSON.stringify({ old: { p50: p50(to), p95: p95(to) }, new: { p50: p50(tn), p95: p95(tn) }, newTotalAboveOld: mismatch }));
}
async function main() {
  const cases = Array.from({ length: 1000 }, (_, i) => synthetic(i));
  const small = await createTestDatabase();
  try {
    await createDirectoryServices(small.prisma).importer.importCsv(csvHeader() + cases.map((c) => caseToCsvLine(c)).join(''));
    await small.prisma.$executeRawUnsafe('ANALYZE');
    await compare(small.prisma, '1k');
  } finally { await small.drop(); }
  const large = createPrismaClient({ url: 'postgresql://postgres@127.0.0.1:5432/dirbench_scratch' });
  await compare(large, '100k');
  await large.$disconnect();
}
main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
