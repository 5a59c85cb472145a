import { describe, expect, it } from 'vitest';
import { createPrismaClient } from './client';
import { isDatabaseUnavailableError } from './unavailable';
import { Prisma } from './generated/prisma/client';

describe('isDatabaseUnavailableError', () => {
  it('recognises what Prisma throws when nothing listens on the port', async () => {
    const prisma = createPrismaClient({ url: 'postgresql://postgres@127.0.0.1:1/nowhere' });
    try {
      const model = await prisma.user.findFirst().catch((error: unknown) => error);
      const raw = await prisma.$queryRawUnsafe('SELECT 1').catch((error: unknown) => error);
      expect(isDatabaseUnavailableError(model)).toBe(true);
      expect(isDatabaseUnavailableError(raw)).toBe(true);
      // Wrapped by another layer (better-auth, tRPC): found through the cause chain.
      expect(isDatabaseUnavailableError(new Error('outer', { cause: new Error('middle', { cause: model }) }))).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('recognises pg socket errors and PostgreSQL shutdown states', () => {
    expect(isDatabaseUnavailableError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailableError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('does not mistake query errors for an outage', () => {
    const unique = new Prisma.PrismaClientKnownRequestError('Unique constraint failed', { code: 'P2002', clientVersion: '7' });
    expect(isDatabaseUnavailableError(unique)).toBe(false);
    expect(isDatabaseUnavailableError(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailableError(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailableError(null)).toBe(false);
    expect(isDatabaseUnavailableError('ECONNREFUSED')).toBe(false);
  });
});
