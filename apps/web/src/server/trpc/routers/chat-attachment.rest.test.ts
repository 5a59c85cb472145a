import { describe, expect, it } from 'vitest';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { CHAT_UPLOAD_LIMITS, MAX_CHAT_ATTACHMENT_BYTES } from '@p2pvalue/platform';
import { appRouter } from '../root';
import { createContextFromRequest } from '../context';
import { getOpenApiDocument } from '../../rest/openapi';
import { getAuth } from '../../auth/auth';
import { resolveViewer } from '../../auth/viewer';
import { callerFor, createCommunityFixture, type TestUser } from '../../testing/platform-fixtures';
import { downloadChatAttachment, uploadChatAttachment } from './chat-attachment.http';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

const tokenFor = async (user: TestUser) => (await getAuth().api.createApiKey({ body: { name: 'bot', userId: user.id } })).key;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies checked field by field below
async function rest(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> {
  const req = new Request(`http://localhost:3999/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
  return { status: res.status, body: await res.json() };
}

/** What the upload route file does: the viewer from the request's headers (here an API token), then the shared handler. */
async function upload(auth: { token: string } | { user: TestUser }, channelId: string, bytes: Uint8Array, name: string, headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost:3999/api/uploads/chat/${channelId}/attachments?name=${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength), ...('token' in auth ? { authorization: `Bearer ${auth.token}` } : {}), ...headers },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  const viewer = 'token' in auth ? await resolveViewer(req.headers) : auth.user;
  const res = await uploadChatAttachment(viewer, { channelId }, req);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string } };
}

async function setup() {
  const f = await createCommunityFixture();
  const channels = (await callerFor(f.owner).chat.channels({ communityId: f.publicProject.communityId })).items;
  return { ...f, general: channels.find((c) => c.kind === 'general')!.id };
}

describe('chat attachments over REST (bots with an API token)', () => {
  it('are in the OpenAPI document: the upload (under /api/uploads), the download and attachmentIds on posting', () => {
    const doc = getOpenApiDocument();
    const paths = doc.paths ?? {};
    expect(paths['/chat/{channelId}/attachments']).toMatchObject({ servers: [{ url: '/api/uploads' }], put: { security: [{ bearerAuth: [] }], responses: { '201': expect.anything(), '429': expect.anything() } } });
    expect(paths['/chat/attachments/{attachmentId}']?.get).toBeDefined();
    expect(JSON.stringify(paths['/channels/{id}/messages']?.post?.requestBody)).toContain('attachmentIds');
  });

  it('uploads with a token, posts a message with the file and downloads it; sniffs the type and refuses what the browser path refuses', { timeout: 120_000 }, async () => {
    const f = await setup();
    const bot = await tokenFor(f.member);

    // The declared type says PDF; the bytes are a PNG.
    const file = await upload({ token: bot }, f.general, PNG, 'build.png', { 'content-type': 'application/pdf' });
    expect(file).toMatchObject({ status: 201, body: { name: 'build.png', contentType: 'image/png', size: PNG.byteLength, url: `/api/v1/chat/attachments/${file.body.id}` } });

    const posted = await rest('POST', `/channels/${f.general}/messages`, bot, { clientId: 'bot-file-0001', attachmentIds: [file.body.id] });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ body: '', authorId: f.member.id, attachments: [{ id: file.body.id, name: 'build.png', contentType: 'image/png' }] });
    // A resend of the same message (same clientId, same files) returns the stored one.
    const resent = await rest('POST', `/channels/${f.general}/messages`, bot, { clientId: 'bot-file-0001', attachmentIds: [file.body.id] });
    expect(resent).toMatchObject({ status: 200, body: { id: posted.body.id } });
    const page = await rest('GET', `/channels/${f.general}/messages?limit=1`, bot);
    expect(page.body.items[0]).toMatchObject({ id: posted.body.id, attachments: [{ id: file.body.id }] });
    // Readers of the channel download it with their own token.
    const adminToken = await tokenFor(f.admin);
    const download = await downloadChatAttachment(await resolveViewer(new Headers({ authorization: `Bearer ${adminToken}` })), { attachmentId: file.body.id });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG);

    // A file already sent, someone else's upload, or no text and no file: refused, nothing stored.
    const again = await rest('POST', `/channels/${f.general}/messages`, bot, { clientId: 'bot-file-0002', body: 'reuse', attachmentIds: [file.body.id] });
    expect(again.status).toBe(404);
    const admins = await upload({ token: adminToken }, f.general, PNG, 'mine.png');
    expect((await rest('POST', `/channels/${f.general}/messages`, bot, { clientId: 'bot-file-0003', attachmentIds: [admins.body.id] })).status).toBe(404);
    expect((await rest('POST', `/channels/${f.general}/messages`, bot, { clientId: 'bot-file-0004' })).status).toBe(400);
    expect((await rest('GET', `/channels/${f.general}/messages?limit=10`, bot)).body.items.map((m: { id: string }) => m.id)).toEqual([posted.body.id]);

    // Same checks as the browser path: the type from the bytes, the size, the channel's readers.
    expect((await upload({ token: bot }, f.general, ELF, 'tool.png')).status).toBe(400);
    expect((await upload({ token: bot }, f.general, PNG, 'big.png', { 'content-length': String(MAX_CHAT_ATTACHMENT_BYTES + 1) })).status).toBe(413);
    expect((await upload({ token: await tokenFor(f.outsider) }, f.general, PNG, 'x.png')).status).toBe(404);
    expect((await upload({ token: 'p2pv_not-a-token' }, f.general, PNG, 'x.png')).status).toBe(401);
  });

  it('shares the rate limit with the browser path', { timeout: 120_000 }, async () => {
    const f = await setup();
    const bot = await tokenFor(f.member);
    for (let i = 0; i < CHAT_UPLOAD_LIMITS.filesPer10Minutes - 1; i += 1) expect((await upload({ user: f.member }, f.general, PNG, `p${i}.png`)).status).toBe(201);
    expect((await upload({ token: bot }, f.general, PNG, 'last.png')).status).toBe(201);
    const refused = await upload({ token: bot }, f.general, PNG, 'one-more.png');
    expect(refused).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
  });
});
