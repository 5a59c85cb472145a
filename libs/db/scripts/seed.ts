// Idempotent seed: demo users (one per role, password p2pvalue-demo). Refuses in production unless
// SEED_DEMO_USERS=true. Run after migrations: tsx libs/db/scripts/seed.ts
import { createPrismaClient } from '../src/client';
import { dbEnv, seedEnv } from '../src/env';
import { databaseName, serverAddress } from '../src/migrate/database-url';
import { DEMO_PASSWORD, maySeedDemoUsers, seedDemoUsers } from '../src/seed/demo-users';
import { seedDemoCommunity } from '../src/seed/demo-community';

async function main(): Promise<number> {
  if (!maySeedDemoUsers(seedEnv())) {
    console.error('Refusing to seed demo users with NODE_ENV=production (set SEED_DEMO_USERS=true to do it anyway).');
    return 1;
  }
  const url = dbEnv().DATABASE_URL;
  const prisma = createPrismaClient({ url });
  try {
    const report = await seedDemoUsers(prisma);
    const where = `${databaseName(url)} on ${serverAddress(url)}`;
    console.log(
      `Demo users in ${where} (password "${DEMO_PASSWORD}"): created ${report.created.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length}.`,
    );
    for (const email of [...report.created, ...report.updated, ...report.unchanged]) console.log(`  ${email}`);
    const community = await seedDemoCommunity(prisma);
    console.log(
      `Demo community "P2Pvalue demo": ${community.created ? 'created' : 'present'}; ${community.documents} document(s) and ${community.versions} version(s) added.`,
    );
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(/(relation|type) "[^"]+" does not exist/.test(message) ? `${message}\nRun the migrations first (db:migrate).` : message);
    process.exit(1);
  },
);
