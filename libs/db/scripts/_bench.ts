import pg from 'pg';
import { deploy } from '../src/migrate/commands';
import { readMigrationScripts } from '../src/migrate/migration-files';
import { MIGRATIONS_DIR } from '../src/migrate/paths';
const base = 'postgresql://postgres@127.0.0.1:5432/';
const admin = new pg.Client(base + 'postgres'); await admin.connect();
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  await deploy({ url: base + 'bench_a' + i });
  console.log('engine deploy fresh', Math.round(performance.now() - t));
  t = performance.now();
  await admin.query(`CREATE DATABASE bench_b${i}`);
  const c = new pg.Client(base + 'bench_b' + i); await c.connect();
  for (const m of await readMigrationScripts(MIGRATIONS_DIR)) await c.query(m.sql);
  await c.end();
  console.log('raw sql', Math.round(performance.now() - t));
  t = performance.now();
  await admin.query(`CREATE DATABASE bench_c${i} TEMPLATE bench_a0`);
  console.log('template', Math.round(performance.now() - t));
}
for (const p of ['a','b','c']) for (let i=0;i<3;i++) await admin.query(`DROP DATABASE bench_${p}${i} WITH (FORCE)`);
await admin.end();
