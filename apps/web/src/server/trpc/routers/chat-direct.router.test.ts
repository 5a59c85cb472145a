import { describe, expect, it } from 'vitest';
import { callerFor, createCommunityFixture, uniqueSlug } from '../../testing/platform-fixtures';

async function generalOf(f: Awaited<ReturnType<typeof createCommunityFixture>>) {
  return (await callerFor(f.owner).chat.channels({ communityId: f.publicProject.communityId })).items.find((c) => c.kind === 'general')!;
}

describe('direct messages', () => {
  it('only between members of a shared community; one channel per pair, private to the two', { timeout: 120_000 }, async () => {
    const f = await createCommunityFixture();
    const communityId = f.publicProject.communityId;
    const member = callerFor(f.member);

    // candidates: the community's other active members
    const candidates = (await member.chat.directCandidates({ communityId })).items.map((c) => c.id);
    expect(candidates).toEqual(expect.arrayContaining([f.owner.id, f.admin.id]));
    expect(candidates).not.toContain(f.member.id);
    expect(candidates).not.toContain(f.outsider.id);
    await expect(callerFor(f.outsider).chat.directCandidates({ communityId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // nobody outside the community, not oneself, and not from a community one is not in
    await expect(member.chat.openDirect({ communityId, userId: f.outsider.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(f.outsider).chat.openDirect({ communityId, userId: f.member.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(member.chat.openDirect({ communityId, userId: f.member.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const dm = await member.chat.openDirect({ communityId, userId: f.admin.id });
    expect(dm.kind).toBe('direct');
    // the other side opening it gets the same channel
    expect((await callerFor(f.admin).chat.openDirect({ communityId, userId: f.member.id })).id).toBe(dm.id);

    await member.chat.send({ id: dm.id, clientId: 'dm-000000001', body: 'just between us' });
    // the admin's list shows it under the member's name, with an unread count
    const adminSees = (await callerFor(f.admin).chat.channels({ communityId })).items.find((c) => c.id === dm.id)!;
    expect(adminSees).toMatchObject({ kind: 'direct', name: 'Mia Member', peerId: f.member.id, unread: 1, canPost: true });
    // a third person, even the community's owner or staff, cannot read or write it
    for (const other of [f.owner, f.staff, f.outsider]) {
      expect((await callerFor(other).chat.channels({})).items.map((c) => c.id)).not.toContain(dm.id);
      await expect(callerFor(other).chat.messages({ id: dm.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(callerFor(other).chat.send({ id: dm.id, clientId: `intruder-${other.id.slice(0, 8)}`, body: 'hi' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    // direct channels show in the chat of any of the person's communities (they are between people)
    const other = await member.community.create({ slug: uniqueSlug('other'), name: 'Another place', visibility: 'public', description: 'x' });
    const inOther = (await member.chat.channels({ communityId: other.id })).items;
    expect(inOther.map((c) => c.id)).toContain(dm.id);
    expect(inOther.filter((c) => c.kind !== 'direct').every((c) => c.communityId === other.id)).toBe(true);
  });

  it('when the two no longer share a community the conversation stays readable but closes for writing', { timeout: 120_000 }, async () => {
    const f = await createCommunityFixture();
    const communityId = f.publicProject.communityId;
    const dm = await callerFor(f.member).chat.openDirect({ communityId, userId: f.admin.id });
    await callerFor(f.admin).chat.send({ id: dm.id, clientId: 'dm-before-leave', body: 'welcome!' });

    await callerFor(f.member).community.leave({ community: f.slug });
    const listed = (await callerFor(f.member).chat.channels({})).items.find((c) => c.id === dm.id)!;
    expect(listed.canPost).toBe(false);
    expect((await callerFor(f.member).chat.messages({ id: dm.id })).items.map((m) => m.body)).toEqual(['welcome!']);
    await expect(callerFor(f.member).chat.send({ id: dm.id, clientId: 'dm-after-leave1', body: 'still there?' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(f.admin).chat.send({ id: dm.id, clientId: 'dm-after-leave2', body: 'come back' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // and a new one cannot be opened from that community
    await expect(callerFor(f.admin).chat.openDirect({ communityId, userId: f.member.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await generalOf(f)).kind).toBe('general');
  });
});
