import { z } from 'zod';
import { MAX_DOCUMENT_IMAGE_BYTES } from '@p2pvalue/platform';
import { AppError, HTTP_STATUS_BY_CODE, isAppError } from '@p2pvalue/shared';
import type { Viewer } from '../../auth/viewer';
import { platformServices } from '../../platform';
import { getDb } from '../../db';
import { readBodyUpTo } from '../../http/read-body';
import { databaseFailureError } from '../../database-unavailable';

// Document images move bytes, so they are plain HTTP routes beside tRPC: upload under
// /api/uploads (past the HTTP front's JSON body limit), download under /api/v1.

const ZDocumentImageRef = z.object({ documentId: z.uuid(), imageId: z.uuid().optional() });

function errorResponse(caught: unknown): Response {
  const error = databaseFailureError(caught) ?? caught;
  if (isAppError(error)) {
    const retryAfter = error.details?.retryAfterSeconds;
    const headers = typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : undefined;
    return Response.json({ message: error.userMessage, code: error.code }, { status: HTTP_STATUS_BY_CODE[error.code], headers });
  }
  throw error;
}

function refOrThrow(ref: { documentId: string; imageId?: string }) {
  const parsed = ZDocumentImageRef.safeParse(ref);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'No such image.');
  return parsed.data;
}

/** PUT /api/uploads/documents/{documentId}/images with the image bytes: `{ id, url, mediaType, size }`. */
export async function uploadDocumentImage(viewer: Viewer | null, ref: { documentId: string }, req: Request): Promise<Response> {
  try {
    if (!viewer) throw new AppError('UNAUTHORIZED', 'Sign in to add images.');
    const { documentId } = refOrThrow(ref);
    const declared = Number(req.headers.get('content-length') ?? 'NaN');
    if (!Number.isFinite(declared)) throw new AppError('BAD_REQUEST', 'Send the image with a Content-Length.');
    if (declared > MAX_DOCUMENT_IMAGE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Images can be at most ${MAX_DOCUMENT_IMAGE_BYTES / 1024 / 1024} MB.`);
    // The body is read only once the caller may write there and is within the upload limit.
    const image = await platformServices(getDb()).documentImages.uploadImage({ id: viewer.id, role: viewer.role }, { documentId, readContent: () => readBodyUpTo(req, MAX_DOCUMENT_IMAGE_BYTES, `Images can be at most ${MAX_DOCUMENT_IMAGE_BYTES / 1024 / 1024} MB.`) });
    return Response.json({ id: image.id, url: image.url, mediaType: image.mediaType, size: image.size }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** GET /api/v1/documents/{id}/images/{imageId}[?key=share-link key]: the image, to the document's readers only. */
export async function downloadDocumentImage(viewer: Viewer | null, ref: { documentId: string; imageId: string }, url: URL): Promise<Response> {
  try {
    const { documentId, imageId } = refOrThrow(ref);
    const linkKey = url.searchParams.get('key')?.slice(0, 100) ?? null;
    const image = await platformServices(getDb()).documentImages.getImage(viewer ? { id: viewer.id, role: viewer.role } : null, { documentId, imageId: imageId!, linkKey });
    return new Response(image.content as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': image.mediaType,
        'content-length': String(image.size),
        etag: `"${image.sha256}"`,
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
