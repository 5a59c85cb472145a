import { describe, expect, it } from 'vitest';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { weekKey } from '@p2pvalue/platform';
import { appRouter } from '../root';
import { createContextFromRequest } from '../context';
import { getOpenApiDocument } from '../../rest/openapi';
import { getAuth } from '../../auth/auth';
import { getDb } from '../../db';
import { platformServices } from '../../platform';
import { callerFor, createCommunityFixture } from '../../testing/platform-fixtures';

const WEEK = 7 * 86_400_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies checked field by field below
async function rest(path: string, token?: string): Promise<{ status: number; body: Record<string, any> }> {
  const req = new Request(`http://localhost:3999/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
  return { status: res.status, body: await res.json() };
}

/** A community whose member made 12 contributions this week (core) and 3 ten weeks ago, plus chat. */
async function communityWithHistory(visibility: 'public' | 'private' = 'public') {
  const f = await createCommunityFixture(visibility);
  const db = getDb();
  const community = await db.community.findUniqueOrThrow({ where: { slug: f.slug }, select: { id: true } });
  const now = new Date();
  const old = new Date(now.getTime() - 10 * WEEK);
  await db.contributionEvent.createMany({
    data: [
      ...Array.from({ length: 11 }, () => ({ userId: f.member.id, communityId: community.id, kind: 'document.edit', at: now })),
      ...Array.from({ length: 3 }, () => ({ userId: f.member.id, communityId: community.id, kind: 'document.comment', at: old })),
      // not contributions: a like and thanks received
      { userId: f.admin.id, communityId: community.id, kind: 'project.support', at: now },
      { userId: f.admin.id, communityId: community.id, kind: 'thanks.receive', at: now },
    ],
  });
  // Chat through the service, so it reaches the ledger: one message counted, one deleted (not counted).
  const general = await db.chatChannel.findFirstOrThrow({ where: { communityId: community.id, kind: 'general' }, select: { id: true } });
  const chat = platformServices(db).chat;
  await chat.sendMessage(f.member, { channelId: general.id, clientId: 'health-1', body: 'counted' });
  const deleted = await chat.sendMessage(f.admin, { channelId: general.id, clientId: 'health-2', body: 'deleted, not counted' });
  await chat.deleteMessage(f.admin, { messageId: deleted.message.id });
  return { ...f, communityId: community.id, oldWeek: weekKey(old), thisWeek: weekKey(now) };
}

describe('health.community', () => {
  it('gives members the weekly series and the current numbers from the ledger', async () => {
    const f = await communityWithHistory();
    await callerFor(f.admin).community.leave({ community: f.slug });
    const h = await callerFor(f.member).health.community({ slug: f.slug });

    expect(h.community.slug).toBe(f.slug);
    expect(h.synthetic).toEqual({ any: false, contributions: 0, memberships: 0 });
    expect(h.weeks[0]?.week).toBe(f.oldWeek);
    expect(h.weeks).toHaveLength(11);
    expect(h.weeks[0]).toMatchObject({ contributions: 3, contributors: 1, members: 0 });
    const last = h.weeks[h.weeks.length - 1];
    // owner, admin and member joined this week; the admin left again
    expect(last).toMatchObject({ week: f.thisWeek, joins: 3, leaves: 1, members: 2 });
    // the member: 11 edits + 1 message = 12 in the window → core; the owner created the community and projects → occasional
    expect(last).toMatchObject({ count1s: 1, count9s: 1, count90s: 0 });
    expect(h.current).toMatchObject({ members: 2, count1s: 1, count9s: 1, contributors: 2, survival26: null, survival52: null });
    expect(h.current.gini).toBeGreaterThan(0);
    expect(h.current.top1Share).toBe(h.current.top10Share);
  });

  it('refuses non-members (also of private communities) and anonymous callers; staff see any community', async () => {
    for (const visibility of ['public', 'private'] as const) {
      const f = await communityWithHistory(visibility);
      await expect(callerFor(f.outsider).health.community({ slug: f.slug })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(callerFor(null).health.community({ slug: f.slug })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      const staff = await callerFor(f.staff).health.community({ slug: f.slug });
      expect(staff.current.count1s).toBe(1);
      await expect(callerFor(f.member).health.community({ slug: 'NOT A SLUG' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it('records joins and leaves whichever way a membership changes', async () => {
    const f = await createCommunityFixture();
    const db = getDb();
    const { id } = await db.community.findUniqueOrThrow({ where: { slug: f.slug }, select: { id: true } });
    await callerFor(f.outsider).community.join({ slug: f.slug });
    await callerFor(f.outsider).community.leave({ community: f.slug });
    await callerFor(f.outsider).community.join({ slug: f.slug });
    const events = await db.membershipEvent.findMany({ where: { communityId: id, userId: f.outsider.id }, orderBy: { id: 'asc' }, select: { kind: true } });
    expect(events.map((e) => e.kind)).toEqual(['join', 'leave', 'join']);
    await db.community.delete({ where: { id } });
    expect(await db.membershipEvent.count({ where: { communityId: id } })).toBe(0);
  });
});

describe('GET /api/v1/communities/{slug}/health', () => {
  it('is in the OpenAPI document', () => {
    expect(Object.keys(getOpenApiDocument().paths ?? {})).toContain('/communities/{slug}/health');
  });

  it('answers members and staff with the documented shape, 403 to others and 401 without credentials', async () => {
    const f = await communityWithHistory();
    const token = async (userId: string) => (await getAuth().api.createApiKey({ body: { name: 't', userId } })).key;
    const member = await rest(`/communities/${f.slug}/health`, await token(f.member.id));
    expect(member.status).toBe(200);
    const week = member.body.weeks.at(-1);
    expect(week).toMatchObject({ week: f.thisWeek, count1s: 1, count9s: 1, count90s: 1, joins: 3, leaves: 0, contributions: expect.any(Number) });
    expect(Object.keys(member.body.current)).toEqual(expect.arrayContaining(['gini', 'top1Share', 'top10Share', 'survival26', 'survival52']));
    expect(typeof member.body.current.gini).toBe('number');
    expect((await rest(`/communities/${f.slug}/health`, await token(f.staff.id))).status).toBe(200);
    const outsider = await rest(`/communities/${f.slug}/health`, await token(f.outsider.id));
    expect(outsider.status).toBe(403);
    expect((await rest(`/communities/${f.slug}/health`)).status).toBe(401);
    expect((await rest(`/communities/no-such-community-x/health`, await token(f.member.id))).status).toBe(404);
  });
});
