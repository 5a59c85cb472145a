import { readFileSync } from 'node:fs';
import { CliError } from './cli-error';

/** Read and parse a JSON file, turning I/O and syntax errors into one-line CliErrors. */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'error';
    throw new CliError(`cannot read ${what} ${JSON.stringify(path)} (${code})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError(`${what} ${JSON.stringify(path)} is not valid JSON: ${(e as Error).message}`);
  }
}
