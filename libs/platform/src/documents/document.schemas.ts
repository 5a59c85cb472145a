import { z } from 'zod';

export const ZDocumentTitle = z.string().trim().min(1, 'Give it a title').max(200, 'At most 200 characters');
export const ZFolderName = z.string().trim().min(1, 'Give it a name').max(120, 'At most 120 characters');

const ZBase64 = z.string().max(2_000).regex(/^[A-Za-z0-9+/=]*$/);
export const ZCommentAnchor = z.object({ anchor: ZBase64, head: ZBase64, quote: z.string().max(500) });

export const ZCommentBody = z.string().trim().min(1, 'Write something').max(5_000, 'At most 5000 characters');
