import { z } from 'zod';

export const ZFolderOutput = z.object({ id: z.string(), projectId: z.string(), parentId: z.string().nullable(), name: z.string() });

export const ZDocumentOutput = z.object({
  id: z.string(),
  projectId: z.string(),
  folderId: z.string().nullable(),
  title: z.string(),
  kind: z.enum(['pad', 'doc']),
  /** the Hocuspocus document name (connect to /collab with it) */
  collabName: z.string(),
  access: z.enum(['read', 'write']),
  createdAt: z.date(),
  updatedAt: z.date(),
  editedAt: z.date().nullable(),
});

export const ZDocumentDetailOutput = ZDocumentOutput.extend({
  markdown: z.string(),
  plainText: z.string(),
  project: z.object({ id: z.string(), slug: z.string(), title: z.string(), archived: z.boolean() }),
  community: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
});

export const ZVersionOutput = z.object({
  id: z.string(),
  documentId: z.string(),
  label: z.string().nullable(),
  reason: z.string(),
  authors: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.date(),
});

export const ZVersionDetailOutput = ZVersionOutput.extend({
  markdown: z.string(),
  /** base64 of the full Yjs state, to render the version read-only */
  yState: z.string(),
  diff: z.array(z.object({ op: z.enum(['same', 'add', 'remove']), text: z.string() })),
});

export const ZCommentOutput = z.object({
  id: z.string(),
  documentId: z.string(),
  threadRootId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  anchor: z.object({ anchor: z.string(), head: z.string(), quote: z.string() }).nullable(),
  mentionedIds: z.array(z.string()),
  resolvedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZRealtimeTokenOutput = z.object({
  token: z.string(),
  expiresAt: z.date(),
  collabUrl: z.string(),
  socketUrl: z.string(),
});
