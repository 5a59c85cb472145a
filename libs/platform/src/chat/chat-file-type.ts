import { sniffImageType } from '../documents/image-type';

/** Largest file one can share in chat. */
export const MAX_CHAT_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Files per message. */
export const MAX_CHAT_ATTACHMENTS_PER_MESSAGE = 10;

export interface ChatFileType {
  mediaType: string;
  /** images are shown in the conversation; everything else is offered as a download */
  inline: boolean;
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';

// ZIP containers that office suites write; the bytes only prove "ZIP", so the name picks the label.
const ZIP_KINDS: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

const TEXT_KINDS: Record<string, string> = { csv: 'text/csv', md: 'text/markdown', json: 'application/json', tsv: 'text/tab-separated-values' };

/** UTF-8 without NUL or other control characters (tabs, line and page breaks allowed). */
function isPlainText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return false;
    if (b === 0x7f) return false;
  }
  try {
    // A multi-byte character cut at the sample's end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample.byteLength < bytes.byteLength ? sample.subarray(0, sample.byteLength - 4) : sample);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a file is, read from its bytes (the client's Content-Type is never trusted): PNG, JPEG,
 * GIF and WebP images (shown inline), PDF, ZIP and the office formats built on it, gzip, and plain
 * UTF-8 text. Anything else (executables, SVG, unknown binaries, …) is refused with null.
 */
export function sniffChatFileType(bytes: Uint8Array, name: string): ChatFileType | null {
  if (bytes.byteLength === 0) return null;
  const image = sniffImageType(bytes);
  if (image) return { mediaType: image, inline: true };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mediaType: 'application/pdf', inline: false };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { mediaType: ZIP_KINDS[extensionOf(name)] ?? 'application/zip', inline: false };
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return { mediaType: 'application/gzip', inline: false };
  // Markup that a browser would run is not shared as text.
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (/^(<\?xml|<!doctype|<html|<svg|<script)/.test(head)) return null;
  if (isPlainText(bytes)) return { mediaType: TEXT_KINDS[extensionOf(name)] ?? 'text/plain', inline: false };
  return null;
}

/** The file's name without any path, control or quote characters; never empty. */
export function cleanFileName(raw: string | null | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (!cleaned) return 'file';
  if (cleaned.length <= 120) return cleaned;
  const ext = extensionOf(cleaned);
  return ext ? `${cleaned.slice(0, 119 - ext.length)}.${ext}` : cleaned.slice(0, 120);
}
