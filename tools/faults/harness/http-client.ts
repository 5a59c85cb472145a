/** What one HTTP call did, including calls that never answered (status 0). */
export interface HttpResult {
  status: number;
  ms: number;
  text: string;
  json: unknown;
  headers: Headers | null;
  error?: string;
}

/** fetch that never throws and never waits longer than `timeoutMs`. */
export async function request(url: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<HttpResult> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, ms: Math.round(performance.now() - started), text, json, headers: response.headers };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return {
      status: 0,
      ms: Math.round(performance.now() - started),
      text: '',
      json: null,
      headers: null,
      error: name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error instanceof Error ? error.message : String(error),
    };
  }
}

/** A stack trace or internal detail in a response body is a leak the user must never see. */
export function leaksInternals(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)|"stack"\s*:\s*"|ECONNREFUSED|PrismaClient|DriverAdapterError/.test(text);
}

/** Signed-in identity for calls: a session cookie, an API token, or nobody. */
export type Credential = { cookie: string } | { token: string } | null;

export function credentialHeaders(credential: Credential): Record<string, string> {
  if (!credential) return {};
  return 'cookie' in credential ? { cookie: credential.cookie } : { authorization: `Bearer ${credential.token}` };
}

/** The error of a tRPC/REST response in one shape: code, message and HTTP status. */
export function errorOf(result: HttpResult): { code?: string; appCode?: string | null; message?: string } {
  const body = result.json as Record<string, unknown> | null;
  if (!body) return {};
  const trpc = (body.error as { json?: { message?: string; data?: { code?: string; appCode?: string | null } } } | undefined)?.json;
  if (trpc) return { code: trpc.data?.code, appCode: trpc.data?.appCode ?? null, message: trpc.message };
  const rest = body as { code?: string; message?: string; error?: { code?: string; message?: string } };
  return { code: rest.error?.code ?? rest.code, message: rest.error?.message ?? rest.message };
}
