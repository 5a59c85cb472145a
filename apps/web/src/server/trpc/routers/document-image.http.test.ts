import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_IMAGE_LIMITS, MAX_DOCUMENT_IMAGE_BYTES, createPlatformRepositories } from '@p2pvalue/platform';
import { getDb } from '../../db';
import { callerFor, createCommunityFixture } from '../../testing/platform-fixtures';
import { downloadDocumentImage, uploadDocumentImage } from './document-image.http';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);

function put(bytes: Uint8Array, contentType = 'image/png', declared = String(bytes.byteLength)) {
  return new Request('http://localhost/api/uploads/documents/x/images', {
    method: 'PUT',
    body: bytes as Uint8Array<ArrayBuffer>,
    headers: { 'content-type': contentType, 'content-length': declared },
  });
}

const get = (path: string) => new URL(`http://localhost${path}`);

describe('document images by upload', () => {
  it('stores an image for writers, sniffs its type, and serves it only to readers', async () => {
    const f = await createCommunityFixture();
    const pad = (await callerFor(f.owner).document.list({ project: f.publicProject.id })).items[0]!;
    const core = (await callerFor(f.owner).document.list({ project: f.inviteProject.id })).items[0]!;

    // The client's Content-Type is ignored: the bytes say PNG.
    const created = await uploadDocumentImage(f.member, { documentId: pad.id }, put(PNG, 'text/html'));
    expect(created.status).toBe(201);
    const image = (await created.json()) as { id: string; url: string; mediaType: string; size: number };
    expect(image).toMatchObject({ mediaType: 'image/png', size: PNG.byteLength, url: `/api/v1/documents/${pad.id}/images/${image.id}` });
    // The same bytes again are stored once.
    const again = (await (await uploadDocumentImage(f.owner, { documentId: pad.id }, put(PNG))).json()) as { id: string };
    expect(again.id).toBe(image.id);

    const served = await downloadDocumentImage(f.outsider, { documentId: pad.id, imageId: image.id }, get(image.url));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);

    // An image id under another document is not found.
    const coreImage = (await (await uploadDocumentImage(f.owner, { documentId: core.id }, put(PNG))).json()) as { id: string; url: string };
    expect((await downloadDocumentImage(f.owner, { documentId: pad.id, imageId: coreImage.id }, get(coreImage.url))).status).toBe(404);
    // Non-members of an invite-only project, and anonymous callers, get nothing.
    expect((await downloadDocumentImage(f.outsider, { documentId: core.id, imageId: coreImage.id }, get(coreImage.url))).status).toBe(404);
    expect((await downloadDocumentImage(null, { documentId: core.id, imageId: coreImage.id }, get(coreImage.url))).status).toBe(404);
    expect((await downloadDocumentImage(f.owner, { documentId: core.id, imageId: coreImage.id }, get(coreImage.url))).status).toBe(200);
  });

  it('refuses readers, outsiders, anonymous callers, non-images and oversized bodies', async () => {
    const f = await createCommunityFixture();
    const pad = (await callerFor(f.owner).document.list({ project: f.publicProject.id })).items[0]!;
    const core = (await callerFor(f.owner).document.list({ project: f.inviteProject.id })).items[0]!;
    const status = async (res: Promise<Response>) => {
      const r = await res;
      return [r.status, ((await r.json()) as { code: string }).code];
    };
    expect(await status(uploadDocumentImage(null, { documentId: pad.id }, put(PNG)))).toEqual([401, 'UNAUTHORIZED']);
    expect(await status(uploadDocumentImage(f.outsider, { documentId: pad.id }, put(PNG)))).toEqual([403, 'FORBIDDEN']);
    expect(await status(uploadDocumentImage(f.member, { documentId: core.id }, put(PNG)))).toEqual([404, 'NOT_FOUND']);
    expect(await status(uploadDocumentImage(f.member, { documentId: 'not-a-uuid' }, put(PNG)))).toEqual([404, 'NOT_FOUND']);
    const html = new TextEncoder().encode('<svg onload="alert(1)"></svg>');
    expect(await status(uploadDocumentImage(f.member, { documentId: pad.id }, put(html, 'image/png')))).toEqual([400, 'BAD_REQUEST']);
    expect(await status(uploadDocumentImage(f.member, { documentId: pad.id }, put(new Uint8Array(0))))).toEqual([400, 'BAD_REQUEST']);
    // Declared too large: refused before reading; declared small but longer: refused while reading.
    expect(await status(uploadDocumentImage(f.member, { documentId: pad.id }, put(PNG, 'image/png', String(MAX_DOCUMENT_IMAGE_BYTES + 1))))).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const big = new Uint8Array(MAX_DOCUMENT_IMAGE_BYTES + 10);
    big.set(PNG);
    expect(await status(uploadDocumentImage(f.member, { documentId: pad.id }, put(big, 'image/png', '100')))).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await getImageCount(pad.id)).toBe(0);
  });

  it("serves images of a link-only project to holders of the project's share link", async () => {
    const f = await createCommunityFixture();
    const doc = (await callerFor(f.owner).document.list({ project: f.linkProject.id })).items[0]!;
    const image = (await (await uploadDocumentImage(f.owner, { documentId: doc.id }, put(PNG))).json()) as { id: string; url: string };
    const { linkKey } = await callerFor(f.owner).project.get({ projectId: f.linkProject.id });
    expect((await downloadDocumentImage(null, { documentId: doc.id, imageId: image.id }, get(image.url))).status).toBe(404);
    expect((await downloadDocumentImage(null, { documentId: doc.id, imageId: image.id }, get(`${image.url}?key=wrong`))).status).toBe(404);
    expect((await downloadDocumentImage(null, { documentId: doc.id, imageId: image.id }, get(`${image.url}?key=${linkKey}`))).status).toBe(200);
  });

  it('limits uploads per person per minute with a 429 that says when to try again', async () => {
    const f = await createCommunityFixture();
    const pad = (await callerFor(f.owner).document.list({ project: f.publicProject.id })).items[0]!;
    for (let i = 0; i < DEFAULT_DOCUMENT_IMAGE_LIMITS.uploadsPerWindow; i++) {
      expect((await uploadDocumentImage(f.member, { documentId: pad.id }, put(PNG))).status).toBe(201);
    }
    const refused = await uploadDocumentImage(f.member, { documentId: pad.id }, put(PNG));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({ code: 'TOO_MANY_REQUESTS', message: `You can add at most 20 images in a minute. Try again in ${retryAfter} s.` });
    // Refused attempts count too; other people are not affected.
    expect((await uploadDocumentImage(f.member, { documentId: pad.id }, put(PNG))).status).toBe(429);
    expect((await uploadDocumentImage(f.owner, { documentId: pad.id }, put(PNG))).status).toBe(201);
    // The window is fixed: a minute after it began, the count starts again.
    const { images } = createPlatformRepositories(getDb());
    const later = new Date(Date.now() + 61_000);
    expect(await images.countUploadAttempt(f.member.id, later, 60_000)).toEqual({ count: 1, windowStart: later });
    expect((await images.countUploadAttempt(f.member.id, new Date(later.getTime() + 1000), 60_000)).count).toBe(2);
  });
});

async function getImageCount(documentId: string): Promise<number> {
  const { getDb } = await import('../../db');
  return getDb().documentImage.count({ where: { documentId } });
}
