import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';

// Deliberate violations, linted as if they lived in the named files: each rule must fire.
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

describe('architecture lint rules', () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  it('libs/sim may not import libs/db', async () => {
    const ids = await ruleIdsFor("import { getPrisma } from '@p2pvalue/db';\nexport const p = getPrisma;\n", 'libs/sim/src/fixture-violation.ts');
    expect(ids).toContain('@nx/enforce-module-boundaries');
  });

  it('libs/sim may not import node built-ins', async () => {
    const ids = await ruleIdsFor("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'libs/sim/src/fixture-violation.ts');
    expect(ids).toContain('no-restricted-imports');
  });

  it('libs/sim may not use Math.random or Date.now', async () => {
    const ids = await ruleIdsFor('export const a = Math.random();\nexport const b = Date.now();\n', 'libs/sim/src/fixture-violation.ts');
    expect(ids.filter((id) => id === 'no-restricted-properties')).toHaveLength(2);
  });

  it('a library may not read process.env outside its env file', async () => {
    const ids = await ruleIdsFor('export const url = process.env.DATABASE_URL;\n', 'libs/platform/src/fixture-violation.ts');
    expect(ids).toContain('no-restricted-properties');
    const allowed = await ruleIdsFor('export const url = process.env.DATABASE_URL;\n', 'libs/db/src/env.ts');
    expect(allowed).not.toContain('no-restricted-properties');
  });

  it('domain libraries may not import UI or transport packages', async () => {
    const ids = await ruleIdsFor("import { Queue } from 'bullmq';\nexport const q = Queue;\n", 'libs/platform/src/fixture-violation.ts');
    expect(ids).toContain('@nx/enforce-module-boundaries');
  });

  it('apps may not import each other', async () => {
    const ids = await ruleIdsFor("import { x } from '../../worker/src/main';\nexport const y = x;\n", 'apps/web/src/fixture-violation.ts');
    expect(ids).toContain('@nx/enforce-module-boundaries');
  });

  it('a clean file in libs/sim passes', async () => {
    const ids = await ruleIdsFor('export const twice = (n: number): number => n * 2;\n', 'libs/sim/src/fixture-clean.ts');
    expect(ids).toEqual([]);
  });
});
