import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestHandler } from './request-handler';
import type { HealthReport } from '../health';

let server: Server;
let port: number;
let health: HealthReport = { status: 'ok', db: 'ok', redis: 'ok', workers: 1 };
const seenByNext: Array<{ url: string; forwardedFor: string | undefined; body: string; csp: string | undefined; nonce: string | undefined }> = [];

function call(method: string, path: string, opts: { body?: string | Buffer; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

describe('HTTP front of the custom server', () => {
  beforeAll(async () => {
    server = createServer(
      createRequestHandler({
        next: (req, res) => {
          let body = '';
          req.on('data', (c: Buffer) => (body += c.toString()));
          req.on('end', () => {
            seenByNext.push({ url: req.url ?? '', forwardedFor: req.headers['x-forwarded-for'] as string | undefined, body, csp: req.headers['content-security-policy'] as string | undefined, nonce: req.headers['x-nonce'] as string | undefined });
            res.end('next');
          });
        },
        health: async () => health,
        maxJsonBodyBytes: 1024,
        trustProxy: false,
        behindTls: true,
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers /api/health with 200 or 503 and the report', async () => {
    health = { status: 'ok', db: 'ok', redis: 'ok', workers: 2 };
    const ok = await call('GET', '/api/health');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual(health);
    health = { status: 'degraded', db: 'ok', redis: 'down', workers: 0 };
    const down = await call('GET', '/api/health');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toMatchObject({ redis: 'down' });
  });

  it('refuses oversized bodies with a typed 413 before any handler sees them', async () => {
    const before = seenByNext.length;
    const res = await call('POST', '/api/trpc/x', { body: 'x'.repeat(5000), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(seenByNext.length).toBe(before);
  });

  it('passes normal requests through with the body intact', async () => {
    const res = await call('POST', '/api/trpc/x', { body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(seenByNext.at(-1)?.body).toBe('{"a":1}');
  });

  it('sends a nonce-based CSP with no unsafe-inline scripts, a fresh nonce per page request, and hands the nonce to Next', async () => {
    const one = await call('GET', '/communities');
    const two = await call('GET', '/communities');
    const policy = String(one.headers['content-security-policy']);
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src ')) ?? '';
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
    expect(scriptSrc).not.toContain('unsafe');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(two.headers['content-security-policy']).not.toBe(policy);
    // Next reads the nonce for its own inline scripts from the request's policy; the layout from x-nonce
    const seen = seenByNext.at(-1);
    expect(seen?.csp).toBe(two.headers['content-security-policy']);
    expect(seen?.csp).toContain(`'nonce-${seen?.nonce}'`);
    // build assets carry no page policy (workers take the policy of their own script)
    const asset = await call('GET', '/_next/static/chunks/x.js');
    expect(asset.headers['content-security-policy']).toBeUndefined();
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sets security headers and a request id, and ignores a spoofed client address', async () => {
    const res = await call('GET', '/somewhere', { headers: { 'x-forwarded-for': '6.6.6.6', 'x-request-id': 'abc-123' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(seenByNext.at(-1)?.forwardedFor).toBe('127.0.0.1');
  });

  it('replaces an unsafe request id', async () => {
    const res = await call('GET', '/x', { headers: { 'x-request-id': '<script>' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
