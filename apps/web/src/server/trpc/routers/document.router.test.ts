import { describe, expect, it } from 'vitest';
import { appendBlocks, documentTextFromState } from '@p2pvalue/platform';
import { callerFor, createCommunityFixture } from '../../testing/platform-fixtures';
import { createLiveDocuments } from '../../realtime/live-documents';
import { verifyRealtimeToken } from '../../realtime/realtime-token';
import { getDb } from '../../db';

async function type(documentId: string, text: string) {
  await createLiveDocuments(getDb()).change(documentId, (doc) => appendBlocks(doc, [{ type: 'paragraph', text }]));
}

describe('document router', () => {
  it('lists the pad and documents in folders for readers, and refuses others', async () => {
    const f = await createCommunityFixture();
    const owner = callerFor(f.owner);
    const folder = await owner.document.createFolder({ projectId: f.publicProject.id, name: 'Minutes' });
    const doc = await owner.document.create({ projectId: f.publicProject.id, title: 'Meeting 1', folderId: folder.id });
    const asAnon = await callerFor(null).document.list({ project: f.publicProject.id });
    expect(asAnon.items.map((d) => [d.kind, d.title, d.access])).toEqual([
      ['pad', 'Pad', 'read'],
      ['doc', 'Meeting 1', 'read'],
    ]);
    expect(asAnon.items[1]).toMatchObject({ folderId: folder.id, collabName: `doc:${doc.id}` });
    expect(asAnon.folders.map((x) => x.name)).toEqual(['Minutes']);
    expect((await callerFor(f.member).document.list({ project: f.publicProject.id })).items[0]?.access).toBe('write');
    await expect(callerFor(f.member).document.list({ project: f.inviteProject.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(f.outsider).document.get({ id: doc.id })).resolves.toMatchObject({ access: 'read' });
    const inviteDocs = await owner.document.list({ project: f.inviteProject.id });
    await expect(callerFor(f.outsider).document.get({ id: inviteDocs.items[0]!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerFor(f.outsider).document.create({ projectId: f.publicProject.id, title: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('renames, moves and deletes documents, but never the pad', async () => {
    const f = await createCommunityFixture();
    const m = callerFor(f.member);
    const folder = await m.document.createFolder({ projectId: f.publicProject.id, name: 'A' });
    const doc = await m.document.create({ projectId: f.publicProject.id, title: 'Draft' });
    expect((await m.document.rename({ documentId: doc.id, title: 'Final' })).title).toBe('Final');
    expect((await m.document.move({ documentId: doc.id, folderId: folder.id })).folderId).toBe(folder.id);
    const other = await callerFor(f.owner).document.createFolder({ projectId: f.linkProject.id, name: 'Elsewhere' });
    await expect(m.document.move({ documentId: doc.id, folderId: other.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await m.document.deleteFolder({ folderId: folder.id });
    expect((await m.document.get({ id: doc.id })).folderId).toBeNull();
    const pad = (await m.document.list({ project: f.publicProject.id })).items.find((d) => d.kind === 'pad')!;
    await expect(m.document.delete({ documentId: pad.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await m.document.delete({ documentId: doc.id });
    await expect(m.document.get({ id: doc.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('creates versions, diffs them and restores the first as an undoable forward change', async () => {
    const f = await createCommunityFixture();
    const m = callerFor(f.member);
    const doc = await m.document.create({ projectId: f.publicProject.id, title: 'History' });
    await type(doc.id, 'first');
    const v1 = await m.document.createVersion({ documentId: doc.id, label: 'one' });
    await type(doc.id, 'second');
    await m.document.createVersion({ documentId: doc.id, label: 'two' });
    await type(doc.id, 'third');
    await m.document.createVersion({ documentId: doc.id, label: 'three' });
    expect((await m.document.versions({ documentId: doc.id })).map((v) => v.label)).toEqual(['three', 'two', 'one']);

    const shown = await m.document.version({ documentId: doc.id, versionId: v1.id });
    expect(shown.markdown).toBe('first');
    expect(shown.diff.filter((d) => d.op === 'add').map((d) => d.text)).toEqual(['', 'second', '', 'third']);
    expect(documentTextFromState(Buffer.from(shown.yState, 'base64')).plainText).toBe('first');

    await expect(callerFor(f.outsider).document.restoreVersion({ documentId: doc.id, versionId: v1.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { before } = await m.document.restoreVersion({ documentId: doc.id, versionId: v1.id });
    expect((await m.document.get({ id: doc.id })).markdown).toBe('first');
    // Undo = restore the state kept just before the restore.
    await m.document.restoreVersion({ documentId: doc.id, versionId: before.id });
    expect((await m.document.get({ id: doc.id })).markdown).toBe('first\n\nsecond\n\nthird');
    expect((await m.document.versions({ documentId: doc.id })).map((v) => v.reason).slice(0, 4)).toEqual(['restore', 'before-restore', 'restore', 'before-restore']);
  });

  it('threads comments, resolves them and notifies mentioned members who can read the document', async () => {
    const f = await createCommunityFixture();
    const pad = (await callerFor(f.owner).document.list({ project: f.inviteProject.id })).items[0]!;
    const root = await callerFor(f.owner).document.addComment({
      documentId: pad.id,
      body: 'What do @Adam and @Mia think? <img src=x onerror=alert(1)>',
      anchor: { anchor: 'AAA=', head: 'AAE=', quote: 'text' },
      mentionedIds: [f.admin.id, f.member.id, f.outsider.id],
    });
    // The member cannot read the invite-only project; the outsider is not in the community.
    expect(root.mentionedIds).toEqual([f.admin.id]);
    expect(await getDb().notification.count({ where: { kind: 'comment.mention', userId: f.admin.id } })).toBe(1);
    expect(await getDb().notification.count({ where: { kind: 'comment.mention', userId: { in: [f.member.id, f.outsider.id] } } })).toBe(0);
    const reply = await callerFor(f.admin).document.addComment({ documentId: pad.id, body: 'Agreed', threadRootId: root.id });
    expect(reply.threadRootId).toBe(root.id);
    expect((await callerFor(f.admin).document.setCommentResolved({ commentId: reply.id, resolved: true })).resolvedAt).not.toBeNull();
    const listed = await callerFor(f.admin).document.comments({ documentId: pad.id });
    expect(listed.map((c) => c.body)).toEqual([root.body, 'Agreed']);
    expect(listed[0]?.resolvedAt).not.toBeNull();
    await expect(callerFor(f.member).document.comments({ documentId: pad.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const candidates = await callerFor(f.owner).document.mentionCandidates({ documentId: pad.id, query: 'ad' });
    expect(candidates.map((c) => c.name)).toEqual(['Adam Admin']);
  });

  it('hands out realtime tokens to signed-in callers only', async () => {
    const f = await createCommunityFixture();
    await expect(callerFor(null).document.realtimeToken()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const t = await callerFor(f.member).document.realtimeToken();
    expect(verifyRealtimeToken(t.token)).toBe(f.member.id);
    expect(verifyRealtimeToken(t.token.slice(0, -2) + 'xx')).toBeNull();
    expect(t.collabUrl).toMatch(/^ws:\/\/.+\/collab$/);
  });
});
