'use client';

import { useMemo, useState } from 'react';

function randomHex(bytes: number): string {
  // getRandomValues works outside secure contexts too (crypto.randomUUID does not).
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** FNV-1a over the design's JSON: equal designs give equal keys within one visit. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * An idempotency key for submitting `design`: the same for repeated submissions of one design
 * during this visit (a double click, a retry after a lost answer queue it once), and a new one
 * when the design changes, so an edited design is a new experiment.
 */
export function useIdempotencyKey(design: unknown): string {
  const [visit] = useState(() => randomHex(12));
  const json = JSON.stringify(design);
  return useMemo(() => `designer:${visit}:${fingerprint(json)}:${json.length}`, [visit, json]);
}
