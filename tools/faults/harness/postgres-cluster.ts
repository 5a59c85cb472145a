import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './processes';

/** FAULTS_PG_BIN, else the newest Debian PostgreSQL (e.g. /usr/lib/postgresql/15/bin). */
function postgresBin(): string {
  if (process.env.FAULTS_PG_BIN) return process.env.FAULTS_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql, or set FAULTS_PG_BIN)');
  return join(root, newest, 'bin');
}

/**
 * A private PostgreSQL cluster in a temporary folder, on its own port with trust auth, so the
 * suite can stop and start it without touching the shared server other people use.
 */
export interface PostgresCluster {
  readonly port: number;
  readonly url: (database: string) => string;
  start(): void;
  /** `immediate` is a crash (recovery from WAL on the next start); `fast` a clean shutdown. */
  stop(mode?: 'fast' | 'immediate'): void;
  /** Runs SQL with psql and returns its unaligned, tuples-only output. */
  psql(database: string, sql: string): string;
  running(): boolean;
}

export function createPostgresCluster(root: string, port: number): PostgresCluster {
  const PG_BIN = postgresBin();
  const dataDir = join(root, 'pgdata');
  const socketDir = join(root, 'pgsock');
  mkdirSync(socketDir, { recursive: true });
  // initdb and postgres refuse to run as root: run them as the postgres user then.
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? Number(run('id', ['-u', 'postgres']).trim()) : undefined;
  const ownerGroup = asRoot ? Number(run('id', ['-g', 'postgres']).trim()) : undefined;
  if (asRoot && owner !== undefined && ownerGroup !== undefined) {
    chownSync(root, owner, ownerGroup);
    chownSync(socketDir, owner, ownerGroup);
  }
  const pg = (tool: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args]) : run(join(PG_BIN, tool), args));

  pg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  // fsync=off only matters when the machine itself crashes. Never synchronous_commit=off: with it a
  // crash of PostgreSQL loses the last commits, and "data written before the outage" would fail.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${socketDir} -c fsync=off -c max_connections=60`;

  return {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start: () => { pg('pg_ctl', ['-D', dataDir, '-l', join(root, 'postgres.log'), '-o', options, '-w', '-t', '30', 'start']); },
    stop: (mode = 'fast') => { pg('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop']); },
    psql: (database, sql) => run(join(PG_BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-XAtqc', sql]),
    running: () => {
      try {
        run(join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-t', '1']);
        return true;
      } catch {
        return false;
      }
    },
  };
}
