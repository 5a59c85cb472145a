import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing';
import { listenToPostgres, type PgListener } from './pg-listener';

let db: TestDatabase;
let listener: PgListener;
const received: string[] = [];
let reconnects = 0;

/** Waits until `check` holds (the listener is fed asynchronously by PostgreSQL). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(check()).toBe(true);
}

beforeAll(async () => {
  db = await createTestDatabase();
  listener = await listenToPostgres({ connectionString: db.url, channel: 'p2pv_test_channel', onPayload: (p) => received.push(p), onReconnect: () => (reconnects += 1), retryMs: 50 });
});
afterAll(async () => {
  await listener.close();
  await db.drop();
});

describe('listenToPostgres', () => {
  it('delivers committed notifications only, and keeps listening after its connection is killed', async () => {
    await db.prisma.$executeRaw`SELECT pg_notify('p2pv_test_channel', 'one')`;
    await until(() => received.includes('one'));
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_notify('p2pv_test_channel', 'rolled-back')`;
      throw new Error('roll back');
    }).catch(() => undefined);

    await db.prisma.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN p2pv_test_channel'`;
    await until(() => reconnects === 1);
    await db.prisma.$executeRaw`SELECT pg_notify('p2pv_test_channel', 'two')`;
    await until(() => received.includes('two'));
    expect(received).toEqual(['one', 'two']);
  });

  it('refuses channel names that are not plain identifiers', async () => {
    await expect(listenToPostgres({ connectionString: db.url, channel: 'x; DROP TABLE y', onPayload: () => undefined })).rejects.toThrow('Invalid channel name');
  });
});
