import { describe, expect, it } from 'vitest';
import { CHAT_UPLOAD_LIMITS, MAX_CHAT_ATTACHMENT_BYTES } from '@p2pvalue/platform';
import { getDb } from '../../db';
import { platformServices } from '../../platform';
import { callerFor, createCommunityFixture, type TestUser } from '../../testing/platform-fixtures';
import { downloadChatAttachment, uploadChatAttachment } from './chat-attachment.http';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF');
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

function put(user: TestUser | null, channelId: string, bytes: Uint8Array, name: string, contentType = 'application/octet-stream') {
  const req = new Request(`http://localhost/api/uploads/chat/${channelId}/attachments?name=${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': contentType, 'content-length': String(bytes.byteLength) },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return uploadChatAttachment(user, { channelId }, req);
}

async function setup() {
  const f = await createCommunityFixture();
  const channels = (await callerFor(f.owner).chat.channels({ communityId: f.publicProject.communityId })).items;
  return { ...f, general: channels.find((c) => c.kind === 'general')!.id, core: channels.find((c) => c.projectId === f.inviteProject.id)!.id };
}

describe('chat attachments', () => {
  it('stores an image and a PDF by their sniffed type, sends them with a message and serves them to readers only', { timeout: 120_000 }, async () => {
    const f = await setup();
    // the client says PDF; the bytes say PNG
    const imageRes = await put(f.member, f.general, PNG, '../../etc/holiday.png', 'application/pdf');
    expect(imageRes.status).toBe(201);
    const image = (await imageRes.json()) as { id: string; name: string; url: string; contentType: string; size: number };
    expect(image).toMatchObject({ name: 'holiday.png', contentType: 'image/png', size: PNG.byteLength, url: `/api/v1/chat/attachments/${image.id}` });
    const pdf = (await (await put(f.member, f.general, PDF, 'minutes.pdf', 'image/png')).json()) as { id: string; contentType: string };
    expect(pdf.contentType).toBe('application/pdf');

    // before it is sent, only the uploader can fetch it
    expect((await downloadChatAttachment(f.admin, { attachmentId: image.id })).status).toBe(404);
    expect((await downloadChatAttachment(f.member, { attachmentId: image.id })).status).toBe(200);

    const sent = await callerFor(f.member).chat.send({ id: f.general, clientId: 'files-00000001', body: '' }).catch((e: unknown) => e);
    expect(sent).toMatchObject({ code: 'BAD_REQUEST' });
    const { message } = await platformServices(getDb()).chat.sendMessage(f.member, { channelId: f.general, clientId: 'files-00000002', body: '', attachmentIds: [image.id, pdf.id] });
    expect(message.attachments.map((a) => a.contentType)).toEqual(['image/png', 'application/pdf']);
    // the stored history carries them
    const history = (await callerFor(f.admin).chat.messages({ id: f.general })).items;
    expect(history[0]!.attachments.map((a) => a.name)).toEqual(['holiday.png', 'minutes.pdf']);

    // a reader of the channel gets the bytes: images inline, others as downloads
    const shown = await downloadChatAttachment(f.admin, { attachmentId: image.id });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/png');
    expect(shown.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await shown.arrayBuffer())).toEqual(PNG);
    const download = await downloadChatAttachment(f.admin, { attachmentId: pdf.id });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="minutes.pdf"/);

    // a non-member, a signed-out visitor: refused as if it did not exist
    expect((await downloadChatAttachment(f.outsider, { attachmentId: image.id })).status).toBe(404);
    expect((await downloadChatAttachment(null, { attachmentId: image.id })).status).toBe(401);

    // another uploader's file cannot be attached to one's own message
    await expect(
      platformServices(getDb()).chat.sendMessage(f.admin, { channelId: f.general, clientId: 'steal-0000001', body: 'mine now', attachmentIds: [image.id] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // deleting the message stops serving its files
    await platformServices(getDb()).chat.deleteMessage(f.member, { messageId: message.id });
    expect((await downloadChatAttachment(f.admin, { attachmentId: image.id })).status).toBe(404);
  });

  it('refuses files that are too large, of a refused type, or for a channel one cannot post in', { timeout: 120_000 }, async () => {
    const f = await setup();
    const big = new Uint8Array(MAX_CHAT_ATTACHMENT_BYTES + 1);
    big.set(PNG);
    const tooBig = await put(f.member, f.general, big, 'huge.png', 'image/png');
    expect(tooBig.status).toBe(413);
    // a Content-Length that lies small is caught while reading
    const lying = new Request(`http://localhost/api/uploads/chat/${f.general}/attachments?name=x.png`, { method: 'PUT', headers: { 'content-length': '10' }, body: big });
    expect((await uploadChatAttachment(f.member, { channelId: f.general }, lying)).status).toBe(413);

    // an executable labelled as an image
    const exe = await put(f.member, f.general, ELF, 'cat.png', 'image/png');
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as { message: string }).message).toMatch(/cannot be shared/);
    // markup a browser would run is not "text"
    expect((await put(f.member, f.general, new TextEncoder().encode('<svg onload="alert(1)"/>'), 'a.txt', 'text/plain')).status).toBe(400);
    expect((await put(f.member, f.general, new Uint8Array(), 'empty.txt')).status).toBe(400);
    // plain text is fine
    expect((await put(f.member, f.general, new TextEncoder().encode('a,b\n1,2\n'), 'data.csv')).status).toBe(201);

    // not a reader of the invite-only project's channel, not a member at all, not signed in
    expect((await put(f.member, f.core, PNG, 'x.png')).status).toBe(404);
    expect((await put(f.outsider, f.general, PNG, 'x.png')).status).toBe(404);
    expect((await put(null, f.general, PNG, 'x.png')).status).toBe(401);
    expect(await getDb().chatAttachment.count({ where: { uploadedById: { in: [f.outsider.id] } } })).toBe(0);
  });

  it('clears uploads that were never sent after a day, with bodies nothing else uses', { timeout: 120_000 }, async () => {
    const f = await setup();
    const abandoned = (await (await put(f.member, f.general, new TextEncoder().encode(`abandoned ${f.slug}`), 'old.txt')).json()) as { id: string };
    const shared = (await (await put(f.member, f.general, PDF, 'kept.pdf')).json()) as { id: string };
    const { message } = await platformServices(getDb()).chat.sendMessage(f.member, { channelId: f.general, clientId: 'kept-0000001', body: 'the pdf', attachmentIds: [shared.id] });
    const sameBytes = (await (await put(f.member, f.general, PDF, 'again.pdf')).json()) as { id: string };
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60_000);
    await getDb().chatAttachment.updateMany({ where: { id: { in: [abandoned.id, sameBytes.id] } }, data: { createdAt: twoDaysAgo } });

    expect((await put(f.member, f.general, PNG, 'new.png')).status).toBe(201);
    const left = await getDb().chatAttachment.findMany({ where: { id: { in: [abandoned.id, shared.id, sameBytes.id] } }, select: { id: true } });
    expect(left.map((r) => r.id)).toEqual([shared.id]);
    const abandonedSha = await getDb().chatBlob.count({ where: { content: { equals: Buffer.from(`abandoned ${f.slug}`) } } });
    expect(abandonedSha).toBe(0);
    // the sent message's file (same bytes as the pruned upload) is still served
    expect((await downloadChatAttachment(f.admin, { attachmentId: message.attachments[0]!.id })).status).toBe(200);
  });

  it('rate limits uploads per member', { timeout: 120_000 }, async () => {
    const f = await setup();
    for (let i = 0; i < CHAT_UPLOAD_LIMITS.filesPer10Minutes; i++) {
      expect((await put(f.admin, f.general, new TextEncoder().encode(`note ${i}`), `n${i}.txt`)).status).toBe(201);
    }
    const limited = await put(f.admin, f.general, new TextEncoder().encode('one more'), 'more.txt');
    expect(limited.status).toBe(429);
    // others are not affected
    expect((await put(f.member, f.general, PNG, 'ok.png')).status).toBe(201);
  });
});
