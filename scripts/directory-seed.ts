// Seeds the CBPP directory with the 2016 P2Pvalue export (380 cases). Idempotent: cases that
// already exist (by nid) are kept as they are, so curators' edits survive a re-run.
// Run after the migrations: tsx scripts/directory-seed.ts
import { createPrismaClient, dbEnv } from '@p2pvalue/db';
import { seedDirectory } from '@p2pvalue/directory';

async function main(): Promise<number> {
  const prisma = createPrismaClient({ url: dbEnv().DATABASE_URL });
  try {
    const report = await seedDirectory(prisma);
    console.log(`Directory seed: ${report.summary}`);
    for (const error of report.errors.slice(0, 20)) console.log(`  row ${error.row}: ${error.column ?? ''} ${error.message}`);
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
