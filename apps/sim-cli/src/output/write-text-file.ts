import { writeFileSync } from 'node:fs';
import { CliError } from '../cli-error';

/** Write a whole file, or stdout for "-"; I/O failures become one-line CliErrors. */
export function writeTextFile(path: string, text: string, what: string): void {
  if (path === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new CliError(`cannot write ${what} ${JSON.stringify(path)} (${(e as { code?: string }).code ?? 'error'})`);
  }
}

/** The run output file format implied by its extension. */
export function outputFormat(path: string): 'json' | 'csv' {
  if (path === '-' || path.endsWith('.json')) return 'json';
  if (path.endsWith('.csv')) return 'csv';
  throw new CliError(`--out must end in .json or .csv (or be - for JSON on stdout), got ${JSON.stringify(path)}`);
}

/** Canonical JSON text of an output: compact, insertion-ordered, newline-terminated. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
