import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import { createNotificationRepository, type NotificationRepository } from './notification.repository';
import { createNotificationService, type NotificationService } from './notification.service';

let db: TestDatabase;
let repo: NotificationRepository;
let service: NotificationService;
let now = new Date('2026-12-07T12:00:00Z');
let seq = 0;

async function user(name: string) {
  seq += 1;
  const id = `notif-user-${seq}`;
  await db.prisma.user.create({ data: { id, name, email: `${id}@example.org` } });
  return { id, role: 'member' as const };
}

/** Stores a notification `minutesAgo` before the service's clock. */
async function notifyAt(userId: string, kind: string, ref: Record<string, unknown>, minutesAgo = 0) {
  const row = await db.prisma.notification.create({ data: { userId, kind, ref: ref as object, createdAt: new Date(now.getTime() - minutesAgo * 60_000) }, select: { id: true } });
  return row.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  repo = createNotificationRepository(db.prisma);
  service = createNotificationService({ notifications: repo, clock: () => now });
});
afterAll(async () => {
  await db.drop();
});

describe('notification service', () => {
  it('lists only the member’s own notifications, newest first, page by page without gaps or repeats', async () => {
    const ana = await user('Ana');
    const ben = await user('Ben');
    for (let i = 0; i < 7; i += 1) await notifyAt(ana.id, 'document.mention', { documentTitle: `Doc ${i}`, actorId: ben.id, url: `/d/${i}` }, 10 - i);
    await notifyAt(ben.id, 'document.mention', { documentTitle: 'Secret', actorId: ana.id }, 0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<NotificationService['list']>> = await service.list(ana, { cursor, limit: 3 });
      seen.push(...page.items.map((n) => n.text));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Ben mentioned you in Doc ${i}`));
    const first = await service.list(ana, { limit: 1 });
    expect(first.items[0]).toMatchObject({ href: '/d/6', actorName: 'Ben', read: false });
    expect(first.unread).toBe(7);
    expect((await service.list(ben)).items.map((n) => n.text)).toEqual(['Ana mentioned you in Secret']);
    await expect(service.list(ana, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('marks read only the member’s own notifications, and all of them at once', async () => {
    const ana = await user('Ana');
    const ben = await user('Ben');
    const mine = await notifyAt(ana.id, 'chat.mention', { channelId: 'c1', channelName: 'general', actorId: ben.id });
    await notifyAt(ana.id, 'chat.reply', { channelId: 'c1', actorId: ben.id });
    const bens = await notifyAt(ben.id, 'chat.mention', { channelId: 'c1', actorId: ana.id });

    expect(await service.markRead(ana, { ids: [mine, bens] })).toEqual({ marked: 1, unread: 1 });
    expect(await service.unreadCount(ben)).toBe(1);
    expect((await service.list(ana, { unreadOnly: true })).items.map((n) => n.kind)).toEqual(['chat.reply']);
    expect(await service.markAllRead(ana)).toEqual({ marked: 1, unread: 0 });
    expect(await service.unreadCount(ben)).toBe(1);
    await expect(service.markRead(ana, { ids: [] })).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('drops notifications from a muted channel except mentions, until unmuted', async () => {
    const ana = await user('Ana');
    const ben = await user('Ben');
    expect(await service.setChannelMuted(ana, { channelId: 'chan-42', muted: true })).toEqual({ channelId: 'chan-42', muted: true });
    await service.setChannelMuted(ana, { channelId: 'chan-42', muted: true }); // idempotent
    expect(await service.listMutedChannels(ana)).toEqual([{ channelId: 'chan-42', label: 'A channel that no longer exists' }]);
    expect(await repo.mutedUserIds('chan-42', [ana.id, ben.id])).toEqual(new Set([ana.id]));

    const stored = await repo.createMany([
      { userId: ana.id, kind: 'chat.reply', ref: { channelId: 'chan-42' } },
      { userId: ana.id, kind: 'chat.mention', ref: { channelId: 'chan-42' } },
      { userId: ana.id, kind: 'chat.reply', ref: { channelId: 'other' } },
      { userId: ben.id, kind: 'chat.reply', ref: { channelId: 'chan-42' } },
    ]);
    expect(stored).toBe(3);
    expect((await service.list(ana)).items.map((n) => n.kind).sort()).toEqual(['chat.mention', 'chat.reply']);

    const channel = await db.prisma.chatChannel.create({ data: { kind: 'custom', name: 'general' }, select: { id: true } });
    await service.setChannelMuted(ana, { channelId: channel.id, muted: true });
    expect((await service.listMutedChannels(ana)).map((c) => c.label)).toEqual(['A channel that no longer exists', '#general']);
    await service.setChannelMuted(ana, { channelId: channel.id, muted: false });

    await service.setChannelMuted(ana, { channelId: 'chan-42', muted: false });
    expect(await service.listMutedChannels(ana)).toEqual([]);
    expect(await repo.createMany([{ userId: ana.id, kind: 'chat.reply', ref: { channelId: 'chan-42' } }])).toBe(1);
    await expect(service.setChannelMuted(ana, { channelId: 'bad id!', muted: true })).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('stores the daily digest setting and groups the last day by kind', async () => {
    const ana = await user('Ana');
    const ben = await user('Ben');
    expect(await service.getSettings(ana)).toEqual({ dailyDigest: false });
    expect(await service.saveSettings(ana, { dailyDigest: true })).toEqual({ dailyDigest: true });
    expect(await service.getSettings(ana)).toEqual({ dailyDigest: true });
    expect(await service.getSettings(ben)).toEqual({ dailyDigest: false });

    await notifyAt(ana.id, 'chat.mention', { actorId: ben.id, channelName: 'general' }, 60);
    await notifyAt(ana.id, 'chat.mention', { actorId: ben.id, channelName: 'random' }, 30);
    const read = await notifyAt(ana.id, 'community.role-changed', { actorId: ben.id, slug: 'guifi', role: 'admin' }, 120);
    await notifyAt(ana.id, 'chat.mention', { actorId: ben.id }, 25 * 60); // older than a day
    await notifyAt(ben.id, 'chat.mention', { actorId: ana.id }, 5);
    await service.markRead(ana, { ids: [read] });

    const digest = await service.digest(ana);
    expect(digest.since).toEqual(new Date(now.getTime() - 24 * 3_600_000));
    expect(digest).toMatchObject({ total: 3, unread: 2 });
    expect(digest.groups.map((g) => [g.label, g.count, g.unread])).toEqual([
      ['Mentions in chat', 2, 2],
      ['Role changes', 1, 0],
    ]);
    expect(digest.groups[0]!.latest.map((n) => n.text)).toEqual(['Ben mentioned you in #random', 'Ben mentioned you in #general']);
    expect(digest.groups[1]!.latest[0]).toMatchObject({ text: 'Ben made you admin of guifi', href: '/communities/guifi' });
    now = new Date(now.getTime() + 2 * 24 * 3_600_000);
    expect((await service.digest(ana)).total).toBe(0);
  });

  it('never turns a stored link into an off-site or script link', async () => {
    const ana = await user('Ana');
    for (const url of ['//evil.example/x', 'javascript:alert(1)', 'https://evil.example', '/\\evil.example']) {
      await notifyAt(ana.id, 'document.mention', { url, documentTitle: 'x' });
    }
    expect((await service.list(ana)).items.map((n) => n.href)).toEqual([null, null, null, null]);
  });
});
