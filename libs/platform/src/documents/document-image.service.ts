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

/** Images by upload: writers add them to a document, its readers fetch them. */
export function createDocumentImageService(deps: { images: DocumentImageRepository; access: AccessService }) {
  const { images, access } = deps;
  return {
    async uploadImage(actor: AccessActor, input: { documentId: string; content: Uint8Array }): Promise<DocumentImageView> {
      await access.writableDocumentOrThrow(actor, input.documentId);
      if (input.content.byteLength === 0) throw new AppError('BAD_REQUEST', 'The image is empty.');
      if (input.content.byteLength > MAX_DOCUMENT_IMAGE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Images can be at most ${MAX_DOCUMENT_IMAGE_BYTES / 1024 / 1024} MB.`);
      const mediaType = sniffImageType(input.content);
      if (!mediaType) throw new AppError('BAD_REQUEST', 'Only PNG, JPEG, GIF and WebP images can be uploaded.');
      const sha256 = createHash('sha256').update(input.content).digest('hex');
      const row = await images.put({ documentId: input.documentId, sha256, mediaType, content: input.content, uploadedById: actor.id });
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
