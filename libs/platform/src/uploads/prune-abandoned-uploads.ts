import type { ChatAttachmentRepository } from '../chat/chat-attachment.repository';
import type { DocumentImageRepository } from '../documents/document-image.repository';

/** How long an upload may wait to be sent with a message or used in its document. */
export const ABANDONED_UPLOAD_AGE_MS = 24 * 3_600_000;

const BATCH = 500;
/** Bounds one run; what is left waits for the next run (the job is scheduled hourly). */
const MAX_BATCHES = 20;

export interface PrunedUploads {
  chatAttachments: number;
  chatBlobs: number;
  documentImages: number;
}

/**
 * Deletes uploads nobody used within `ABANDONED_UPLOAD_AGE_MS`: chat files never sent with a
 * message (their rows, and their bytes once no other upload shares them) and document images their
 * document no longer holds. Works in batches, so it never holds many rows locked at once; safe to
 * run twice or in two workers (each batch skips rows another is deleting).
 */
export async function pruneAbandonedUploads(
  deps: { chatAttachments: Pick<ChatAttachmentRepository, 'pruneAbandoned'>; images: Pick<DocumentImageRepository, 'pruneUnreferenced'> },
  now: Date,
  opts: { olderThanMs?: number; batch?: number } = {},
): Promise<PrunedUploads> {
  const before = new Date(now.getTime() - (opts.olderThanMs ?? ABANDONED_UPLOAD_AGE_MS));
  const batch = opts.batch ?? BATCH;
  const out: PrunedUploads = { chatAttachments: 0, chatBlobs: 0, documentImages: 0 };
  for (let i = 0; i < MAX_BATCHES; i += 1) {
    const { attachments, blobs } = await deps.chatAttachments.pruneAbandoned(before, batch);
    out.chatAttachments += attachments;
    out.chatBlobs += blobs;
    if (attachments < batch) break;
  }
  for (let i = 0; i < MAX_BATCHES; i += 1) {
    const images = await deps.images.pruneUnreferenced(before, batch);
    out.documentImages += images;
    if (images < batch) break;
  }
  return out;
}
