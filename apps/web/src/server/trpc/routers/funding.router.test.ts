import { describe, expect, it } from 'vitest';
import { getDb } from '../../db';
import { callerFor, createCommunityFixture } from '../../testing/platform-fixtures';

const inADay = () => new Date(Date.now() + 86_400_000);

describe('need and funding routers', () => {
  it('runs a round end to end through the API, with membership checks at every step', async () => {
    const f = await createCommunityFixture();
    const member = callerFor(f.member);
    const admin = callerFor(f.admin);

    await expect(callerFor(f.outsider).need.create({ projectId: f.publicProject.id, title: 'Hijack', goal: 5, effortHours: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(null).need.create({ projectId: f.publicProject.id, title: 'Anon', goal: 5, effortHours: 1 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(member.need.create({ projectId: f.publicProject.id, title: 'Bad', goal: 5, stretchGoal: 4, effortHours: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Members who are not in an invite-only project cannot even see it.
    await expect(member.need.create({ projectId: f.inviteProject.id, title: 'Hidden', goal: 5, effortHours: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Needs are written by the project's participants: the member joins first.
    await expect(member.need.create({ projectId: f.publicProject.id, title: 'Not yet', goal: 5, effortHours: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await member.project.join({ projectId: f.publicProject.id });
    const need = await member.need.create({ projectId: f.publicProject.id, title: 'Fix the roof', description: '**Urgent** <script>x</script>', goal: 6, effortHours: 2 });
    await expect(member.need.act({ needId: need.id, action: 'open' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await admin.need.act({ needId: need.id, action: 'open' });
    await expect(member.funding.openRound({ community: f.slug, title: 'Spring', closesAt: inADay(), budgetPerMember: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const round = await admin.funding.openRound({ community: f.slug, title: 'Spring', closesAt: inADay(), budgetPerMember: 10 });

    const listed = await callerFor(null).need.list({ projectId: f.publicProject.id });
    expect(listed.items.map((n) => [n.title, n.section, n.status])).toEqual([['Fix the roof', 'funding', 'open']]);
    expect(listed.canCreate).toBe(false);

    await expect(member.funding.pledge({ roundId: round.id, needId: need.id, amount: 1.5 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'BAD_REQUEST', details: { reason: 'NOT_WHOLE_CREDITS' } },
    });
    await expect(member.funding.pledge({ roundId: round.id, needId: need.id, amount: 11 })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { details: { reason: 'INSUFFICIENT_BALANCE' } },
    });
    await expect(callerFor(f.outsider).funding.pledge({ roundId: round.id, needId: need.id, amount: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await member.funding.pledge({ roundId: round.id, needId: need.id, amount: 4 })).toMatchObject({ balance: 6, needStatus: 'open' });
    expect(await callerFor(f.owner).funding.pledge({ roundId: round.id, needId: need.id, amount: 2 })).toMatchObject({ needStatus: 'funded', needPledged: 6 });

    const view = await member.need.get({ needId: need.id });
    expect(view).toMatchObject({ status: 'funded', ratio: 1, band: 'high', description: '**Urgent** <script>x</script>', permissions: { canClaim: true } });
    await member.need.act({ needId: need.id, action: 'claim' });
    await member.need.act({ needId: need.id, action: 'complete' });
    await expect(member.need.act({ needId: need.id, action: 'verify' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await admin.need.act({ needId: need.id, action: 'verify' });
    await admin.funding.thank({ community: f.slug, toUserId: f.member.id, note: 'Dry at last', needId: need.id });

    const profile = await callerFor(f.outsider).funding.profile({ userId: f.member.id });
    expect(profile).toMatchObject({ points: 20, thanksReceived: [{ note: 'Dry at last' }] });
    expect(profile.contributions.map((c) => c.kind)).toEqual(expect.arrayContaining(['need.create', 'pledge', 'need.claim', 'need.complete', 'thanks.receive']));

    const closed = await admin.funding.closeRound({ roundId: round.id });
    expect(closed.results?.needs).toEqual([expect.objectContaining({ title: 'Fix the roof', pledged: 6, funded: true, rank: 1 })]);
    expect((await callerFor(null).funding.ledger({ roundId: round.id })).map((e) => [e.userName, e.delta])).toEqual([
      ['Mia Member', 4],
      ['Olive Owner', 2],
    ]);
    const activity = await member.funding.projectActivity({ projectId: f.publicProject.id });
    expect(activity.map((a) => a.kind)).toEqual(expect.arrayContaining(['need.verify', 'need.funded', 'thanks.give']));
  });

  it('hides needs of invite-only projects and rounds of private communities from outsiders', async () => {
    const f = await createCommunityFixture('private');
    const need = await callerFor(f.owner).need.create({ projectId: f.inviteProject.id, title: 'Secret plan', goal: 5, effortHours: 1 });
    await expect(callerFor(f.member).need.get({ needId: need.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(f.member).need.comment({ needId: need.id, body: 'hi' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const round = await callerFor(f.owner).funding.openRound({ community: f.slug, title: 'Private round', closesAt: inADay(), budgetPerMember: 5 });
    await expect(callerFor(f.outsider).funding.round({ roundId: round.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await callerFor(f.outsider).funding.rounds({ community: f.slug })).current).toBeNull();
    expect((await callerFor(f.member).funding.rounds({ community: f.slug })).current?.me).toMatchObject({ balance: 5 });
  });

  it('opens a round with earned budgets: bad rules refused with a reason, each member shown their budget and why', async () => {
    const f = await createCommunityFixture();
    const owner = callerFor(f.owner);
    const earned = { base: 2, rate: 0.5, cap: 20 };
    await expect(owner.funding.openRound({ community: f.slug, title: 'Bad', closesAt: inADay(), budgetPerMember: 0, budgetMode: 'earned', earned: { ...earned, rate: -1 } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { details: { reason: 'RATE_NEGATIVE' } },
    });
    await expect(owner.funding.openRound({ community: f.slug, title: 'Bad', closesAt: inADay(), budgetPerMember: 0, budgetMode: 'earned', earned: { ...earned, cap: 1 } })).rejects.toMatchObject({
      cause: { details: { reason: 'CAP_BELOW_BASE' } },
    });
    const { id: communityId } = await getDb().community.findUniqueOrThrow({ where: { slug: f.slug }, select: { id: true } });
    await getDb().pointsEntry.create({ data: { userId: f.member.id, communityId, delta: 12, reason: 'need.verified', at: new Date(Date.now() - 60_000) } });
    const round = await owner.funding.openRound({ community: f.slug, title: 'Earned', closesAt: inADay(), budgetPerMember: 0, budgetMode: 'earned', earned });
    expect(round.earned?.formula).toBe('credits = min(20, 2 + 0.5 × points earned since the previous round), whole credits rounded down');
    expect((await callerFor(f.member).funding.round({ roundId: round.id })).me).toMatchObject({ granted: 8, budgetWhy: '8 credits: 2 base + 6 for 12 points so far' });
  });

  it('creates a need from a document selection of the same project only', async () => {
    const f = await createCommunityFixture();
    const pad = await getDb().document.findFirstOrThrow({ where: { projectId: f.publicProject.id }, select: { id: true } });
    const otherPad = await getDb().document.findFirstOrThrow({ where: { projectId: f.linkProject.id }, select: { id: true } });
    const owner = callerFor(f.owner);
    const need = await owner.need.create({ projectId: f.publicProject.id, title: 'Write the intro', goal: 3, effortHours: 1, source: { kind: 'document', documentId: pad.id, quote: 'TODO: intro' } });
    expect(need).toMatchObject({ source: 'document', sourceRef: pad.id, sourceQuote: 'TODO: intro' });
    await expect(owner.need.create({ projectId: f.publicProject.id, title: 'Elsewhere', goal: 3, effortHours: 1, source: { kind: 'document', documentId: otherPad.id, quote: 'x' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      owner.need.create({ projectId: f.publicProject.id, title: 'From chat', goal: 3, effortHours: 1, source: { kind: 'chat', messageId: '00000000-0000-4000-8000-000000000000', quote: 'x' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
