import { randomBytes } from 'node:crypto';
import { emptyCaseFields } from '@p2pvalue/directory';
import { getDb } from '../db';
import type { AccessClass, Persona } from './access-classes';
import { TINY_DESIGN, type SecurityWorld } from './security-fixtures';

/**
 * Who may call each tRPC procedure (docs/security.md). trpc-access-matrix.test.ts walks the app
 * router and calls every procedure listed here as every persona; a procedure without an entry, or
 * an entry without a procedure, fails the test.
 *
 * Adding a procedure is one line: `'router.name': one('signed-in', (w) => ({ id: w.pub.document })),`.
 * The input factory runs once per persona, so a mutation that changes standing or destroys its
 * target builds a fresh one (`w.fresh.*`).
 */
export type InputFactory = (world: SecurityWorld, persona: Persona) => unknown;

export interface AccessCase {
  access: AccessClass;
  input: InputFactory;
  /** Tells several cases of one procedure apart (e.g. "private community"). */
  label?: string;
  /**
   * For lists that filter rather than refuse: true when the result shows nothing of the
   * resource, which then counts as a refusal (a non-empty answer to a refused persona is a leak).
   */
  filtered?: (result: unknown) => boolean;
  /** A known authorisation hole: the case states the correct outcome and is skipped until fixed. */
  hole?: string;
}

const one = (access: AccessClass, input: InputFactory = () => undefined, label?: string): AccessCase => ({ access, input, ...(label ? { label } : {}) });
/** The same case, for a procedure that filters what the caller may not see instead of refusing. */
const filtering = (access: AccessClass, input: InputFactory, label: string, isEmpty: (result: never) => boolean): AccessCase => ({
  ...one(access, input, label),
  filtered: isEmpty as (result: unknown) => boolean,
});
const noItems = (r: { items: unknown[] }) => r.items.length === 0;
const none = (r: unknown[]) => r.length === 0;
const noCards = (r: { items: Array<{ cards: unknown[] }> }) => r.items.every((item) => item.cards.length === 0);
const hex = () => randomBytes(4).toString('hex');
const inADay = () => new Date(Date.now() + 86_400_000);
/** A failed calibration of the community's twin: archiving it is a business refusal for those allowed. */
const failedCalibration = async (communityId: string, createdById: string) =>
  (await getDb().twinCalibration.create({ data: { communityId, createdById, status: 'failed', settings: {}, setup: {}, observed: {}, seed: 0n, state: {} }, select: { id: true } })).id;

