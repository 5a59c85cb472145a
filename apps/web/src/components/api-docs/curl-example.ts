import type { ApiEndpoint } from './openapi-types';

/** A copy-pasteable curl command for an endpoint, with placeholders for path and required query values. */
export function curlExample(endpoint: ApiEndpoint, baseUrl: string): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, '<$1>');
  const requiredQuery = (endpoint.operation.parameters ?? []).filter((p) => p.in === 'query' && p.required);
  const query = requiredQuery.length ? `?${requiredQuery.map((p) => `${p.name}=<${p.name}>`).join('&')}` : '';
  const lines = [`curl${endpoint.method === 'get' ? '' : ` -X ${endpoint.method.toUpperCase()}`} "${baseUrl}${path}${query}"`];
  // Sent even where the token is optional: such endpoints answer differently for a signed-in caller.
  lines.push('  -H "Authorization: Bearer <token>"');
  if (endpoint.operation.requestBody) {
    lines.push('  -H "Content-Type: application/json"');
    lines.push("  -d '{ … }'");
  }
  return lines.join(' \\\n');
}
