import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, createCaller } from '../trpc/root';
import { createContextInner } from '../trpc/context';
import { isAllowed, outcomeOf, PERSONAS, type Persona } from './access-classes';
import { accessMatrix, casesOf } from './access-matrix';
import { createSecurityWorld, type SecurityWorld } from './security-fixtures';

// Enumerated from the router at collection time, so a new procedure shows up here by itself.
const procedures = Object.keys(appRouter._def.procedures).sort();

// Six personas, some with fresh communities each: more than vitest's default on a loaded machine.
const CASE_TIMEOUT_MS = 120_000;

let world: SecurityWorld;
const tally = { cases: 0, calls: 0, allowed: 0, refused: 0 };

beforeAll(async () => {
  world = await createSecurityWorld();
}, 300_000);

afterAll(() => {
  // The figures docs/security.md quotes.
  console.info(`tRPC access matrix: ${procedures.length} procedures, ${tally.cases} cases, ${tally.calls} calls (${tally.allowed} allowed, ${tally.refused} refused)`);
});

function call(persona: Persona, path: string, input: unknown): Promise<unknown> {
  const viewer = persona === 'anonymous' ? null : world.users[persona];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller is walked by path, as the HTTP adapter does
  const procedure = path.split('.').reduce<any>((node, key) => node[key], createCaller(createContextInner({ viewer })));
  return procedure(input);
}

describe('tRPC access matrix', () => {
  it('has an entry for every procedure of the router, and none for procedures that are gone', () => {
    const missing = procedures.filter((path) => !(path in accessMatrix));
    const stale = Object.keys(accessMatrix).filter((path) => !procedures.includes(path));
    expect(missing, `add an entry to apps/web/src/server/security/access-matrix.ts for: ${missing.join(', ')}`).toEqual([]);
    expect(stale, `remove these entries from apps/web/src/server/security/access-matrix.ts (no such procedure): ${stale.join(', ')}`).toEqual([]);
  });

  for (const path of procedures) {
    for (const entry of casesOf(path)) {
      const name = `${path}${entry.label ? ` (${entry.label})` : ''} is ${entry.access}`;
      // A skipped case is a known hole (see `hole` in access-matrix.ts); it asserts the correct outcome.
      (entry.hole ? it.skip : it)(name, async () => {
        tally.cases += 1;
        const mismatches: string[] = [];
        for (const persona of PERSONAS) {
          const input = await entry.input(world, persona);
          const result = await call(persona, path, input).then(
            (value) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          let outcome = outcomeOf(result);
          if (result.ok && entry.filtered?.(result.value)) outcome = { kind: 'refused', detail: 'empty result' };
          const expected = isAllowed(entry.access, persona) ? 'allowed' : 'refused';
          tally.calls += 1;
          if (outcome.kind === 'allowed') tally.allowed += 1;
          if (outcome.kind === 'refused') tally.refused += 1;
          if (outcome.kind !== expected) mismatches.push(`${persona}: expected ${expected}, got ${outcome.kind} (${outcome.detail})`);
        }
        expect(mismatches, `${name}: mismatches`).toEqual([]);
      }, CASE_TIMEOUT_MS);
    }
  }
});
