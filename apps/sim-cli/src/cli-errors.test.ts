import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './cli';
import { join, runCli, tempDir } from './test-support';

/** A spawned usage error: exit code 2, exactly one line on stderr, nothing on stdout. */
function expectSpawnedUsageError(args: string[], pattern: RegExp): void {
  const r = runCli(args);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^p2pv-sim: /);
  expect(lines[0]).toMatch(pattern);
}

describe('p2pv-sim usage errors (spawned process)', { timeout: 120_000 }, () => {
  it('exits 2 with one stderr line for an unknown command and an unknown flag', () => {
    expectSpawnedUsageError(['frobnicate'], /unknown command "frobnicate"/);
    expectSpawnedUsageError(['run', '--seed', '1', '--bogus'], /unknown option --bogus/);
  });

  it('exits 2 with one stderr line for an invalid parameter and an unreadable file', () => {
    expectSpawnedUsageError(['run', '--seed', '1', '--set', 'initial-number-1s=-4'], /initial-number-1s/);
    expectSpawnedUsageError(['run', '--seed', '1', '--params', join(tempDir(), 'missing.json')], /cannot read params file .*ENOENT/);
  });

  it('lists the experiments', () => {
    const r = runCli(['experiments', '--list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/21sep_largeSteady_online\s+120\s+800\s+96000/);
    expect(r.stdout.trim().split('\n')).toHaveLength(15);
  });
});

describe('p2pv-sim usage errors (in-process)', () => {
  let stderr = '';
  let stdout = '';
  beforeEach(() => {
    stderr = '';
    stdout = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function expectUsageError(args: string[], pattern: RegExp): Promise<void> {
    stderr = '';
    stdout = '';
    expect(await main(args), stderr).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  }

  it('rejects unknown flags and stray arguments', async () => {
    await expectUsageError(['experiment', '--name', 'default', '--turbo'], /unknown option --turbo for "experiment"/);
    await expectUsageError(['run', 'extra', '--seed', '1'], /unexpected argument/);
    await expectUsageError(['run', '--seed', '1', '--quiet'], /unknown option --quiet/);
    await expectUsageError(['experiments', '--list=yes'], /--list .*takes no value/);
  });

  it('rejects bad values', async () => {
    await expectUsageError(['run'], /needs --seed/);
    await expectUsageError(['run', '--seed'], /--seed .*needs a value/);
    await expectUsageError(['run', '--seed', '1.5'], /--seed must be an integer, got "1.5"/);
    await expectUsageError(['run', '--seed', '1', '--ticks=-3'], /--ticks must be an integer >= 0/);
    await expectUsageError(['run', '--seed', '1', '--ticks', '-3'], /write a value starting with "-" as --ticks=<value>/);
    await expectUsageError(['run', '--seed', '1', '--variant', 'D3'], /--variant must be one of D2.2, final/);
    await expectUsageError(['run', '--seed', '1', '--fidelity', 'loose'], /--fidelity/);
    await expectUsageError(['run', '--seed', '1', '--out', 'x.txt'], /--out must end in .json or .csv/);
    await expectUsageError(['run', '--seed', '1', '--snapshot-at', '5'], /must be given together/);
    await expectUsageError(['run', '--seed', '1', '--ticks', '5', '--snapshot-at', '9', '--snapshot-out', 's.json'], /beyond/);
    await expectUsageError(['run', '--seed', '1', '--preset', 'nope'], /unknown preset "nope"/);
    await expectUsageError(['experiment', '--name', 'default', '--workers', '0'], /--workers must be an integer in 1\.\.256/);
    await expectUsageError(['experiment'], /exactly one of --name/);
    await expectUsageError(['run', '--seed', '1', '--ticks', '1', '--vectors', 'nope'], /Unknown vector "nope"/);
  });

  it('rejects invalid parameters', async () => {
    await expectUsageError(['run', '--seed', '1', '--set', 'no-such-param=3'], /unknown parameter "no-such-param"/);
    await expectUsageError(['run', '--seed', '1', '--set', 'platform-features=maybe'], /platform-features: expected true\/false/);
    await expectUsageError(['run', '--seed', '1', '--set', 'initial-number-1s'], /name=value/);
    await expectUsageError(['run', '--seed', '1', '--set', 'initial-number-1s=abc'], /expected a number/);
    await expectUsageError(['run', '--seed', '1', '--set', 'reward-mechanism=lots'], /reward-mechanism/);
    await expectUsageError(['run', '--seed', '1', '--set', 'chance-9s-exit=1.5'], /chance-9s-exit/);
  });

  it('rejects unreadable and malformed files', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "initial-number-1s": ');
    await expectUsageError(['run', '--seed', '1', '--params', bad], /is not valid JSON/);
    const array = join(dir, 'array.json');
    writeFileSync(array, '[1, 2]');
    await expectUsageError(['run', '--seed', '1', '--params', array], /must contain a JSON object/);
    const badValue = join(dir, 'value.json');
    writeFileSync(badValue, '{ "chance-9s-exit": 7 }');
    await expectUsageError(['run', '--seed', '1', '--params', badValue], /chance-9s-exit/);
    await expectUsageError(['resume', '--snapshot', join(dir, 'none.json'), '--out', 'x.json'], /cannot read snapshot/);
    writeFileSync(join(dir, 'x.json'), '{"hello": 1}');
    await expectUsageError(['resume', '--snapshot', join(dir, 'x.json'), '--out', join(dir, 'o.json')], /not a p2pvalue snapshot/);
    writeFileSync(join(dir, 'y.json'), '{"kind": "p2pvalue-snapshot", "version": "0.0.1"}');
    await expectUsageError(['resume', '--snapshot', join(dir, 'y.json'), '--out', join(dir, 'o.json')], /cannot be resumed/);
    await expectUsageError(['run', '--seed', '1', '--ticks', '1', '--out', join(dir, 'no-such-dir', 'o.json')], /cannot write output/);
  });

  it('rejects invalid design files, naming the field', async () => {
    const dir = tempDir();
    const design = join(dir, 'design.json');
    writeFileSync(design, JSON.stringify({ name: 'd', repetitions: 1, steps: 5, enumerated: { 'initial-number-2s': [1] } }));
    await expectUsageError(['experiment', '--design', design], /design\.enumerated\["initial-number-2s"\]: unknown parameter/);
    writeFileSync(design, JSON.stringify({ name: 'd', repetitions: 0, steps: 5, enumerated: {} }));
    await expectUsageError(['experiment', '--design', design], /design\.repetitions: expected an integer >= 1/);
    writeFileSync(design, JSON.stringify({ name: 'd', repetitions: 1, steps: 5, enumerated: {}, metrics: ['count_1s', 'nope'] }));
    await expectUsageError(['experiment', '--design', design], /design\.metrics\[1\]: unknown metric "nope"/);
    writeFileSync(design, JSON.stringify({ name: 'd', repetitions: 1, steps: 5, enumerated: { 'chance-9s-exit': [0.1, 2] } }));
    await expectUsageError(['experiment', '--design', design], /condition 1: .*chance-9s-exit/);
  });

  it('prints help', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(stdout).toMatch(/p2pv-sim run/);
  });
});