export const accessMatrix: Record<string, AccessCase | readonly AccessCase[]> = {
  // system, account, admin
  'system.version': one('public'),
  'account.me': one('public'),
  'account.listApiTokens': one('signed-in'),
  'account.createApiToken': one('signed-in', () => ({ name: 'matrix' })),
  'account.revokeApiToken': [
    one('signed-in', async (w, as) => ({ id: as === 'anonymous' ? 'none' : (await w.fresh.apiToken(as)).id }), 'own token'),
    one('nobody', async (w) => ({ id: (await w.fresh.apiToken('owner')).id }), "someone else's token"),
  ],
  'admin.listUsers': one('staff', () => ({})),
  'admin.setUserRole': one('staff', (w) => ({ userId: w.users.outsider.id, role: 'member' })),

  // communities
  'community.list': one('public'),
  'community.get': [one('public', (w) => ({ slug: w.pub.slug }), 'public community'), one('signed-in', (w) => ({ slug: w.priv.slug }), 'private community')],
  'community.create': one('signed-in', () => ({ slug: `sec-${hex()}`, name: 'Matrix new' })),
  'community.update': one('community-admin', (w) => ({ slug: w.pub.slug, description: 'security matrix' })),
  'community.join': one('signed-in', async (w) => ({ slug: (await w.fresh.community('public')).slug })),
  'community.leave': one('signed-in', async (w) => ({ community: (await w.fresh.community('public')).slug })),
  'community.members': [one('public', (w) => ({ slug: w.pub.slug }), 'public community'), one('community-member', (w) => ({ slug: w.priv.slug }), 'private community')],
  'community.decideRequest': one('community-admin', async (w) => {
    const { slug } = await w.fresh.community('private');
    await w.fresh.requestToJoin(slug, 'researcher');
    return { slug, userId: w.users.researcher.id, approve: true };
  }),
  'community.setMemberRole': one('community-admin', async (w) => ({ slug: (await w.fresh.community()).slug, userId: w.users.member.id, role: 'admin' })),
  'community.removeMember': one('community-admin', async (w) => ({ slug: (await w.fresh.community()).slug, userId: w.users.member.id })),
  'community.createInvite': one('community-admin', (w) => ({ slug: w.pub.slug })),
  'community.listInvites': one('community-admin', (w) => ({ slug: w.pub.slug })),
  'community.revokeInvite': one('community-admin', async (w) => ({ slug: w.pub.slug, inviteId: await w.fresh.invite(w.pub.slug) })),
  'community.previewInvite': one('public', async (w) => ({ token: await w.fresh.inviteToken(w.priv.slug) })),
  'community.acceptInvite': one('signed-in', async (w) => ({ token: await w.fresh.inviteToken((await w.fresh.community('private')).slug) })),
  'community.activity': [one('public', (w) => ({ slug: w.pub.slug }), 'public community'), filtering('community-member', (w) => ({ slug: w.priv.slug }), 'private community', none)],

  // projects
  'project.list': [one('public', (w) => ({ community: w.pub.slug }), 'public community'), filtering('community-member', (w) => ({ community: w.priv.slug }), 'private community', noItems)],
  'project.get': [
    one('public', (w) => ({ projectId: w.pub.open.id }), 'public project'),
    one('community-member', (w) => ({ projectId: w.pub.link.id }), 'link project without the key'),
    one('public', (w) => ({ projectId: w.pub.link.id, linkKey: w.pub.link.linkKey }), 'link project with the key'),
    one('community-admin', (w) => ({ projectId: w.pub.invite.id }), 'invite-only project'),
    one('community-member', (w) => ({ projectId: w.priv.open.id }), 'private community'),
  ],
  'project.bySlug': [
    one('public', (w) => ({ community: w.pub.slug, slug: w.pub.open.slug }), 'public project'),
    one('community-admin', (w) => ({ community: w.pub.slug, slug: w.pub.invite.slug }), 'invite-only project'),
    one('community-member', (w) => ({ community: w.priv.slug, slug: w.priv.open.slug }), 'private community'),
  ],
  'project.create': one('community-member', (w) => ({ community: w.pub.slug, slug: `p-${hex()}`, title: 'Matrix project' })),
  'project.update': one('project-member', (w) => ({ projectId: w.pub.open.id, description: 'security matrix' })),
  'project.rotateLink': one('project-member', async (w) => ({ projectId: (await w.fresh.project(w.pub.slug, 'link')).id })),
  'project.setFeatured': one('community-admin', (w) => ({ projectId: w.pub.open.id, featured: false })),
  'project.setArchived': one('community-admin', async (w) => ({ projectId: (await w.fresh.project(w.pub.slug)).id, archived: true })),
  'project.join': one('active-member', async (w) => ({ projectId: (await w.fresh.project(w.pub.slug)).id })),
  'project.leave': one('signed-in', async (w) => ({ projectId: (await w.fresh.project(w.pub.slug)).id })),
  'project.people': [one('public', (w) => ({ projectId: w.pub.open.id }), 'public project'), one('community-admin', (w) => ({ projectId: w.pub.invite.id }), 'invite-only project')],
  'project.addMember': one('community-admin', async (w) => ({ projectId: (await w.fresh.project(w.pub.slug, 'invite')).id, userId: w.users.member.id }), 'invite-only project'),
  'project.removeMember': one('project-member', async (w) => ({ projectId: (await w.fresh.project(w.pub.slug)).id, userId: w.users.member.id })),
  'project.setSupport': [
    one('signed-in', (w) => ({ projectId: w.pub.open.id, support: true }), 'public project'),
    one('community-admin', (w) => ({ projectId: w.pub.invite.id, support: true }), 'invite-only project'),
  ],

  // documents
  'document.list': [
    one('public', (w) => ({ project: w.pub.open.id }), 'public project'),
    one('community-admin', (w) => ({ project: w.pub.invite.id }), 'invite-only project'),
    one('community-member', (w) => ({ project: w.priv.open.id }), 'private community'),
  ],
  'document.get': [
    one('public', (w) => ({ id: w.pub.document }), 'public project'),
    one('public', (w) => ({ id: w.pub.linkDocument, linkKey: w.pub.link.linkKey }), 'link project with the key'),
    one('community-member', (w) => ({ id: w.pub.linkDocument }), 'link project without the key'),
    one('community-member', (w) => ({ id: w.pub.linkDocument, linkKey: 'not-the-key' }), 'link project with a wrong key'),
    one('community-admin', (w) => ({ id: w.pub.inviteDocument }), 'invite-only project'),
    one('community-member', (w) => ({ id: w.priv.document }), 'private community'),
  ],
  'document.realtimeToken': one('signed-in'),
  'document.create': one('community-member', (w) => ({ projectId: w.pub.open.id, title: 'Matrix' })),
  'document.rename': one('community-member', (w) => ({ documentId: w.pub.document, title: 'Matrix doc' })),
  'document.move': one('community-member', (w) => ({ documentId: w.pub.document, folderId: null })),
  'document.delete': one('community-member', async (w) => ({ documentId: await w.fresh.document(w.pub.open.id) })),
  'document.createFolder': one('community-member', (w) => ({ projectId: w.pub.open.id, name: `f-${hex()}` })),
  'document.renameFolder': one('community-member', async (w) => ({ folderId: await w.fresh.folder(w.pub.open.id), name: 'Renamed' })),
  'document.deleteFolder': one('community-member', async (w) => ({ folderId: await w.fresh.folder(w.pub.open.id) })),
  'document.versions': [one('public', (w) => ({ documentId: w.pub.document }), 'public project'), one('community-member', (w) => ({ documentId: w.priv.document }), 'private community')],
  'document.version': [
    one('public', (w) => ({ documentId: w.pub.document, versionId: w.pub.version }), 'public project'),
    one('community-member', (w) => ({ documentId: w.priv.document, versionId: w.priv.version }), 'private community'),
    one('nobody', (w) => ({ documentId: w.pub.document, versionId: w.priv.version }), 'a version of another document'),
  ],
  'document.createVersion': one('community-member', (w) => ({ documentId: w.pub.document, label: 'matrix' })),
  'document.restoreVersion': one('community-member', async (w) => {
    const documentId = await w.fresh.document(w.pub.open.id);
    return { documentId, versionId: await w.fresh.version(documentId) };
  }),
  'document.comments': [one('public', (w) => ({ documentId: w.pub.document }), 'public project'), one('community-member', (w) => ({ documentId: w.priv.document }), 'private community')],
  'document.addComment': one('community-member', (w) => ({ documentId: w.pub.document, body: 'Matrix comment' })),
  'document.setCommentResolved': [
    one('community-member', (w) => ({ commentId: w.pub.comment, resolved: false }), 'public project'),
    one('community-admin', (w) => ({ commentId: w.pub.inviteComment, resolved: false }), 'invite-only project'),
  ],
  // Readers of a public document see the names of the community's members (public anyway, see community.members).
  'document.mentionCandidates': [
    one('signed-in', (w) => ({ documentId: w.pub.document, query: 'a' }), 'public project'),
    one('community-member', (w) => ({ documentId: w.priv.document, query: 'a' }), 'private community'),
  ],

  // chat: reading and posting need active membership, even in a public community
  'chat.channels': [one('signed-in', () => ({}), 'own channels'), filtering('active-member', (w) => ({ communityId: w.priv.id }), 'filtered by a private community', noItems)],
  'chat.messages': [
    one('active-member', (w) => ({ id: w.pub.channel }), 'community channel'),
    one('active-admin', (w) => ({ id: w.pub.inviteChannel }), 'invite-only project channel'),
  ],
  'chat.send': [
    one('active-member', (w) => ({ id: w.pub.channel, clientId: `m-${hex()}${hex()}`, body: 'matrix' }), 'community channel'),
    one('active-admin', (w) => ({ id: w.pub.inviteChannel, clientId: `m-${hex()}${hex()}`, body: 'matrix' }), 'invite-only project channel'),
  ],
  'chat.createChannel': one('active-admin', (w) => ({ communityId: w.pub.id, name: `c-${hex()}` })),
  'chat.openDirect': one('active-member', (w) => ({ communityId: w.pub.id, userId: w.users.owner.id })),
  'chat.directCandidates': one('active-member', (w) => ({ communityId: w.pub.id })),
  'chat.linkCards': [
    filtering('active-member', (w) => ({ messageIds: [w.pub.message] }), 'a link to a need, in a community channel', noCards),
    filtering('active-admin', (w) => ({ messageIds: [w.pub.inviteLinkMessage] }), 'a link to an invite-only document', noCards),
  ],
  'chat.search': [one('signed-in', () => ({ query: 'help' }), 'all readable channels'), filtering('active-member', (w) => ({ query: 'help', channelId: w.pub.channel }), 'one channel', noItems)],
  'chat.readReceipts': one('active-member', (w) => ({ channelId: w.pub.channel })),
  'chat.mentionCandidates': one('active-member', (w) => ({ channelId: w.pub.channel })),

  // notifications: the caller's own, no procedure takes a user id
  'notification.list': one('signed-in', () => ({})),
  'notification.unreadCount': one('signed-in'),
  'notification.markRead': [
    one('signed-in', () => ({ ids: ['00000000-0000-4000-8000-000000000000'] }), 'own'),
    filtering('nobody', (w) => ({ ids: [w.ownerNotification] }), "someone else's notification", (r: { marked: number }) => r.marked === 0),
  ],
  'notification.markAllRead': one('signed-in'),
  'notification.mutedChannels': one('signed-in'),
  'notification.setChannelMuted': one('signed-in', (w) => ({ channelId: `chat:${w.pub.channel}`, muted: false })),
  'notification.settings': one('signed-in'),
  'notification.saveSettings': one('signed-in', () => ({ dailyDigest: false })),
  'notification.digest': one('signed-in'),

  // needs
  'need.list': [one('public', (w) => ({ projectId: w.pub.open.id }), 'public project'), one('community-member', (w) => ({ projectId: w.priv.open.id }), 'private community')],
  'need.featured': [one('public', (w) => ({ community: w.pub.slug }), 'public community'), filtering('community-member', (w) => ({ community: w.priv.slug }), 'private community', none)],
  'need.needsOfProject': [one('public', (w) => ({ id: w.pub.open.id }), 'public project'), one('community-member', (w) => ({ id: w.priv.open.id }), 'private community')],
  'need.needById': [one('public', (w) => ({ id: w.pub.need }), 'public project'), one('community-member', (w) => ({ id: w.priv.need }), 'private community')],
  'need.get': [one('public', (w) => ({ needId: w.pub.need }), 'public project'), one('community-member', (w) => ({ needId: w.priv.need }), 'private community')],
  'need.create': one('project-member', (w) => ({ projectId: w.pub.open.id, title: 'Matrix need', goal: 5, effortHours: 1 })),
  'need.update': one('project-member', (w) => ({ needId: w.pub.need, title: 'Fix the roof' })),
  'need.act': one('community-admin', async (w) => ({ needId: await w.fresh.proposedNeed(w.pub.open.id), action: 'open' }), 'open a proposed need'),
  'need.setFeatured': one('community-admin', (w) => ({ needId: w.pub.need, featured: false })),
  'need.comment': one('community-member', (w) => ({ needId: w.pub.need, body: 'Matrix comment' })),
  'need.addChecklistItem': one('project-member', (w) => ({ needId: w.pub.need, text: 'Matrix item' })),
  'need.setChecklistItemDone': one('project-member', (w) => ({ itemId: w.pub.checklistItem, done: false })),
  // A bounty is paid from the member's own points.
  'need.attachBounty': one('active-member', (w) => ({ needId: w.pub.need, points: 1 })),

  // funding rounds and recognition
  'funding.rounds': [
    one('public', (w) => ({ community: w.pub.slug }), 'public community'),
    filtering('community-member', (w) => ({ community: w.priv.slug }), 'private community', (r: { current: unknown; upcoming: unknown; past: unknown[] }) => !r.current && !r.upcoming && r.past.length === 0),
  ],
  'funding.roundById': [one('public', (w) => ({ id: w.pub.round }), 'public community'), one('community-member', (w) => ({ id: w.priv.round }), 'private community')],
  'funding.round': [one('public', (w) => ({ roundId: w.pub.round }), 'public community'), one('community-member', (w) => ({ roundId: w.priv.round }), 'private community')],
  'funding.ledger': [one('public', (w) => ({ roundId: w.pub.round }), 'public community'), one('community-member', (w) => ({ roundId: w.priv.round }), 'private community')],
  'funding.openRound': one('community-admin', async (w) => ({ community: (await w.fresh.community()).slug, title: 'Matrix round', closesAt: inADay(), budgetPerMember: 10 })),
  'funding.closeRound': one('community-admin', async (w) => ({ roundId: await w.fresh.round((await w.fresh.community()).slug) })),
  // Pledges, withdrawals and thanks spend a member's own credit: staff are not members.
  'funding.pledge': one('active-member', (w) => ({ roundId: w.pub.round, needId: w.pub.need, amount: 1 })),
  'funding.pledgeToNeed': one('active-member', (w) => ({ id: w.pub.round, needId: w.pub.need, amount: 1 })),
  'funding.cancelScheduledRound': one('community-admin', (w) => ({ roundId: w.pub.round }), 'an open round (CONFLICT for admins)'),
  'funding.withdraw': one('active-member', async (w, as) => {
    await w.fresh.pledge(as, { roundId: w.pub.round, needId: w.pub.need, amount: 1 });
    return { roundId: w.pub.round, needId: w.pub.need };
  }),
  'funding.grantCredits': one('community-admin', (w) => ({ roundId: w.pub.round, userId: w.users.member.id, credits: 1 })),
  'funding.thank': one('active-member', (w) => ({ community: w.pub.slug, toUserId: w.users.owner.id, note: 'Thanks' })),
  'funding.profile': one('public', (w) => ({ userId: w.users.member.id })),
  'funding.projectActivity': [one('public', (w) => ({ projectId: w.pub.open.id }), 'public project'), one('community-member', (w) => ({ projectId: w.priv.open.id }), 'private community')],

  // directory and its curation
  'directory.search': one('public', () => ({ q: 'commons' })),
  'directory.listCases': one('public', () => ({})),
  'directory.getCase': one('public', (w) => ({ id: w.directoryCase.caseId })),
  'directory.relatedCases': one('public', (w) => ({ id: w.directoryCase.caseId })),
  'directory.statistics': one('public'),
  'directoryCuration.propose': one('signed-in', () => ({ fields: emptyCaseFields(`Matrix proposal ${hex()}`) })),
  'directoryCuration.queue': one('staff', () => ({})),
  'directoryCuration.proposal': one('staff', (w) => ({ revisionId: w.proposal })),
  'directoryCuration.approve': one('staff', async (w) => ({ revisionId: await w.fresh.proposal() })),
  'directoryCuration.reject': one('staff', async (w) => ({ revisionId: await w.fresh.proposal(), reason: 'matrix' })),
  'directoryCuration.edit': one('staff', async (w) => ({ caseId: (await w.fresh.directoryCase()).caseId, fields: emptyCaseFields(`Matrix edit ${hex()}`) })),
  'directoryCuration.revert': one('staff', async (w) => {
    const { caseId, revisionId } = await w.fresh.directoryCase();
    return { caseId, revisionId };
  }),
  'directoryCuration.vocabularies': one('staff'),
  'directoryCuration.addTerm': one('staff', () => ({ vocabulary: 'scope', label: `Matrix ${hex()}` })),
  'directoryCuration.history': one('public', (w) => ({ caseId: w.directoryCase.caseId })),

  // archive (data sets): drafts belong to their depositor
  'archive.list': one('public', () => ({})),
  'archive.get': [one('public', (w) => ({ id: w.publishedDataset }), 'published'), one('owner', (w) => ({ id: w.draftDataset }), 'draft')],
  'archive.version': [one('public', (w) => ({ id: w.publishedDataset, n: 1 }), 'published'), one('owner', (w) => ({ id: w.draftDataset, n: 1 }), 'draft')],
  'archive.licences': one('public'),
  'archive.create': one('researcher', () => ({ metadata: { title: 'Matrix data set', licence: 'CC-BY-4.0' } })),
  'archive.updateDraft': one('owner', (w) => ({ id: w.draftDataset, n: 1, metadata: { title: 'Matrix data set', licence: 'CC-BY-4.0' } })),
  'archive.removeFile': one('owner', async (w) => ({ id: await w.fresh.draftWithFile(), n: 1, name: 'cases.csv' })),
  'archive.publish': one('owner', async (w) => ({ id: await w.fresh.draftWithFile(), n: 1 })),
  'archive.createVersion': one('owner', async (w) => ({ id: await w.fresh.publishedDataset() })),

  // simulation experiments: the researcher persona owns the fixtures' experiments
  'experiment.submit': one('researcher', () => ({ ...TINY_DESIGN, idempotencyKey: `matrix-${hex()}` })),
  'experiment.list': [one('signed-in', () => ({}), 'own'), filtering('staff', () => ({ scope: 'all' }), "everyone's", noItems)],
  'experiment.status': one('owner', (w) => ({ id: w.experiment.id })),
  'experiment.cancel': one('owner', async (w) => ({ id: (await w.fresh.experiment()).id })),
  'experiment.cancelRun': one('owner', async (w) => ({ runId: (await w.fresh.experiment()).runId })),
  'experiment.retryFailed': one('owner', (w) => ({ id: w.experiment.id })),
  'experiment.allowance': one('researcher'),
  // the staff queue dashboard: its retry of a run that is not failed is a business refusal (CONFLICT) for staff
  'simulationQueue.overview': one('staff'),
  'simulationQueue.retryRun': one('staff', (w) => ({ runId: w.experiment.runId })),
  'experimentResults.overview': one('owner', (w) => ({ id: w.experiment.id })),
  'experimentResults.runs': one('owner', (w) => ({ id: w.experiment.id })),
  'experimentResults.metric': one('owner', (w) => ({ id: w.experiment.id, metric: 'count_9s' })),
  'experimentResults.archive': one('owner', (w) => ({ id: w.experiment.id }), 'an unfinished experiment (a business refusal for its owner)'),
  'experimentResults.sensitivity': one('owner', (w) => ({ id: w.experiment.id }), 'a factorial experiment (a business refusal for its owner)'),
  'experimentResults.compare': one('owner', (w) => ({ id: w.experiment.id, a: 0, b: 1 })),

  // community health (issue 9): members and staff, public community or not
  'health.community': [one('community-member', (w) => ({ slug: w.pub.slug }), 'public community'), one('community-member', (w) => ({ slug: w.priv.slug }), 'private community')],
  // the community's simulation twin (issue 9): members read, admins and staff start (a fresh community has too little history, a business refusal)
  'twin.latest': [one('community-member', (w) => ({ slug: w.pub.slug }), 'public community'), one('community-member', (w) => ({ slug: w.priv.slug }), 'private community')],
  'twin.start': one('community-admin', (w) => ({ slug: w.pub.slug, settings: { populationSize: 4, generations: 1, fitWeeks: 4, horizonWeeks: 4, forecastDraws: 2 } })),
  'twin.archive': one(
    'community-admin',
    async (w) => {
      const { id, slug } = await w.fresh.community();
      return { slug, calibrationId: await failedCalibration(id, w.users.owner.id) };
    },
    'a failed calibration (a business refusal)',
  ),
  'twin.directoryCase': [one('community-member', (w) => ({ slug: w.pub.slug }), 'public community'), one('community-member', (w) => ({ slug: w.priv.slug }), 'private community')],
  'twin.linkCase': one('community-admin', (w) => ({ slug: w.pub.slug, caseId: null })),
};

/** The matrix as a flat list of cases. */
export function casesOf(path: string): readonly AccessCase[] {
  const entry = accessMatrix[path];
  if (!entry) return [];
  return Array.isArray(entry) ? entry : [entry as AccessCase];
}
