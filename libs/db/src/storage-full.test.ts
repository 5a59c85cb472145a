import { describe, expect, it } from 'vitest';
import { isDatabaseStorageFullError } from './storage-full';

describe('isDatabaseStorageFullError', () => {
  it('recognises disk_full from pg, the driver adapter and wrapped errors', () => {
    expect(isDatabaseStorageFullError({ code: '53100', message: 'could not extend file' })).toBe(true);
    expect(isDatabaseStorageFullError({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '53100' } } } })).toBe(true);
    expect(isDatabaseStorageFullError(new Error('query failed', { cause: { kind: 'postgres', code: '53100' } }))).toBe(true);
    expect(isDatabaseStorageFullError(new Error('could not extend file "pg_tblspc/…": No space left on device'))).toBe(true);
  });

  it('leaves other failures alone', () => {
    expect(isDatabaseStorageFullError({ code: '23505', message: 'duplicate key' })).toBe(false);
    expect(isDatabaseStorageFullError(new Error('ECONNREFUSED'))).toBe(false);
    expect(isDatabaseStorageFullError(null)).toBe(false);
  });
});
