import { describe, expect, it } from 'vitest';
import { chatLinkRefs } from '@p2pvalue/platform';
import { callerFor, createCommunityFixture } from '../../testing/platform-fixtures';

describe('chat link cards', () => {
  it('finds links to documents and needs of this site, as paths or full URLs', () => {
    const doc = '0b7a1e0c-4c1e-4b53-9d5c-1f2a3b4c5d6e';
    const need = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
    expect(
      chatLinkRefs(`see https://p2pvalue.example/communities/demo/projects/core/documents/${doc} and [the need](/communities/demo/needs/${need}), again /communities/demo/needs/${need}`),
    ).toEqual([
      { kind: 'document', id: doc },
      { kind: 'need', id: need },
    ]);
    expect(chatLinkRefs('/communities/demo/needs/not-a-uuid /communities/demo/projects/core/documents')).toEqual([]);
  });

  it("resolves cards with the reader's permissions: no card for what the reader may not see", { timeout: 120_000 }, async () => {
    const f = await createCommunityFixture();
    const owner = callerFor(f.owner);
    const channels = (await owner.chat.channels({ communityId: f.publicProject.communityId })).items;
    const general = channels.find((c) => c.kind === 'general')!.id;
    const openDoc = await owner.document.create({ projectId: f.publicProject.id, title: 'Open agenda' });
    const secretDoc = await owner.document.create({ projectId: f.inviteProject.id, title: 'Secret plans' });
    const secretNeed = await owner.need.create({ projectId: f.inviteProject.id, title: 'Hidden budget', goal: 50, effortHours: 2 });
    const openNeed = await owner.need.create({ projectId: f.publicProject.id, title: 'Print flyers', goal: 20, effortHours: 3 });
    const url = (p: string) => `http://localhost:3000/communities/${f.slug}/${p}`;
    const message = await owner.chat.send({
      id: general,
      clientId: 'cards-0000001',
      body: `Agenda ${url(`projects/open/documents/${openDoc.id}`)}, plans ${url(`projects/core/documents/${secretDoc.id}`)}, ${url(`needs/${secretNeed.id}`)} and /communities/${f.slug}/needs/${openNeed.id}`,
    });

    const cardsFor = async (user: typeof f.owner) => (await callerFor(user).chat.linkCards({ messageIds: [message.id] })).items[0]?.cards ?? [];
    // the owner takes part in the invite-only project: three cards (the first three links)
    expect((await cardsFor(f.owner)).map((c) => c.title)).toEqual(['Open agenda', 'Secret plans', 'Hidden budget']);
    // the member reads the channel but not the invite-only project: only the open document's card
    const memberCards = await cardsFor(f.member);
    expect(memberCards).toEqual([expect.objectContaining({ kind: 'document', title: 'Open agenda', projectTitle: 'Open project', url: `/communities/${f.slug}/projects/open/documents/${openDoc.id}` })]);
    // someone who cannot read the channel gets nothing at all
    expect(await cardsFor(f.outsider)).toEqual([]);

    const needMessage = await owner.chat.send({ id: general, clientId: 'cards-0000002', body: `please fund /communities/${f.slug}/needs/${openNeed.id}` });
    const [needCard] = (await callerFor(f.member).chat.linkCards({ messageIds: [needMessage.id] })).items[0]!.cards;
    expect(needCard).toMatchObject({ kind: 'need', title: 'Print flyers', projectTitle: 'Open project', goal: 20, pledged: 0 });
    expect(['proposed', 'open']).toContain((needCard as { status: string }).status);
  });
});
