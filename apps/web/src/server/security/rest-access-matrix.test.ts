import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { getOpenApiDocument } from '../rest/openapi';
import { createContextFromRequest } from '../trpc/context';
import { appRouter } from '../trpc/root';
import { isAllowed, outcomeOfStatus, PERSONAS, type Outcome, type Persona } from './access-classes';
import { casesOf } from './access-matrix';
import { routeMatrix, type RouteRequest } from './rest-route-matrix';
import { createSecurityWorld, type SecurityWorld } from './security-fixtures';

const ORIGIN = 'http://localhost:3999';
const APP_API = fileURLToPath(new URL('../../app/api/', import.meta.url));

// ─── what there is: OpenAPI operations (from the router) and route files (from the disk) ───

type Operation = { method: string; path: string; procedure: string; base: string };
const HTTP_METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options']);
const operations: Operation[] = Object.entries(getOpenApiDocument().paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, { operationId?: string }>)
    .filter(([method]) => HTTP_METHODS.has(method))
    .map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      // trpc-to-openapi names operations after the procedure path, with `-` for `.`
      procedure: (op.operationId ?? '').replace('-', '.'),
      // a path's own `servers` entry (uploads live under /api/uploads) replaces the document's base
      base: (item as { servers?: { url: string }[] }).servers?.[0]?.url ?? '/api/v1',
    })),
);
const procedures = new Set(Object.keys(appRouter._def.procedures));

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '[...path]' ? [] : routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}
/** `GET /api/v1/cases.csv`, … for every exported HTTP method of every route file (the OpenAPI catch-all aside). */
const routes = ['v1', 'uploads'].flatMap((area) =>
  routeFiles(join(APP_API, area)).flatMap((file) => {
    const path = `/api/${relative(APP_API, file).replace(/\/route\.ts$/, '')}`;
    const source = readFileSync(file, 'utf8');
    const methods = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b|\bas (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? m[2]);
    return [...new Set(methods)].map((method) => `${method} ${path}`);
  }),
);

// ─── calling them ───

// Six personas, some with fresh communities each: more than vitest's default on a loaded machine.
const CASE_TIMEOUT_MS = 120_000;

let world: SecurityWorld;
const tally = { cases: 0, calls: 0, allowed: 0, refused: 0 };

beforeAll(async () => {
  world = await createSecurityWorld();
}, 300_000);

const authorization = (persona: Persona): Record<string, string> => (persona === 'anonymous' ? {} : { authorization: `Bearer ${world.tokens[persona]}` });

/** Puts the procedure's input where trpc-to-openapi reads it: path parameters, then query (GET/DELETE) or JSON body. */
function restRequest(op: Operation, input: unknown, persona: Persona): Request {
  const fields = { ...((input ?? {}) as Record<string, unknown>) };
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = fields[name];
    delete fields[name];
    return encodeURIComponent(String(value));
  });
  const url = new URL(`${ORIGIN}/api/v1${path}`);
  const headers = authorization(persona);
  if (op.method === 'GET' || op.method === 'DELETE') {
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined || value === null) continue;
      for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(key, one instanceof Date ? one.toISOString() : String(one));
    }
    return new Request(url, { method: op.method, headers });
  }
  return new Request(url, { method: op.method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(fields) });
}

async function record(outcome: Outcome, expected: 'allowed' | 'refused', persona: Persona, mismatches: string[]) {
  tally.calls += 1;
  if (outcome.kind === 'allowed') tally.allowed += 1;
  if (outcome.kind === 'refused') tally.refused += 1;
  if (outcome.kind !== expected) mismatches.push(`${persona}: expected ${expected}, got ${outcome.kind} (${outcome.detail})`);
}

