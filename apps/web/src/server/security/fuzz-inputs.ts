import fc from 'fast-check';

/**
 * Input generators for the fuzz tests (trpc-input-fuzz.test.ts): hostile values from the OWASP
 * cheat sheets and the edges of JSON and PostgreSQL types, either as the whole input or put into
 * one place of a valid input (so that the call gets past the outer schema to the inner checks and
 * the business rules).
 */

/** Strings that have broken web apps: markup, SQL, path, format and encoding tricks. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uFEFF',
  '\uD800', // lone surrogate: not valid UTF-8
  '👩🏽‍💻'.repeat(50),
  'x'.repeat(20_000),
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "' OR '1'='1",
  "'; DROP TABLE \"user\"; --",
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '%s%s%n',
  '${7*7}{{7*7}}',
  'NaN',
  '-1',
  '1e309',
  '2026-13-45',
  'http://[::1]:6379/',
];

/** SQL-injection strings (OWASP testing guide) for every free-text search field, plus LIKE and tsquery syntax. */
export const SQL_INJECTION_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "' OR 1=1 --",
  '" OR ""="',
  "'; DROP TABLE \"user\"; --",
  "1; SELECT pg_sleep(5) --",
  "' UNION SELECT id, email, name FROM \"user\" --",
  "admin'--",
  "%' AND 1=0 UNION SELECT NULL --",
  '%',
  '_',
  '\\',
  "'",
  '!',
  '& | ! ( ) : *',
  'foo:* & !bar',
  "$$; SELECT 1; $$",
];

/** Numbers at the edges: negative, fractional, huge, beyond integer precision, NaN/Infinity (as a JS caller can send them). */
export const HOSTILE_NUMBERS: readonly number[] = [0, -1, -0, 0.5, 1e-9, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY];

const hostileLeaf = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined, [], {}, [null], { __proto__: null }, new Date(Number.NaN), new Date(8.64e15)),
);

/** A value of any shape (the whole input replaced). */
const anyValue = fc.oneof({ arbitrary: hostileLeaf, weight: 3 }, { arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4 }), weight: 1 });

export type InputMaker = (valid: unknown) => unknown;

/** The whole input replaced by a hostile or arbitrary value. */
export function hostileValue(): fc.Arbitrary<InputMaker> {
  return anyValue.map((value) => Object.assign(() => value, { toString: () => `replace with ${safeString(value)}` }));
}

/**
 * One place of the valid input changed: a field replaced by a hostile value, removed, or an
 * unknown field added (strict schemas refuse it, others drop it). Picks the place by index among
 * the input's paths, so the same seed gives the same mutation.
 */
export function mutateInput(): fc.Arbitrary<InputMaker> {
  return fc
    .record({ pick: fc.nat(), action: fc.constantFrom('replace', 'replace', 'replace', 'remove', 'add'), value: hostileLeaf })
    .map(({ pick, action, value }) =>
      Object.assign(
        (valid: unknown) => {
          const input = structuredCloneLoose(valid);
          const paths = pathsOf(input);
          if (paths.length === 0) return value; // a scalar or empty input: nothing inside to change
          const path = paths[pick % paths.length]!;
          return applyAt(input, path, action, value);
        },
        { toString: () => `${action} #${pick} with ${safeString(value)}` },
      ),
    );
}

type Path = Array<string | number>;

/** Every object key and array index of a JSON-like value, depth first. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || value instanceof Date) return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

function applyAt(root: unknown, path: Path, action: string, value: unknown): unknown {
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (action === 'remove') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (action === 'add' && !Array.isArray(parent)) {
    parent[`fuzz_${String(key)}`] = value;
  } else {
    parent[key] = value;
  }
  return root;
}

/** A deep copy of plain data that keeps Dates and Uint8Arrays (the matrix's inputs hold both). */
function structuredCloneLoose(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof Uint8Array) return value.slice();
  if (Array.isArray(value)) return value.map(structuredCloneLoose);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneLoose(v)]));
}

function safeString(value: unknown): string {
  try {
    const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
