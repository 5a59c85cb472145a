import { randomBytes, randomUUID } from 'node:crypto';
import { emptyCaseFields } from '@p2pvalue/directory';
import { getAuth } from '../auth/auth';
import { getDb } from '../db';
import { platformServices } from '../platform';
import { uploadDatasetFile } from '../trpc/routers/archive.http';
import { callerFor, uniqueSlug, type TestUser } from '../testing/platform-fixtures';
import { createTestUser } from '../testing/users';
import { uploadChatAttachment } from '../trpc/routers/chat-attachment.http';
import { uploadDocumentImage } from '../trpc/routers/document-image.http';
import { PERSONAS, type Persona } from './access-classes';

/** The smallest PNG (1×1), for image and attachment uploads. */
export const PNG_1X1: Uint8Array<ArrayBuffer> = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

/** A tiny experiment design (2 runs × 20 ticks). */
export const TINY_DESIGN = { name: 'matrix', repetitions: 1, steps: 20, enumerated: { 'platform-features': [false, true] }, seed: 7 };
const DATASET_METADATA = { title: 'Matrix data set', creators: [{ name: 'Ada Researcher' }], licence: 'CC-BY-4.0' };
const inADay = () => new Date(Date.now() + 86_400_000);

export type Accounts = Record<Exclude<Persona, 'anonymous'> | 'owner', TestUser>;

async function createAccounts(): Promise<Accounts> {
  const [owner, admin, member, outsider, researcher, staff] = await Promise.all([
    createTestUser('member', 'Olive Owner'),
    createTestUser('member', 'Adam Admin'),
    createTestUser('member', 'Mia Member'),
    createTestUser('member', 'Otto Outsider'),
    createTestUser('researcher', 'Rita Researcher'),
    createTestUser('staff', 'Stella Staff'),
  ]);
  return { owner, admin, member, outsider, researcher, staff };
}

/**
 * Builds resources on demand, always as their natural creator, so a mutation that destroys or
 * changes standing (leave, archive, delete…) gets its own target and never disturbs other cases.
 */
