// Seeds the CBPP directory with the 2016 P2Pvalue export (380 cases). Idempotent: cases that
// already exist (by nid) are kept as they are, so curators' edits survive a re-run.
// Run after the migrations: tsx scripts/directory-seed.ts
import { createPrismaClient, dbEnv } from '@p2pvalue/db';
import { seedDirectory } from '@p2pvalue/directory';
// The second half of `npm run db:seed` also gives the demo community (made by the first half, when
// demo data is allowed) its funding round and its synthetic health history; both skip without it.
import { describeFundingDemo, seedFundingDemo } from './funding-demo-seed';
import { describeHealthDemo, seedHealthDemo } from './health-demo-seed';

async function main(): Promise<number> {
  const prisma = createPrismaClient({ url: dbEnv().DATABASE_URL });
  try {
    const report = await seedDirectory(prisma);
    console.log(`Directory seed: ${report.summary}`);
    for (const error of report.errors.slice(0, 20)) console.log(`  row ${error.row}: ${error.column ?? ''} ${error.message}`);
    console.log(describeFundingDemo(await seedFundingDemo(prisma)));
    console.log(describeHealthDemo(await seedHealthDemo(prisma)));
    return report.status === 'failed' ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
