/**
 * Helpers for the CLI tests: spawn the real CLI (through tsx) in a fresh process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd?: string): CliResult {
  const r = spawnSync(process.execPath, ['--import', TSX_LOADER, MAIN, ...args], {
    encoding: 'utf8',
    cwd: cwd ?? tmpdir(),
    env: { ...process.env, P2PV_SIM_DEBUG: '0' },
    maxBuffer: 256 * 1024 * 1024,
    // spawnSync blocks the test worker, so vitest's own timeout could never fire on a hang.
    timeout: 150_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sim-cli-test-'));
}

export { join };