export function createFactory(users: Accounts) {
  const as = (who: keyof Accounts) => callerFor(users[who]);

  /** A community owned by `owner`, with `admin` as admin and `member` as member. */
  async function community(visibility: 'public' | 'private' = 'public') {
    const slug = uniqueSlug('sec');
    const created = await as('owner').community.create({ slug, name: `Matrix ${slug}`, visibility, description: 'security matrix' });
    for (const [who, role] of [['admin', 'admin'], ['member', 'member']] as const) {
      const { token } = await as('owner').community.createInvite({ slug, role });
      await as(who).community.acceptInvite({ token });
    }
    return { slug, id: created.id, visibility };
  }

  /** A project created by `owner`; `member` and `admin` take part unless it is invite-only. */
  async function project(slug: string, shareMode: 'public' | 'link' | 'invite' = 'public') {
    const created = await as('owner').project.create({ community: slug, slug: uniqueSlug('p'), title: `Project ${shareMode}`, shareMode });
    if (shareMode !== 'invite') {
      await as('member').project.join({ projectId: created.id });
      await as('admin').project.join({ projectId: created.id });
    }
    const linkKey = (await as('owner').project.get({ projectId: created.id })).linkKey;
    return { id: created.id, slug: created.slug, linkKey };
  }

  /** `who` asks to join a private community. */
  const requestToJoin = async (slug: string, who: keyof Accounts) => {
    await as(who).community.join({ slug });
  };

  const document = async (projectId: string) => (await as('owner').document.create({ projectId, title: 'Matrix doc' })).id;
  const folder = async (projectId: string) => (await as('owner').document.createFolder({ projectId, name: 'Matrix folder' })).id;
  const version = async (documentId: string) => (await as('owner').document.createVersion({ documentId, label: 'v' })).id;
  const comment = async (documentId: string) => (await as('owner').document.addComment({ documentId, body: 'A comment' })).id;
  const invite = async (slug: string) => (await as('owner').community.createInvite({ slug, role: 'member' })).invite.id;
  const inviteToken = async (slug: string) => (await as('owner').community.createInvite({ slug, role: 'member' })).token;

  /** A proposed need created by `owner` (a participant of every project they create). */
  const proposedNeed = async (projectId: string) => (await as('owner').need.create({ projectId, title: 'Fix the roof', goal: 5, effortHours: 1 })).id;
  async function need(projectId: string) {
    const id = await proposedNeed(projectId);
    await as('owner').need.act({ needId: id, action: 'open' });
    return id;
  }
  const checklistItem = async (needId: string) => (await as('owner').need.addChecklistItem({ needId, text: 'Buy tiles' })).checklist[0]!.id;
  const round = async (slug: string) => (await as('owner').funding.openRound({ community: slug, title: 'Matrix round', closesAt: inADay(), budgetPerMember: 10 })).id;
  /** A pledge by `who` if they may (the persona may be anyone; a refusal is ignored here). */
  const pledge = async (who: Persona, input: { roundId: string; needId: string; amount: number }) => {
    if (who === 'anonymous') return;
    await as(who).funding.pledge(input).catch(() => undefined);
  };
  const channel = async (communityId: string) => {
    const { items } = await as('owner').chat.channels({ communityId });
    return items.find((c) => c.kind === 'general')!.id;
  };
  const projectChannel = async (communityId: string, projectId: string) => {
    const { items } = await as('owner').chat.channels({ communityId });
    return items.find((c) => c.projectId === projectId)!.id;
  };
  const message = async (channelId: string, body = 'hello') => (await as('owner').chat.send({ id: channelId, clientId: `m-${randomBytes(6).toString('hex')}`, body })).id;

  // Proposals are rate-limited per account: each comes from a new one.
  const proposal = async () =>
    (await callerFor(await createTestUser('member', 'Pat Proposer')).directoryCuration.propose({ fields: emptyCaseFields(`Matrix case ${randomBytes(4).toString('hex')}`) })).id;
  async function directoryCase() {
    const approved = await as('staff').directoryCuration.approve({ revisionId: await proposal() });
    return { caseId: approved.caseId, revisionId: approved.revisionId };
  }

  const draftDataset = async () => (await as('researcher').archive.create({ metadata: DATASET_METADATA })).datasetId;
  /** A draft with one file, `cases.csv`. */
  async function draftWithFile() {
    const datasetId = await draftDataset();
    const body = 'nid,name\n1,Guifi\n';
    const req = new Request('http://x/upload', { method: 'PUT', body, headers: { 'content-length': String(Buffer.byteLength(body)) } });
    const res = await uploadDatasetFile(getDb(), users.researcher, { id: datasetId, n: '1', name: 'cases.csv' }, req);
    if (res.status !== 201) throw new Error(`upload failed: ${res.status}`);
    return datasetId;
  }
  async function publishedDataset() {
    const datasetId = await draftWithFile();
    await as('researcher').archive.publish({ id: datasetId, n: 1 });
    return datasetId;
  }

  /** Uploads PNG_1X1 as `owner` through the HTTP handler; returns what the handler answered. */
  async function uploadAs(handler: (req: Request) => Promise<Response>, url: string): Promise<string> {
    const req = new Request(url, { method: 'PUT', body: PNG_1X1, headers: { 'content-length': String(PNG_1X1.byteLength), 'content-type': 'image/png' } });
    const res = await handler(req);
    if (res.status !== 201) throw new Error(`upload to ${url} failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }
  const documentImage = (documentId: string) =>
    uploadAs((req) => uploadDocumentImage(users.owner, { documentId }, req), `http://localhost:3999/api/uploads/documents/${documentId}/images`);
  /** A file uploaded to a channel by `owner`; only the uploader sees it until a message carries it. */
  const unsentChatAttachment = (channelId: string) =>
    uploadAs((req) => uploadChatAttachment(users.owner, { channelId }, req), `http://localhost:3999/api/uploads/chat/${channelId}/attachments?name=dot.png`);
  /** A file sent with a message by `owner` (the service: the tRPC send does not carry files yet). */
  async function chatAttachment(channelId: string) {
    const id = await unsentChatAttachment(channelId);
    await platformServices(getDb()).chat.sendMessage(users.owner, { channelId, clientId: `a-${randomBytes(6).toString('hex')}`, body: 'a file', attachmentIds: [id] });
    return id;
  }

  /** A personal API token of `who` (its id and secret). */
  async function apiToken(who: keyof Accounts) {
    const created = await getAuth().api.createApiKey({ body: { name: 'matrix', userId: users[who].id } });
    return { id: created.id, token: created.key };
  }

  async function experiment() {
    const { id } = await as('researcher').experiment.submit({ ...TINY_DESIGN, idempotencyKey: randomUUID() });
    const run = await getDb().experimentRun.findFirstOrThrow({ where: { experimentId: id }, select: { id: true } });
    return { id, runId: run.id };
  }

  return {
    users,
    community,
    requestToJoin,
    project,
    document,
    folder,
    version,
    comment,
    invite,
    inviteToken,
    proposedNeed,
    need,
    checklistItem,
    round,
    pledge,
    channel,
    projectChannel,
    message,
    proposal,
    directoryCase,
    draftDataset,
    draftWithFile,
    publishedDataset,
    apiToken,
    documentImage,
    unsentChatAttachment,
    chatAttachment,
    experiment,
  };
}
export type Factory = ReturnType<typeof createFactory>;

/** One community's shared resources: read by many cases, never changed by a matrix case. */
async function createCommunityWorld(fresh: Factory, visibility: 'public' | 'private') {
  const c = await fresh.community(visibility);
  const [open, link, invite] = [await fresh.project(c.slug, 'public'), await fresh.project(c.slug, 'link'), await fresh.project(c.slug, 'invite')];
  const document = await fresh.document(open.id);
  const inviteDocument = await fresh.document(invite.id);
  const linkDocument = await fresh.document(link.id);
  const channel = await fresh.channel(c.id);
  const need = await fresh.need(open.id);
  await callerFor(fresh.users.owner).need.setFeatured({ needId: need, featured: true });
  return {
    ...c,
    open,
    link,
    invite,
    document,
    inviteDocument,
    linkDocument,
    version: await fresh.version(document),
    comment: await fresh.comment(document),
    inviteComment: await fresh.comment(inviteDocument),
    channel,
    /** The invite-only project's channel: its participants and the community's admins. */
    inviteChannel: await fresh.projectChannel(c.id, invite.id),
    /** Links the community's need: every reader of the channel may see its card. */
    message: await fresh.message(channel, `Please help: /communities/${c.slug}/needs/${need}`),
    /** Links a document of the invite-only project: only its participants, admins and staff may see the card. */
    inviteLinkMessage: await fresh.message(channel, `Notes: /communities/${c.slug}/projects/${invite.slug}/documents/${inviteDocument}`),
    need,
    checklistItem: await fresh.checklistItem(need),
    round: await fresh.round(c.slug),
  };
}

/** Everything the matrix needs, created once per test file. */
export async function createSecurityWorld() {
  const users = await createAccounts();
  const fresh = createFactory(users);
  const pub = await createCommunityWorld(fresh, 'public');
  const priv = await createCommunityWorld(fresh, 'private');
  return {
    users,
    fresh,
    pub,
    priv,
    directoryCase: await fresh.directoryCase(),
    proposal: await fresh.proposal(),
    draftDataset: await fresh.draftDataset(),
    draftWithFile: await fresh.draftWithFile(),
    publishedDataset: await fresh.publishedDataset(),
    experiment: await fresh.experiment(),
    images: {
      pub: await fresh.documentImage(pub.document),
      link: await fresh.documentImage(pub.linkDocument),
      invite: await fresh.documentImage(pub.inviteDocument),
      priv: await fresh.documentImage(priv.document),
    },
    chatAttachment: await fresh.chatAttachment(pub.channel),
    unsentChatAttachment: await fresh.unsentChatAttachment(pub.channel),
    /** One API token per persona (for REST). */
    tokens: Object.fromEntries(await Promise.all(PERSONAS.filter((p) => p !== 'anonymous').map(async (p) => [p, (await fresh.apiToken(p)).token] as const))) as Record<
      Exclude<Persona, 'anonymous'>,
      string
    >,
    /** A notification of the owner's, which no persona may touch. */
    ownerNotification: (await getDb().notification.create({ data: { userId: users.owner.id, kind: 'matrix', ref: {} }, select: { id: true } })).id,
  };
}
export type SecurityWorld = Awaited<ReturnType<typeof createSecurityWorld>>;
