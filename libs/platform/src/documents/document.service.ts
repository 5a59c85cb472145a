import { AppError } from '@p2pvalue/shared';
import * as Y from 'yjs';
import type { AccessActor } from '../access/access.policy';
import type { AccessService, DocumentAccessContext } from '../access/access.service';
import type { CommunityRepository } from '../communities/community.repository';
import type { ContributionRepository } from '../contributions/contribution.repository';
import type { NotificationRepository } from '../notifications/notification.repository';
import type { ProjectRepository } from '../projects/project.repository';
import { collabDocumentName } from './collab-name';
import type { CommentAnchor, CommentRepository, CommentRow } from './comment.repository';
import type { DocumentRepository, DocumentRow, FolderRow } from './document.repository';
import { ZCommentAnchor, ZCommentBody, ZDocumentTitle, ZFolderName } from './document.schemas';
import { diffLines, type DiffLine } from './line-diff';
import type { LiveDocuments } from './live-documents';
import { markRestore, type RestoreMark } from './restore-mark';
import type { VersionRepository, VersionSummary } from './version.repository';
import { replaceContent } from './yjs-build';
import { documentTextFromState } from './yjs-text';

export interface DocumentView extends DocumentRow {
  collabName: string;
  access: 'read' | 'write';
}

export interface VersionView extends VersionSummary {
  authors: { id: string; name: string }[];
}

export interface DocumentDeps {
  documents: DocumentRepository;
  versions: VersionRepository;
  comments: CommentRepository;
  projects: ProjectRepository;
  communities: CommunityRepository;
  notifications: NotificationRepository;
  contributions: ContributionRepository;
  access: AccessService;
  live: LiveDocuments;
  clock: () => Date;
}

/** Notification kind of an @mention in a document's body (comments use `comment.mention`). */
export const DOCUMENT_MENTION_KIND = 'document.mention';

/** Marks server-made changes (restores) so they are not counted as someone's typing. */
export const SERVER_ORIGIN = { source: 'p2pvalue-server' } as const;

