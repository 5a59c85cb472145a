import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join, runCli, tempDir } from './test-support';

/** Every usage error: exit code 2 and exactly one line on stderr, nothing on stdout. */
function expectUsageError(args: string[], pattern: RegExp): void {
  const r = runCli(args);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^p2pv-sim: /);
  expect(lines[0]).toMatch(pattern);
}

describe('p2pv-sim usage errors', { timeout: 60_000 }, () => {
  it('rejects unknown commands and flags', () => {
    expectUsageError(['frobnicate'], /unknown command "frobnicate"/);
    expectUsageError(['run', '--seed', '1', '--bogus'], /unknown option --bogus/);
    expectUsageError(['experiment', '--name', 'default', '--turbo'], /unknown option --turbo/);
    expectUsageError(['run', 'extra', '--seed', '1'], /unexpected argument/);
  });

  it('rejects bad values', () => {
    expectUsageError(['run'], /needs --seed/);
    expectUsageError(['run', '--seed'], /--seed .*needs a value/);
    expectUsageError(['run', '--seed', '1.5'], /--seed must be an integer/);
    expectUsageError(['run', '--seed', '1', '--ticks=-3'], /--ticks must be an integer >= 0/);
    expectUsageError(['run', '--seed', '1', '--ticks', '-3'], /write a value starting with "-" as --ticks=<value>/);
    expectUsageError(['run', '--seed', '1', '--quiet'], /unknown option --quiet/);
    expectUsageError(['experiments', '--list=yes'], /--list .*takes no value/);
    expectUsageError(['run', '--seed', '1', '--variant', 'D3'], /--variant must be one of D2.2, final/);
    expectUsageError(['run', '--seed', '1', '--fidelity', 'loose'], /--fidelity/);
    expectUsageError(['run', '--seed', '1', '--out', 'x.txt'], /--out must end in .json or .csv/);
    expectUsageError(['run', '--seed', '1', '--snapshot-at', '5'], /must be given together/);
    expectUsageError(['run', '--seed', '1', '--preset', 'nope'], /unknown preset "nope"/);
    expectUsageError(['experiment', '--name', 'default', '--workers', '0'], /--workers must be an integer in 1\.\.256/);
    expectUsageError(['experiment'], /exactly one of --name/);
  });

  it('rejects invalid parameters', () => {
    expectUsageError(['run', '--seed', '1', '--set', 'no-such-param=3'], /unknown parameter "no-such-param"/);
    expectUsageError(['run', '--seed', '1', '--set', 'initial-number-1s=-4'], /initial-number-1s/);
    expectUsageError(['run', '--seed', '1', '--set', 'platform-features=maybe'], /platform-features: expected true\/false/);
    expectUsageError(['run', '--seed', '1', '--set', 'initial-number-1s'], /name=value/);
    expectUsageError(['run', '--seed', '1', '--set', "reward-mechanism=lots"], /reward-mechanism/);
  });

  it('rejects unreadable and malformed files', () => {
    const dir = tempDir();
    expectUsageError(['run', '--seed', '1', '--params', join(dir, 'missing.json')], /cannot read params file .*ENOENT/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "initial-number-1s": ');
    expectUsageError(['run', '--seed', '1', '--params', bad], /is not valid JSON/);
    const wrongType = join(dir, 'array.json');
    writeFileSync(wrongType, '[1, 2]');
    expectUsageError(['run', '--seed', '1', '--params', wrongType], /must contain a JSON object/);
    const badValue = join(dir, 'value.json');
    writeFileSync(badValue, '{ "chance-9s-exit": 7 }');
    expectUsageError(['run', '--seed', '1', '--params', badValue], /chance-9s-exit/);
    expectUsageError(['resume', '--snapshot', join(dir, 'none.json'), '--out', 'x.json'], /cannot read snapshot/);
    const design = join(dir, 'design.json');
    writeFileSync(design, JSON.stringify({ name: 'd', repetitions: 1, steps: 5, enumerated: { 'initial-number-2s': [1] } }));
    expectUsageError(['experiment', '--design', design], /design file .*unknown parameter "initial-number-2s"/);
    writeFileSync(design, JSON.stringify({ name: 'd', repetitions: 1, steps: 5, enumerated: { 'chance-9s-exit': [0.1, 2] } }));
    expectUsageError(['experiment', '--design', design], /condition 1: .*chance-9s-exit/);
  });

  it('lists the experiments', () => {
    const r = runCli(['experiments', '--list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/21sep_largeSteady_online\s+120\s+800\s+96000/);
    expect(r.stdout.trim().split('\n')).toHaveLength(15);
  });
});
