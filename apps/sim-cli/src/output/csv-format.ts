/**
 * CSV cell formatting (RFC 4180). Numbers use JavaScript's shortest round-trip form, so a value
 * read back is bit-identical and files are byte-stable across runs and platforms; null (an
 * undefined metric, e.g. a mean over an empty role) is an empty cell.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}