describe('REST access matrix', () => {
  it('covers every OpenAPI operation and every route file under /api/v1 and /api/uploads', () => {
    const documentedOnly = operations.filter((op) => !procedures.has(op.procedure));
    // Operations that are not procedures are hand-written routes: they must exist as route files.
    const routeOf = (op: Operation) => `${op.method} ${op.base}${op.path.replace(/\{(\w+)\}/g, '[$1]')}`;
    const undocumentedHandlers = documentedOnly.filter((op) => !routes.includes(routeOf(op)) && !Object.keys(routeMatrix).includes(routeOf(op)));
    const unclassifiedProcedures = operations.filter((op) => procedures.has(op.procedure) && casesOf(op.procedure).length === 0).map((op) => op.procedure);
    const missing = routes.filter((key) => !(key in routeMatrix));
    const stale = Object.keys(routeMatrix).filter((key) => !routes.includes(key));
    expect(unclassifiedProcedures, `add an entry to apps/web/src/server/security/access-matrix.ts for: ${unclassifiedProcedures.join(', ')}`).toEqual([]);
    expect(missing, `add an entry to apps/web/src/server/security/rest-route-matrix.ts for: ${missing.join(', ')}`).toEqual([]);
    expect(stale, `remove these entries from rest-route-matrix.ts (no such route): ${stale.join(', ')}`).toEqual([]);
    expect(undocumentedHandlers.map((op) => `${op.method} ${op.path}`), 'OpenAPI operations with neither a procedure nor a route file').toEqual([]);
  });

  it('refuses an invalid or revoked API token with 401, even where anonymous callers are welcome', async () => {
    const req = new Request(`${ORIGIN}/api/v1/communities`, { headers: { authorization: 'Bearer p2pv_not-a-real-token' } });
    const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
    expect(res.status).toBe(401);
  });

  for (const op of operations.filter((o) => procedures.has(o.procedure))) {
    for (const entry of casesOf(op.procedure)) {
      const name = `${op.method} /api/v1${op.path} (${op.procedure}${entry.label ? `, ${entry.label}` : ''}) is ${entry.access}`;
      (entry.hole ? it.skip : it)(name, async () => {
        tally.cases += 1;
        const mismatches: string[] = [];
        for (const persona of PERSONAS) {
          const req = restRequest(op, await entry.input(world, persona), persona);
          const res = await createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
          let outcome = outcomeOfStatus(res.status);
          if (res.status === 400) {
            const body = (await res.json()) as { issues?: unknown };
            // An input the schema refused means the request was built wrong, not a business answer.
            if (body.issues) outcome = { kind: 'invalid', detail: `400 ${JSON.stringify(body).slice(0, 200)}` };
          } else if (res.ok && entry.filtered?.(await res.json())) outcome = { kind: 'refused', detail: 'empty result' };
          await record(outcome, isAllowed(entry.access, persona) ? 'allowed' : 'refused', persona, mismatches);
        }
        expect(mismatches, `${name}: mismatches`).toEqual([]);
      }, CASE_TIMEOUT_MS);
    }
  }

  for (const [key, route] of Object.entries(routeMatrix)) {
    const [method, path] = key.split(' ') as [string, string];
    for (const entry of route.cases) {
      const name = `${key}${entry.label ? ` (${entry.label})` : ''} is ${entry.access}`;
      (entry.hole ? it.skip : it)(name, async () => {
        tally.cases += 1;
        const mismatches: string[] = [];
        for (const persona of PERSONAS) {
          const spec: RouteRequest = await entry.request(world, persona);
          const url = new URL(`${ORIGIN}${path.replace(/\[(\w+)\]/g, (_, p: string) => encodeURIComponent(spec.params[p] ?? ''))}`);
          for (const [k, v] of Object.entries(spec.query ?? {})) url.searchParams.set(k, v);
          const req = new Request(url, { method, headers: { ...spec.headers, ...authorization(persona) }, ...(spec.body === undefined ? {} : { body: spec.body }) });
          const res = await route.handle(req, spec.params);
          await record(outcomeOfStatus(res.status), isAllowed(entry.access, persona) ? 'allowed' : 'refused', persona, mismatches);
        }
        expect(mismatches, `${name}: mismatches`).toEqual([]);
      }, CASE_TIMEOUT_MS);
    }
  }

  it('reports its figures', () => {
    // The figures docs/security.md quotes.
    console.info(`REST access matrix: ${operations.length} OpenAPI operations, ${routes.length} route handlers, ${tally.cases} cases, ${tally.calls} calls (${tally.allowed} allowed, ${tally.refused} refused)`);
  });
});
