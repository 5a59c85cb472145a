'use client';

import { FileText, Paperclip, X } from 'lucide-react';
import type { ChatMessageWire } from '~/server/realtime/contracts';

export type ChatAttachment = ChatMessageWire['attachments'][number];

/** The size in B, KB or MB, for people. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const isImage = (a: ChatAttachment) => a.contentType.startsWith('image/');

/** A message's files: images shown inline (tap for full size), everything else as a download. */
export function MessageAttachments({ attachments }: { attachments: ChatAttachment[] }) {
  if (attachments.length === 0) return null;
  const images = attachments.filter(isImage);
  const files = attachments.filter((a) => !isImage(a));
  return (
    <div className="mt-1 grid gap-2">
      {images.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {images.map((a) => (
            <a key={a.id} href={a.url} target="_blank" rel="noopener" className="block overflow-hidden rounded-md border bg-muted/30">
              {/* A plain img: the file is served to channel readers only, and next/image's optimiser would fetch it without the reader's session. */}
              <img src={a.url} alt={a.name} loading="lazy" className="max-h-64 w-auto max-w-full object-contain" data-testid="chat-image" />
            </a>
          ))}
        </div>
      ) : null}
      {files.map((a) => (
        <a
          key={a.id}
          href={a.url}
          download={a.name}
          className="flex min-h-11 max-w-sm items-center gap-2 rounded-md border px-3 py-2 text-sm hover:bg-muted/50"
          data-testid="chat-file"
        >
          <FileText className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          <span className="flex-1 truncate">{a.name}</span>
          <span className="shrink-0 text-xs text-muted-foreground">{fileSize(a.size)}</span>
        </a>
      ))}
    </div>
  );
}

/** Files uploaded for the message being written, each removable before sending. */
export function DraftAttachments({ items, uploading, onRemove }: { items: ChatAttachment[]; uploading: string[]; onRemove: (id: string) => void }) {
  if (items.length === 0 && uploading.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2 px-2 pt-2" aria-label="Files to send">
      {items.map((a) => (
        <li key={a.id} className="flex max-w-60 items-center gap-1 rounded-full border bg-muted/40 py-1 pl-3 pr-1 text-xs" data-testid="draft-attachment">
          <Paperclip className="size-3 shrink-0" aria-hidden />
          <span className="truncate">{a.name}</span>
          <button type="button" className="grid size-7 place-items-center rounded-full hover:bg-muted" onClick={() => onRemove(a.id)} aria-label={`Remove ${a.name}`}>
            <X className="size-3" aria-hidden />
          </button>
        </li>
      ))}
      {uploading.map((name) => (
        <li key={name} className="rounded-full border px-3 py-1 text-xs text-muted-foreground" role="status">
          Uploading {name}…
        </li>
      ))}
    </ul>
  );
}

/** Uploads one file for a channel; the server sniffs its type and enforces the size limit. */
export async function uploadChatFile(channelId: string, file: File): Promise<ChatAttachment> {
  const res = await fetch(`/api/uploads/chat/${channelId}/attachments?name=${encodeURIComponent(file.name)}`, { method: 'PUT', body: file, credentials: 'same-origin' });
  const json = (await res.json().catch(() => ({}))) as Partial<ChatAttachment> & { message?: string };
  if (!res.ok) throw new Error(json.message ?? 'The file could not be uploaded.');
  return json as ChatAttachment;
}
