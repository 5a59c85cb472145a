// Offline migrations on Prisma's WASM schema engine (no native engine download needed).
//   tsx libs/db/scripts/migrate.ts deploy                 apply pending migrations (creates the database)
//   tsx libs/db/scripts/migrate.ts create <name> [--create-only] [--accept-data-loss]
//   tsx libs/db/scripts/migrate.ts diff                   SQL from an empty database to the schema
//   tsx libs/db/scripts/migrate.ts status                 applied / pending migrations
// Add --verbose for the engine's log. DATABASE_URL selects the database (see src/env.ts).
import { createMigration, deploy, diffFromEmpty, status, type MigrateOptions } from '../src/migrate/commands';
import { databaseName, serverAddress } from '../src/migrate/database-url';
import { dbEnv } from '../src/env';

const USAGE = 'usage: migrate.ts deploy | create <name> [--create-only] [--accept-data-loss] | diff | status  [--verbose]';

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')));
  const [command, ...rest] = argv.filter((arg) => !arg.startsWith('--'));
  const url = dbEnv().DATABASE_URL;
  const options: MigrateOptions = { url, ...(flags.has('--verbose') ? { log: (line: string) => console.error(line) } : {}) };
  const where = `${databaseName(url)} on ${serverAddress(url)}`;
  const started = performance.now();
  const took = () => `${Math.round(performance.now() - started)} ms`;

  switch (command) {
    case 'deploy': {
      const result = await deploy(options);
      if (result.createdDatabase) console.log(`Created database ${where}.`);
      if (result.applied.length === 0) console.log(`No pending migrations: ${where} is up to date (${took()}).`);
      else console.log(`Applied ${result.applied.length} migration(s) to ${where} in ${took()}:\n${result.applied.map((name) => `  ${name}`).join('\n')}`);
      return 0;
    }
    case 'create': {
      const name = rest.join('_');
      if (!name) {
        console.error(USAGE);
        return 2;
      }
      const result = await createMigration({ ...options, name, createOnly: flags.has('--create-only'), acceptDataLoss: flags.has('--accept-data-loss') });
      for (const applied of result.appliedFirst) console.log(`Applied pending migration ${applied}.`);
      if (result.kind === 'unchanged') {
        console.log('No schema changes: no migration created.');
        return 0;
      }
      console.log(`Created ${result.folder}`);
      for (const warning of result.warnings) console.warn(`  warning: ${warning}`);
      if (result.applied) console.log(`Applied it to ${where} (${took()}).`);
      else if (result.warnings.length > 0 && !flags.has('--create-only')) {
        console.log('Not applied because of the warnings above: review the SQL, then run deploy (or create again with --accept-data-loss).');
      } else console.log('Not applied (--create-only): run deploy when ready.');
      return 0;
    }
    case 'diff': {
      process.stdout.write(await diffFromEmpty(options));
      return 0;
    }
    case 'status': {
      const result = await status(options);
      if (!result.databaseExists) console.log(`Database ${where} does not exist yet (deploy creates it).`);
      for (const migration of result.migrations) console.log(`  ${migration.state === 'applied' ? 'applied' : 'PENDING'}  ${migration.name}`);
      for (const name of result.unknownInDatabase) console.log(`  in database only (not in the folder)  ${name}`);
      for (const name of result.failed) console.log(`  FAILED  ${name}`);
      for (const name of result.edited) console.log(`  EDITED after being applied  ${name}`);
      const pending = result.migrations.filter((migration) => migration.state === 'pending').length;
      console.log(pending === 0 && result.failed.length === 0 ? `${where} is up to date.` : `${pending} pending migration(s) for ${where}.`);
      return result.failed.length > 0 || result.edited.length > 0 ? 1 : 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
