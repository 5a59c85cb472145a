import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '@p2pvalue/db';
import { isAppError } from '@p2pvalue/shared';
import { createContextInner } from './context';
import { createCaller } from './root';
import { createTestUser } from '../testing/users';

describe('procedures while PostgreSQL is unreachable', () => {
  it('answer SERVICE_UNAVAILABLE with a clear message, not a generic internal error', async () => {
    const user = await createTestUser();
    const nowhere = createPrismaClient({ url: 'postgresql://postgres@127.0.0.1:1/nowhere' });
    try {
      const caller = createCaller({ ...createContextInner({ viewer: user }), db: nowhere });
      const error: unknown = await caller.community.list().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/database is not reachable/) });
      const cause = (error as { cause?: unknown }).cause;
      expect(isAppError(cause) && cause.code).toBe('UNAVAILABLE');
    } finally {
      await nowhere.$disconnect();
    }
  });
});
