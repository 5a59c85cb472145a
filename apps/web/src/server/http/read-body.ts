import { AppError } from '@p2pvalue/shared';

/**
 * Reads at most `limit` bytes of a request body; a longer body is refused (PAYLOAD_TOO_LARGE with
 * `tooLargeMessage`) without reading the rest. Upload handlers check Content-Length first; this
 * holds when the declared length lies.
 */
export async function readBodyUpTo(req: Request, limit: number, tooLargeMessage: string): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError('PAYLOAD_TOO_LARGE', tooLargeMessage);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
