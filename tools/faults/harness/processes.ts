import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(command: string, args: string[], options: SpawnOptions & { env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  alive(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once, like a crash. */
  kill(): Promise<void>;
}

/** Starts a long-running child whose output goes to `logFile`; only this handle ever stops it. */
export function startProcess(name: string, command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd: string; logFile: string }): ManagedProcess {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  const pid = child.pid;

  const signalAndWait = async (signal: NodeJS.Signals, graceMs: number) => {
    if (exited) return;
    child.kill(signal);
    const timer = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, graceMs);
    await exit;
    clearTimeout(timer);
  };
  return {
    name,
    pid,
    logFile: options.logFile,
    alive: () => !exited,
    stop: (graceMs = 15_000) => signalAndWait('SIGTERM', graceMs),
    kill: () => signalAndWait('SIGKILL', 0),
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 250): Promise<{ value: T; ms: number } | null> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const value = await probe();
    if (value !== undefined) return { value, ms: Math.round(performance.now() - started) };
    await sleep(intervalMs);
  }
  return null;
}
