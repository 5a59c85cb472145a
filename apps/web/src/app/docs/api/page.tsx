import type { Metadata } from 'next';
import Link from 'next/link';
import { env } from '~/env';
import { getOpenApiDocument } from '~/server/rest/openapi';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { CodeBlock } from '~/components/api-docs/code-block';
import { EndpointSection } from '~/components/api-docs/endpoint-section';
import { InlineMarkdown } from '~/components/api-docs/inline-markdown';
import { groupEndpoints, type OpenApiDocument } from '~/components/api-docs/openapi-types';
import { Badge } from '~/components/ui/badge';

export const metadata: Metadata = { title: 'API reference' };

export default function ApiReferencePage() {
  // The generated document is typed by its generator; this page reads only a stable subset of it.
  const doc = getOpenApiDocument() as unknown as OpenApiDocument;
  const serverPath = doc.servers?.[0]?.url ?? '/api/v1';
  const baseUrl = `${env.PUBLIC_URL.replace(/\/$/, '')}${serverPath}`;
  const groups = [...groupEndpoints(doc)];
  const schemas = doc.components?.schemas ?? {};

  return (
    <PageContainer>
      <PageHeader
        eyebrow={`REST API · version ${doc.info.version}`}
        title="API reference"
        description={doc.info.description ? <InlineMarkdown text={doc.info.description} /> : undefined}
      />

      <div className="grid gap-10 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="Endpoints" className="lg:sticky lg:top-24 lg:self-start">
          <h2 className="mb-3 text-xs font-semibold tracking-wide text-muted-foreground uppercase">On this page</h2>
          <ul className="grid gap-1 text-sm">
            <li>
              <a className="block rounded-md px-2 py-1.5 hover:bg-accent" href="#authentication">
                Authentication
              </a>
            </li>
            {groups.map(([tag, endpoints]) => (
              <li key={tag}>
                <a className="block rounded-md px-2 py-1.5 font-medium capitalize hover:bg-accent" href={`#tag-${tag}`}>
                  {tag}
                </a>
                <ul className="grid gap-0.5 pl-2">
                  {endpoints.map((e) => (
                    <li key={e.id}>
                      <a className="flex items-center gap-2 rounded-md px-2 py-1 font-mono text-xs text-muted-foreground hover:bg-accent hover:text-foreground" href={`#${e.id}`}>
                        <span className="w-9 uppercase">{e.method}</span>
                        <span className="truncate">{e.path}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>

        <div className="grid min-w-0 gap-12">
          <section id="authentication" aria-labelledby="authentication-title" className="grid scroll-mt-24 gap-4">
            <h2 id="authentication-title" className="text-2xl font-semibold tracking-tight">
              Authentication
            </h2>
            <div className="grid gap-3 text-muted-foreground">
              <p>
                Scripts authenticate with a personal API token. Create one on your{' '}
                <Link className="font-medium text-primary hover:underline" href="/account">
                  account page
                </Link>
                ; it is shown once, so store it safely. Send it in the <code className="font-mono text-sm text-foreground">Authorization</code> header of
                every request. A token acts with your account’s role, and stops working as soon as you revoke it or it expires.
              </p>
              <p>
                All endpoints live under <code className="font-mono text-sm text-foreground">{baseUrl}</code> and answer JSON. Errors have the shape{' '}
                <code className="font-mono text-sm text-foreground">{'{ "code": "UNAUTHORIZED", "message": "…" }'}</code>. The machine-readable
                description is the{' '}
                <a className="font-medium text-primary hover:underline" href="/api/v1/openapi.json">
                  OpenAPI document
                </a>
                .
              </p>
            </div>
            <CodeBlock label="Authenticated request example" code={`curl "${baseUrl}/me" \\\n  -H "Authorization: Bearer <token>"`} />
          </section>

          {groups.map(([tag, endpoints]) => (
            <section key={tag} id={`tag-${tag}`} aria-labelledby={`tag-${tag}-title`} className="grid scroll-mt-24 gap-5">
              <div className="flex items-center gap-3">
                <h2 id={`tag-${tag}-title`} className="text-2xl font-semibold tracking-tight capitalize">
                  {tag}
                </h2>
                <Badge variant="secondary">
                  {endpoints.length} endpoint{endpoints.length === 1 ? '' : 's'}
                </Badge>
              </div>
              {endpoints.map((endpoint) => (
                <EndpointSection key={endpoint.id} endpoint={endpoint} baseUrl={baseUrl} schemas={schemas} />
              ))}
            </section>
          ))}
        </div>
      </div>
    </PageContainer>
  );
}