export function createDocumentService(deps: DocumentDeps) {
  const { documents, versions, comments, projects, communities, notifications, contributions, access, live, clock } = deps;

  const toView = (doc: DocumentRow, ctx: DocumentAccessContext | { permissions: { access: 'none' | 'read' | 'write' } }): DocumentView => ({
    ...doc,
    collabName: collabDocumentName(doc.id),
    access: ctx.permissions.access === 'write' ? 'write' : 'read',
  });

  async function writableProjectOrThrow(actor: AccessActor, projectId: string) {
    const ctx = await access.readableProjectOrThrow(actor, projectId);
    if (ctx.permissions.access !== 'write') throw new AppError('FORBIDDEN', 'You can read this project but not change it.');
    return ctx;
  }

  async function folderInProjectOrThrow(folderId: string | null | undefined, projectId: string): Promise<FolderRow | null> {
    if (!folderId) return null;
    const folder = await documents.findFolder(folderId);
    if (!folder || folder.projectId !== projectId) throw new AppError('NOT_FOUND', 'No such folder in this project.');
    return folder;
  }

  async function versionViews(rows: VersionSummary[]): Promise<VersionView[]> {
    const names = await documents.userNames(rows.flatMap((r) => r.authorIds));
    return rows.map((r) => ({ ...r, authors: r.authorIds.map((id) => ({ id, name: names.get(id) ?? 'Unknown' })) }));
  }

  /** Of the candidates (at most 20), the active community members other than the actor who may read the project. */
  async function readersAmong(ctx: DocumentAccessContext, actorId: string, candidateIds: string[]): Promise<string[]> {
    const candidates = [...new Set(candidateIds)].filter((id) => id !== actorId).slice(0, 20);
    const members = await communities.activeMemberIds(ctx.community.id, candidates);
    const readers: string[] = [];
    for (const userId of members) {
      const user = { id: userId, role: 'member' as const };
      if ((await access.forProject(user, ctx.project)).permissions.access !== 'none') readers.push(userId);
    }
    return readers;
  }

  async function snapshot(documentId: string, input: { label: string | null; reason: string; createdById: string | null; authorIds: string[] }): Promise<VersionSummary> {
    const state = (await live.readState(documentId)) ?? Y.encodeStateAsUpdate(new Y.Doc());
    return versions.create({ documentId, yState: state, markdown: documentTextFromState(state).markdown, ...input });
  }

  return {
    async listDocuments(actor: AccessActor | null, input: { projectId: string; linkKey?: string | null }): Promise<{ folders: FolderRow[]; documents: DocumentView[] }> {
      const ctx = await access.readableProjectOrThrow(actor, input.projectId, input.linkKey);
      const [folders, docs] = await Promise.all([documents.listFolders(input.projectId), documents.listForProject(input.projectId)]);
      return { folders, documents: docs.map((d) => toView(d, ctx)) };
    },

    async getDocumentOrThrow(actor: AccessActor | null, input: { documentId: string; linkKey?: string | null }) {
      const ctx = await access.readableDocumentOrThrow(actor, input.documentId, input.linkKey);
      const withText = await documents.findWithText(input.documentId);
      if (!withText) throw new AppError('NOT_FOUND', 'No such document.');
      return {
        ...toView(ctx.document, ctx),
        markdown: withText.markdown,
        plainText: withText.plainText,
        project: { id: ctx.project.id, slug: ctx.project.slug, title: ctx.project.title, archived: ctx.project.archived },
        community: { id: ctx.community.id, slug: ctx.community.slug, name: ctx.community.name },
      };
    },

    async createDocument(actor: AccessActor, input: { projectId: string; title: string; folderId?: string | null }): Promise<DocumentView> {
      const ctx = await writableProjectOrThrow(actor, input.projectId);
      await folderInProjectOrThrow(input.folderId, input.projectId);
      const doc = await documents.create({ projectId: input.projectId, folderId: input.folderId ?? null, title: ZDocumentTitle.parse(input.title), kind: 'doc', createdById: actor.id });
      await contributions.append([{ userId: actor.id, communityId: ctx.community.id, projectId: input.projectId, kind: 'document.create', ref: { documentId: doc.id }, at: clock() }]);
      await projects.touch(input.projectId, clock());
      return toView(doc, ctx);
    },

    async renameDocument(actor: AccessActor, input: { documentId: string; title: string }): Promise<DocumentView> {
      const ctx = await access.writableDocumentOrThrow(actor, input.documentId);
      return toView(await documents.update(input.documentId, { title: ZDocumentTitle.parse(input.title) }), ctx);
    },

    async moveDocument(actor: AccessActor, input: { documentId: string; folderId: string | null }): Promise<DocumentView> {
      const ctx = await access.writableDocumentOrThrow(actor, input.documentId);
      await folderInProjectOrThrow(input.folderId, ctx.project.id);
      return toView(await documents.update(input.documentId, { folderId: input.folderId }), ctx);
    },

    async deleteDocument(actor: AccessActor, documentId: string): Promise<void> {
      const ctx = await access.writableDocumentOrThrow(actor, documentId);
      if (ctx.document.kind === 'pad') throw new AppError('BAD_REQUEST', "A project's pad cannot be deleted.");
      await documents.delete(documentId);
    },

    async createFolder(actor: AccessActor, input: { projectId: string; name: string; parentId?: string | null }): Promise<FolderRow> {
      await writableProjectOrThrow(actor, input.projectId);
      await folderInProjectOrThrow(input.parentId, input.projectId);
      return documents.createFolder({ projectId: input.projectId, parentId: input.parentId ?? null, name: ZFolderName.parse(input.name) });
    },

    async renameFolder(actor: AccessActor, input: { folderId: string; name: string }): Promise<FolderRow> {
      const folder = await documents.findFolder(input.folderId);
      if (!folder) throw new AppError('NOT_FOUND', 'No such folder.');
      await writableProjectOrThrow(actor, folder.projectId);
      return documents.renameFolder(input.folderId, ZFolderName.parse(input.name));
    },

    /** Documents inside a deleted folder move to the project's top level. */
    async deleteFolder(actor: AccessActor, folderId: string): Promise<void> {
      const folder = await documents.findFolder(folderId);
      if (!folder) throw new AppError('NOT_FOUND', 'No such folder.');
      await writableProjectOrThrow(actor, folder.projectId);
      await documents.deleteFolder(folderId);
    },

    async listVersions(actor: AccessActor | null, input: { documentId: string }): Promise<VersionView[]> {
      await access.readableDocumentOrThrow(actor, input.documentId);
      return versionViews(await versions.list(input.documentId));
    },

    /** One version, read-only: its markdown, its state (to render it) and a line diff against now. */
    async getVersion(actor: AccessActor | null, input: { documentId: string; versionId: string }): Promise<VersionView & { markdown: string; yState: Uint8Array; diff: DiffLine[] }> {
      await access.readableDocumentOrThrow(actor, input.documentId);
      const version = await versions.findWithState(input.documentId, input.versionId);
      if (!version) throw new AppError('NOT_FOUND', 'No such version.');
      const current = await live.readState(input.documentId);
      const now = current ? documentTextFromState(current).markdown : '';
      const [view] = await versionViews([version]);
      return { ...view!, markdown: version.markdown, yState: version.yState, diff: diffLines(version.markdown, now) };
    },

    async createVersion(actor: AccessActor, input: { documentId: string; label?: string | null }): Promise<VersionView> {
      const ctx = await access.writableDocumentOrThrow(actor, input.documentId);
      const version = await snapshot(input.documentId, { label: input.label?.trim() || null, reason: 'manual', createdById: actor.id, authorIds: [actor.id] });
      await contributions.append([{ userId: actor.id, communityId: ctx.community.id, projectId: ctx.project.id, kind: 'document.version', ref: { documentId: input.documentId, versionId: version.id }, at: clock() }]);
      return (await versionViews([version]))[0]!;
    },

    /**
     * Restores a version as a new forward change. The state just before is kept as a version
     * ("before restore"), so restoring that one undoes the restore.
     */
    async restoreVersion(actor: AccessActor, input: { documentId: string; versionId: string }): Promise<{ before: VersionView; restored: VersionView }> {
      await access.writableDocumentOrThrow(actor, input.documentId);
      const version = await versions.findWithState(input.documentId, input.versionId);
      if (!version) throw new AppError('NOT_FOUND', 'No such version.');
      const stamp = version.label ?? version.createdAt.toISOString().slice(0, 16).replace('T', ' ');
      const before = await snapshot(input.documentId, { label: `Before restoring ${stamp}`, reason: 'before-restore', createdById: actor.id, authorIds: [] });
      const source = new Y.Doc();
      Y.applyUpdate(source, version.yState);
      // Content and restore mark travel in one transaction, so editors clear their undo history
      // exactly when the restored content arrives (see restore-mark.ts).
      const mark: RestoreMark = { beforeVersionId: before.id, versionId: version.id, label: stamp, byId: actor.id, at: clock().toISOString() };
      await live.change(input.documentId, (doc) =>
        doc.transact(() => {
          replaceContent(doc, source, SERVER_ORIGIN);
          markRestore(doc, mark);
        }, SERVER_ORIGIN),
      );
      source.destroy();
      const restored = await snapshot(input.documentId, { label: `Restored ${stamp}`, reason: 'restore', createdById: actor.id, authorIds: [actor.id] });
      const [b, r] = await versionViews([before, restored]);
      return { before: b!, restored: r! };
    },

    async listComments(actor: AccessActor | null, input: { documentId: string; linkKey?: string | null }): Promise<CommentRow[]> {
      await access.readableDocumentOrThrow(actor, input.documentId, input.linkKey);
      return comments.list(input.documentId);
    },

    /**
     * A comment (thread root with an anchor, or a reply). Mentions notify the mentioned people who
     * may read the document; others are dropped silently.
     */
    async addComment(
      actor: AccessActor,
      input: { documentId: string; body: string; anchor?: CommentAnchor | null; threadRootId?: string | null; mentionedIds?: string[] },
    ): Promise<CommentRow> {
      const ctx = await access.readableDocumentOrThrow(actor, input.documentId);
      if (!ctx.permissions.canComment) throw new AppError('FORBIDDEN', 'You can read this document but not comment on it.');
      const body = ZCommentBody.parse(input.body);
      let threadRootId: string | null = null;
      if (input.threadRootId) {
        const root = await comments.findById(input.threadRootId);
        if (!root || root.documentId !== input.documentId) throw new AppError('NOT_FOUND', 'No such comment thread.');
        threadRootId = root.threadRootId ?? root.id;
      }
      const anchor = !threadRootId && input.anchor ? ZCommentAnchor.parse(input.anchor) : null;
      const mentioned = await readersAmong(ctx, actor.id, input.mentionedIds ?? []);
      const comment = await comments.create({ documentId: input.documentId, threadRootId, authorId: actor.id, body, anchor, mentionedIds: mentioned });
      await notifications.createMany(
        mentioned.map((userId) => ({
          userId,
          kind: 'comment.mention',
          ref: { commentId: comment.id, documentId: input.documentId, projectId: ctx.project.id, communitySlug: ctx.community.slug, authorId: actor.id },
        })),
      );
      await contributions.append([{ userId: actor.id, communityId: ctx.community.id, projectId: ctx.project.id, kind: 'document.comment', ref: { documentId: input.documentId, commentId: comment.id }, at: clock() }]);
      return comment;
    },

    async setCommentResolved(actor: AccessActor, input: { commentId: string; resolved: boolean }): Promise<CommentRow> {
      const comment = await comments.findById(input.commentId);
      if (!comment) throw new AppError('NOT_FOUND', 'No such comment.');
      const ctx = await access.readableDocumentOrThrow(actor, comment.documentId);
      if (!ctx.permissions.canComment) throw new AppError('FORBIDDEN', 'You cannot resolve comments here.');
      const rootId = comment.threadRootId ?? comment.id;
      await comments.setResolved(rootId, input.resolved ? { at: clock(), by: actor.id } : null);
      return (await comments.findById(rootId))!;
    },

    /**
     * People mentioned in the document body by a writer (the realtime server reports mention nodes
     * that an edit inserted). Each mentioned reader gets a `document.mention` notification linking
     * to the document; ids of non-members or people who cannot read it are dropped silently.
     */
    async notifyBodyMentions(actor: AccessActor, input: { documentId: string; mentionedIds: string[] }): Promise<string[]> {
      const ctx = await access.writableDocumentOrThrow(actor, input.documentId);
      const mentioned = await readersAmong(ctx, actor.id, input.mentionedIds);
      const url = `/communities/${ctx.community.slug}/projects/${ctx.project.slug}/documents/${input.documentId}`;
      await notifications.createMany(
        mentioned.map((userId) => ({
          userId,
          kind: DOCUMENT_MENTION_KIND,
          ref: { documentId: input.documentId, documentTitle: ctx.document.title, projectId: ctx.project.id, communitySlug: ctx.community.slug, authorId: actor.id, url },
        })),
      );
      return mentioned;
    },

    async mentionCandidates(actor: AccessActor, input: { documentId: string; query: string }): Promise<{ id: string; name: string }[]> {
      const ctx = await access.readableDocumentOrThrow(actor, input.documentId);
      return communities.searchActiveMembers(ctx.community.id, input.query.trim().slice(0, 50), 8);
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;

