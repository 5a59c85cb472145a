import { describe, expect, it } from 'vitest';
import { findNulCharacter } from './text-input';

describe('findNulCharacter', () => {
  it('finds U+0000 in the value itself, nested fields, array items and keys', () => {
    expect(findNulCharacter('a\u0000b')).toBe('');
    expect(findNulCharacter({ title: 'ok', body: { text: 'x\u0000' } })).toBe('body.text');
    expect(findNulCharacter({ items: ['a', 'b', '\u0000'] })).toBe('items.2');
    expect(findNulCharacter({ ['k\u0000']: 1 })).toBe('k\\u0000');
  });

  it('passes text without it, other types and binary data', () => {
    expect(findNulCharacter({ a: 'plain', b: 1, c: null, d: [true, new Date(0)], e: undefined })).toBeNull();
    expect(findNulCharacter(Uint8Array.from([0, 0, 0]))).toBeNull();
    expect(findNulCharacter('\\u0000 written out is fine')).toBeNull();
  });

  it('stops at the depth limit', () => {
    const deep = { a: { b: { c: '\u0000' } } };
    expect(findNulCharacter(deep, 2)).toBeNull();
    expect(findNulCharacter(deep, 3)).toBe('a.b.c');
  });
});
