import { Lock, LockOpen } from 'lucide-react';
import { Badge } from '~/components/ui/badge';
import { CodeBlock } from './code-block';
import { curlExample } from './curl-example';
import { MethodBadge } from './method-badge';
import type { ApiEndpoint, JsonSchema } from './openapi-types';
import { describeConstraints, schemaToText } from './schema-text';

interface EndpointSectionProps {
  endpoint: ApiEndpoint;
  baseUrl: string;
  schemas: Record<string, JsonSchema>;
}

export function EndpointSection({ endpoint, baseUrl, schemas }: EndpointSectionProps) {
  const { operation, method, path } = endpoint;
  const requiresToken = (operation.security ?? []).length > 0;
  const parameters = operation.parameters ?? [];
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(operation.responses ?? {});
  const success = responses.find(([status]) => status.startsWith('2'));
  const successSchema = success?.[1].content?.['application/json']?.schema;

  return (
    <section id={endpoint.id} aria-labelledby={`${endpoint.id}-title`} className="scroll-mt-24 rounded-xl border bg-card p-5 sm:p-6" data-testid="endpoint">
      <div className="flex flex-wrap items-center gap-3">
        <MethodBadge method={method} />
        <h3 id={`${endpoint.id}-title`} className="font-mono text-base font-semibold break-all">
          {path}
        </h3>
        {requiresToken ? (
          <Badge variant="secondary">
            <Lock className="size-3" aria-hidden="true" /> Token required
          </Badge>
        ) : (
          <Badge variant="outline">
            <LockOpen className="size-3" aria-hidden="true" /> Token optional
          </Badge>
        )}
      </div>
      {operation.summary ? <p className="mt-3 text-foreground">{operation.summary}</p> : null}
      {operation.description ? <p className="mt-1 text-sm text-muted-foreground">{operation.description}</p> : null}

      <div className="mt-5 grid gap-5">
        {parameters.length > 0 ? (
          <div className="grid gap-2">
            <h4 className="text-sm font-semibold">Parameters</h4>
            <div className="overflow-x-auto rounded-lg border" tabIndex={0}>
              <table className="w-full text-sm">
                <thead className="bg-muted/50 text-left text-xs text-muted-foreground uppercase">
                  <tr>
                    <th className="px-3 py-2 font-medium">Name</th>
                    <th className="px-3 py-2 font-medium">In</th>
                    <th className="px-3 py-2 font-medium">Type</th>
                    <th className="px-3 py-2 font-medium">Notes</th>
                  </tr>
                </thead>
                <tbody>
                  {parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="border-t">
                      <td className="px-3 py-2 font-mono whitespace-nowrap">
                        {p.name}
                        {p.required ? <span className="ml-1 text-destructive" title="required">*</span> : null}
                      </td>
                      <td className="px-3 py-2 text-muted-foreground">{p.in}</td>
                      <td className="px-3 py-2 font-mono text-xs">{schemaToText(p.schema, schemas)}</td>
                      <td className="px-3 py-2 text-muted-foreground">
                        {[p.required ? 'required' : 'optional', describeConstraints(p.schema), p.description].filter(Boolean).join(' · ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}

        {bodySchema ? (
          <div className="grid gap-2">
            <h4 className="text-sm font-semibold">Request body (JSON)</h4>
            <CodeBlock label={`Request body of ${method.toUpperCase()} ${path}`} code={schemaToText(bodySchema, schemas)} />
          </div>
        ) : null}

        <div className="grid gap-4 lg:grid-cols-2">
          <div className="grid content-start gap-2">
            <h4 className="text-sm font-semibold">Example</h4>
            <CodeBlock label={`curl example for ${method.toUpperCase()} ${path}`} code={curlExample(endpoint, baseUrl)} />
          </div>
          {successSchema ? (
            <div className="grid content-start gap-2">
              <h4 className="text-sm font-semibold">Response {success?.[0]}</h4>
              <CodeBlock label={`Response of ${method.toUpperCase()} ${path}`} code={schemaToText(successSchema, schemas)} />
            </div>
          ) : null}
        </div>

        <div className="grid gap-2">
          <h4 className="text-sm font-semibold">Status codes</h4>
          <ul className="flex flex-wrap gap-2 text-sm">
            {responses.map(([status, response]) => (
              <li key={status} className="rounded-md border px-2 py-1">
                <span className="font-mono font-medium">{status}</span> <span className="text-muted-foreground">{response.description}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
