import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Compact storage for per-tick series and checkpoints: JSON, gzipped. Series are columnar
 * (`{ ticks, metrics: { <id>: values[] } }`), which gzip shrinks well.
 */
export interface StoredSeries {
  ticks: number;
  metrics: Record<string, (number | null)[]>;
}

export function packJson(value: unknown): Uint8Array {
  return gzipSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 6 });
}

export function unpackJson<T>(bytes: Uint8Array): T {
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as T;
}
