import { describe, expect, it } from 'vitest';
import { createCaller } from '../root';
import { createContextInner } from '../context';
import { createTestUser } from '../../testing/users';

const callerFor = (viewer: Awaited<ReturnType<typeof createTestUser>> | null) => createCaller(createContextInner({ viewer }));

describe('admin router', () => {
  it('is closed to anonymous users, members and researchers', async () => {
    await expect(callerFor(null).admin.listUsers({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const member = await createTestUser('member');
    await expect(callerFor(member).admin.listUsers({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const researcher = await createTestUser('researcher');
    await expect(callerFor(researcher).admin.setUserRole({ userId: member.id, role: 'staff' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets staff search users and change roles', async () => {
    const staff = await createTestUser('staff');
    const member = await createTestUser('member', 'Ada Lovelace');
    const found = await callerFor(staff).admin.listUsers({ search: 'lovelace' });
    expect(found.map((u) => u.id)).toContain(member.id);

    const promoted = await callerFor(staff).admin.setUserRole({ userId: member.id, role: 'researcher' });
    expect(promoted.role).toBe('researcher');
    const [again] = await callerFor(staff).admin.listUsers({ search: member.email });
    expect(again?.role).toBe('researcher');
  });

  it('rejects unknown users and roles', async () => {
    const staff = await createTestUser('staff');
    await expect(callerFor(staff).admin.setUserRole({ userId: 'nope', role: 'staff' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(staff).admin.setUserRole({ userId: staff.id, role: 'root' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
