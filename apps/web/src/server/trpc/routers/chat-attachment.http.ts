import { z } from 'zod';
import { MAX_CHAT_ATTACHMENT_BYTES } from '@p2pvalue/platform';
import { AppError, HTTP_STATUS_BY_CODE, isAppError } from '@p2pvalue/shared';
import type { Viewer } from '../../auth/viewer';
import { platformServices } from '../../platform';
import { getDb } from '../../db';
import { readBodyUpTo } from '../../http/read-body';
import { databaseFailureError } from '../../database-unavailable';

// Chat files move bytes, so they are plain HTTP routes beside tRPC (like document images): upload
// under /api/uploads (past the HTTP front's JSON body limit), download under /api/v1.

const ZChannelRef = z.object({ channelId: z.uuid() });
const ZAttachmentRef = z.object({ attachmentId: z.uuid() });
const ZFileName = z.string().max(1000).nullable();

const LIMIT_MB = MAX_CHAT_ATTACHMENT_BYTES / 1024 / 1024;

function errorResponse(caught: unknown): Response {
  const error = databaseFailureError(caught) ?? caught;
  if (isAppError(error)) return Response.json({ message: error.userMessage, code: error.code }, { status: HTTP_STATUS_BY_CODE[error.code] });
  throw error;
}

/**
 * PUT /api/uploads/chat/{channelId}/attachments?name=<file name> with the file's bytes →
 * 201 `{ id, name, url, contentType, size }`; send it with a message's `attachmentIds`.
 * The type is sniffed from the bytes; the declared Content-Type is ignored.
 */
export async function uploadChatAttachment(viewer: Viewer | null, ref: { channelId: string }, req: Request): Promise<Response> {
  try {
    if (!viewer) throw new AppError('UNAUTHORIZED', 'Sign in to share files.');
    const parsed = ZChannelRef.safeParse(ref);
    if (!parsed.success) throw new AppError('NOT_FOUND', 'No such channel.');
    const name = ZFileName.safeParse(new URL(req.url).searchParams.get('name'));
    if (!name.success) throw new AppError('BAD_REQUEST', 'The file name is too long.');
    const declared = Number(req.headers.get('content-length') ?? 'NaN');
    if (!Number.isFinite(declared)) throw new AppError('BAD_REQUEST', 'Send the file with a Content-Length.');
    if (declared > MAX_CHAT_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Files can be at most ${LIMIT_MB} MB.`);
    const content = await readBodyUpTo(req, MAX_CHAT_ATTACHMENT_BYTES, `Files can be at most ${LIMIT_MB} MB.`);
    const attachment = await platformServices(getDb()).chat.uploadAttachment(
      { id: viewer.id, role: viewer.role },
      { channelId: parsed.data.channelId, name: name.data, content },
    );
    return Response.json(attachment, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266), safe for any name. */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** GET /api/v1/chat/attachments/{attachmentId}: the file, to readers of its channel only (others get 404). */
export async function downloadChatAttachment(viewer: Viewer | null, ref: { attachmentId: string }): Promise<Response> {
  try {
    if (!viewer) throw new AppError('UNAUTHORIZED', 'Sign in to see this file.');
    const parsed = ZAttachmentRef.safeParse(ref);
    if (!parsed.success) throw new AppError('NOT_FOUND', 'No such file.');
    const file = await platformServices(getDb()).chat.getAttachment({ id: viewer.id, role: viewer.role }, parsed.data.attachmentId);
    const inline = file.mediaType.startsWith('image/');
    return new Response(file.content as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': file.mediaType,
        'content-length': String(file.size),
        'content-disposition': disposition(inline ? 'inline' : 'attachment', file.name),
        etag: `"${file.sha256}"`,
        // Who may see it depends on the caller: never in shared caches. The bytes behind an id never change.
        'cache-control': 'private, max-age=86400',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
