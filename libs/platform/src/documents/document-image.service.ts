import { createHash } from 'node:crypto';
import { AppError } from '@p2pvalue/shared';
import type { AccessActor } from '../access/access.policy';
import type { AccessService } from '../access/access.service';
import type { DocumentImageRepository, DocumentImageRow } from './document-image.repository';
import { MAX_DOCUMENT_IMAGE_BYTES, sniffImageType } from './image-type';

/** Where an image is served: the document's readers (share-link readers add `?key=`) may fetch it. */
export const documentImagePath = (documentId: string, imageId: string) => `/api/v1/documents/${documentId}/images/${imageId}`;

export interface DocumentImageView extends DocumentImageRow {
  url: string;
}

export interface DocumentImageLimits {
  /** Upload attempts per person per window (every attempt counts, refused ones too: each one moves bytes). */
  uploadsPerWindow: number;
  windowMs: number;
}

export const DEFAULT_DOCUMENT_IMAGE_LIMITS: DocumentImageLimits = { uploadsPerWindow: 20, windowMs: 60_000 };

/** Images by upload: writers add them to a document, its readers fetch them. */
export function createDocumentImageService(deps: { images: DocumentImageRepository; access: AccessService; clock?: () => Date; limits?: Partial<DocumentImageLimits> }) {
  const { images, access } = deps;
  const clock = deps.clock ?? (() => new Date());
  const limits = { ...DEFAULT_DOCUMENT_IMAGE_LIMITS, ...deps.limits };

  async function admitUploadOrThrow(actor: AccessActor): Promise<void> {
    const now = clock();
    const { count, windowStart } = await images.countUploadAttempt(actor.id, now, limits.windowMs);
    if (count <= limits.uploadsPerWindow) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + limits.windowMs - now.getTime()) / 1000));
    const perMinute = limits.windowMs === 60_000 ? 'a minute' : `${Math.round(limits.windowMs / 1000)} seconds`;
    throw new AppError('TOO_MANY_REQUESTS', `You can add at most ${limits.uploadsPerWindow} images in ${perMinute}. Try again in ${retryAfterSeconds} s.`, { details: { retryAfterSeconds } });
  }

  return {
    /**
     * Adds an image to a document. `readContent` is called only once the caller may write there and
     * is within the upload limit, so refused uploads are not read.
     */
    async uploadImage(actor: AccessActor, input: { documentId: string; readContent: () => Promise<Uint8Array> }): Promise<DocumentImageView> {
      await access.writableDocumentOrThrow(actor, input.documentId);
      await admitUploadOrThrow(actor);
      const content = await input.readContent();
      if (content.byteLength === 0) throw new AppError('BAD_REQUEST', 'The image is empty.');
      if (content.byteLength > MAX_DOCUMENT_IMAGE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Images can be at most ${MAX_DOCUMENT_IMAGE_BYTES / 1024 / 1024} MB.`);
      const mediaType = sniffImageType(content);
      if (!mediaType) throw new AppError('BAD_REQUEST', 'Only PNG, JPEG, GIF and WebP images can be uploaded.');
      const sha256 = createHash('sha256').update(content).digest('hex');
      const row = await images.put({ documentId: input.documentId, sha256, mediaType, content, uploadedById: actor.id });
      return { ...row, url: documentImagePath(row.documentId, row.id) };
    },

    async getImage(actor: AccessActor | null, input: { documentId: string; imageId: string; linkKey?: string | null }): Promise<DocumentImageRow & { content: Uint8Array }> {
      await access.readableDocumentOrThrow(actor, input.documentId, input.linkKey);
      const image = await images.findWithContent(input.documentId, input.imageId);
      if (!image) throw new AppError('NOT_FOUND', 'No such image.');
      return image;
    },
  };
}

export type DocumentImageService = ReturnType<typeof createDocumentImageService>;
