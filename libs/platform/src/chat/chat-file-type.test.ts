import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffChatFileType } from './chat-file-type';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffChatFileType', () => {
  it('reads the type from the bytes, whatever the name says', () => {
    expect(sniffChatFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'notes.pdf')).toEqual({ mediaType: 'image/png', inline: true });
    expect(sniffChatFileType(bytes(0xff, 0xd8, 0xff, 0xe0), 'x')).toEqual({ mediaType: 'image/jpeg', inline: true });
    expect(sniffChatFileType(text('%PDF-1.4 ...'), 'photo.png')).toEqual({ mediaType: 'application/pdf', inline: false });
    expect(sniffChatFileType(bytes(0x50, 0x4b, 0x03, 0x04, 0), 'report.docx')?.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffChatFileType(bytes(0x50, 0x4b, 0x03, 0x04, 0), 'bundle.bin')?.mediaType).toBe('application/zip');
    expect(sniffChatFileType(bytes(0x1f, 0x8b, 8), 'a.gz')?.mediaType).toBe('application/gzip');
    expect(sniffChatFileType(text('name,n\nÀngel,1\n'), 'data.csv')).toEqual({ mediaType: 'text/csv', inline: false });
    expect(sniffChatFileType(text('just words'), 'readme')).toEqual({ mediaType: 'text/plain', inline: false });
  });

  it('refuses executables, markup, binary junk and empty files', () => {
    expect(sniffChatFileType(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1), 'cat.png')).toBeNull();
    expect(sniffChatFileType(bytes(0x4d, 0x5a, 0x90, 0), 'setup.txt')).toBeNull();
    expect(sniffChatFileType(text('  <svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg')).toBeNull();
    expect(sniffChatFileType(text('<!DOCTYPE html><script>alert(1)</script>'), 'page.txt')).toBeNull();
    expect(sniffChatFileType(bytes(0xc3, 0x28, 0x41), 'bad-utf8.txt')).toBeNull();
    expect(sniffChatFileType(new Uint8Array(), 'empty.txt')).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps only a safe base name', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\me\\Plan "final".pdf')).toBe('Plan final.pdf');
    expect(cleanFileName('  .hidden  ')).toBe('hidden');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(cleanFileName('')).toBe('file');
    expect(cleanFileName(null)).toBe('file');
    const long = cleanFileName(`${'x'.repeat(300)}.png`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.png')).toBe(true);
  });
});
