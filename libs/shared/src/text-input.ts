/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a string with one fails deep in the
 * database driver, which would surface as a 500 after other work was done. The edges (tRPC, REST,
 * socket.io) refuse such input up front with a clear error instead (found by the input fuzz test).
 */
export const NUL_CHARACTER_MESSAGE = 'Text cannot contain the NUL character (\\u0000).';

/**
 * The path of the first string inside `value` that contains U+0000 (e.g. `"items.2.title"`, or
 * `""` for the value itself), or null when there is none. Walks plain objects and arrays, not
 * binary data; stops at `maxDepth` levels (deeper input is refused by the schemas anyway).
 */
export function findNulCharacter(value: unknown, maxDepth = 12): string | null {
  const walk = (node: unknown, path: string, depth: number): string | null => {
    if (typeof node === 'string') return node.includes('\u0000') ? path : null;
    if (node === null || typeof node !== 'object' || depth >= maxDepth || ArrayBuffer.isView(node) || node instanceof Date) return null;
    const entries: Array<[string, unknown]> = Array.isArray(node) ? node.map((item, index) => [String(index), item]) : Object.entries(node);
    for (const [key, child] of entries) {
      if (key.includes('\u0000')) return path ? `${path}.${key.replaceAll('\u0000', '\\u0000')}` : key.replaceAll('\u0000', '\\u0000');
      const found = walk(child, path ? `${path}.${key}` : key, depth + 1);
      if (found !== null) return found;
    }
    return null;
  };
  return walk(value, '', 0);
}
