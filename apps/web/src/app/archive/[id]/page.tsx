import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Download, FileText } from 'lucide-react';
import { hasRole } from '@p2pvalue/platform';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Badge } from '~/components/ui/badge';
import { buttonVariants } from '~/components/ui/button';
import { orNotFound, serverCaller } from '~/app/communities/_lib/server-caller';
import { DraftFiles } from '../_components/draft-files';
import { MetadataForm } from '../_components/metadata-form';
import { NewVersionButton, PublishButton } from '../_components/version-actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { api } = await serverCaller();
  const dataset = await api.archive.get({ id: (await params).id }).catch(() => null);
  return { title: dataset ? dataset.latest.title : 'Data set' };
}

const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const CITATIONS = [
  { format: 'bibtex', label: 'BibTeX' },
  { format: 'csl-json', label: 'CSL-JSON' },
  { format: 'cff', label: 'CITATION.cff' },
] as const;

export default async function DatasetPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (id.length > 100) notFound();
  const requested = Number((await searchParams).version);
  const { viewer, api } = await serverCaller();
  const dataset = await orNotFound(api.archive.get({ id }));
  const n = Number.isInteger(requested) && dataset.versions.some((v) => v.n === requested) ? requested : dataset.latest.n;
  const version = n === dataset.latest.n ? dataset.latest : await orNotFound(api.archive.version({ id, n }));
  const canDeposit = viewer !== null && hasRole(viewer.role, 'researcher');
  const isDraft = version.status === 'draft';
  const base = `/api/v1/datasets/${encodeURIComponent(dataset.id)}/versions/${version.n}`;
  const licences = canDeposit && isDraft ? await api.archive.licences() : [];

  return (
    <PageContainer>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/archive" className="text-primary hover:underline">
          Archive
        </Link>
      </nav>
      <PageHeader
        eyebrow={`${version.versionId}`}
        title={version.title}
        description={
          <span className="flex flex-wrap items-center gap-2 text-sm">
            <Badge variant={isDraft ? 'warning' : 'success'} data-testid="version-status">
              Version {version.n}: {version.status}
            </Badge>
            {version.publishedAt ? <span>Published {date.format(version.publishedAt)}</span> : <span>Only you and staff can see this draft.</span>}
          </span>
        }
      />
      <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
        <div className="grid min-w-0 gap-10">
          <section aria-labelledby="about-heading" className="grid gap-3">
            <h2 id="about-heading" className="text-lg font-semibold">
              About
            </h2>
            {version.description ? <p className="max-w-prose whitespace-pre-line break-words">{version.description}</p> : null}
            <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-muted-foreground">Creators</dt>
              <dd>
                {version.creators.length === 0
                  ? '—'
                  : version.creators.map((c, i) => (
                      <span key={i}>
                        {i > 0 ? '; ' : ''}
                        {c.name}
                        {c.affiliation ? ` (${c.affiliation})` : ''}
                        {c.orcid ? (
                          <>
                            {' '}
                            <a className="text-primary hover:underline" href={`https://orcid.org/${c.orcid}`} rel="noopener noreferrer">
                              ORCID
                            </a>
                          </>
                        ) : null}
                      </span>
                    ))}
              </dd>
              <dt className="text-muted-foreground">Licence</dt>
              <dd>{version.licence}</dd>
              <dt className="text-muted-foreground">Keywords</dt>
              <dd>{version.keywords.join(', ') || '—'}</dd>
              <dt className="text-muted-foreground">Provenance</dt>
              <dd className="whitespace-pre-line">{version.provenance || '—'}</dd>
              <dt className="text-muted-foreground">Related cases</dt>
              <dd>
                {version.caseIds.length === 0
                  ? '—'
                  : version.caseIds.map((caseId, i) => (
                      <span key={caseId}>
                        {i > 0 ? ', ' : ''}
                        <Link className="text-primary hover:underline" href={`/directory/cases/${caseId}`}>
                          #{caseId}
                        </Link>
                      </span>
                    ))}
              </dd>
            </dl>
          </section>

          <section aria-labelledby="files-heading" className="grid gap-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="files-heading" className="text-lg font-semibold">
                Files
              </h2>
              {version.files.length > 0 ? (
                <a className={buttonVariants({ variant: 'outline', size: 'sm' })} href={`${base}/datapackage.zip`} data-testid="datapackage-download">
                  <Download aria-hidden="true" /> Data Package (.zip)
                </a>
              ) : null}
            </div>
            {version.files.length === 0 ? <p className="text-sm text-muted-foreground">No file yet.</p> : null}
            <ul className="grid gap-4">
              {version.files.map((file) => (
                <li key={file.name} className="grid gap-3 rounded-lg border bg-card p-4" data-testid="dataset-file">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="inline-flex items-center gap-2 font-medium">
                      <FileText className="size-4" aria-hidden="true" /> {file.name}
                    </span>
                    <a className={buttonVariants({ variant: 'outline', size: 'sm' })} href={`${base}/files/${encodeURIComponent(file.name)}`} download={file.name}>
                      <Download aria-hidden="true" /> Download<span className="sr-only"> {file.name}</span>
                    </a>
                  </div>
                  <dl className="grid gap-1 text-xs sm:grid-cols-[6rem_1fr]">
                    <dt className="text-muted-foreground">Size</dt>
                    <dd>{formatBytes(file.size)}</dd>
                    <dt className="text-muted-foreground">Type</dt>
                    <dd>{file.mediaType}</dd>
                    <dt className="text-muted-foreground">SHA-256</dt>
                    <dd className="break-all font-mono" data-testid="file-sha256">
                      {file.sha256}
                    </dd>
                  </dl>
                  {file.tableSchema ? (
                    <details>
                      <summary className="cursor-pointer text-sm text-primary">Table schema ({file.tableSchema.fields.length} fields) and preview</summary>
                      <div className="mt-3 grid gap-4">
                        <table className="w-full text-sm">
                          <caption className="mb-1 text-left text-xs font-medium text-muted-foreground">Table Schema of {file.name}</caption>
                          <thead>
                            <tr className="border-b text-left text-xs text-muted-foreground">
                              <th className="py-1 pr-3">Field</th>
                              <th className="py-1">Type</th>
                            </tr>
                          </thead>
                          <tbody>
                            {file.tableSchema.fields.map((field) => (
                              <tr key={field.name} className="border-b last:border-0">
                                <td className="py-1 pr-3 font-mono text-xs">{field.name}</td>
                                <td className="py-1">{field.type}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                        {file.tableSchema.missingValues.length > 0 ? (
                          <p className="text-xs text-muted-foreground">Missing values: {file.tableSchema.missingValues.map((v) => (v === '' ? '(empty)' : v)).join(', ')}</p>
                        ) : null}
                        {file.preview && file.preview.rows.length > 0 ? (
                          <div className="overflow-x-auto" tabIndex={0}>
                            <table className="w-full text-xs" data-testid="file-preview">
                              <caption className="mb-1 text-left font-medium text-muted-foreground">First rows</caption>
                              <thead>
                                <tr className="border-b text-left">
                                  {file.tableSchema.fields.map((field) => (
                                    <th key={field.name} className="px-2 py-1 font-medium">
                                      {field.name}
                                    </th>
                                  ))}
                                </tr>
                              </thead>
                              <tbody>
                                {file.preview.rows.map((row, i) => (
                                  <tr key={i} className="border-b last:border-0">
                                    {row.map((cell, j) => (
                                      <td key={j} className="max-w-48 truncate px-2 py-1">
                                        {cell}
                                      </td>
                                    ))}
                                  </tr>
                                ))}
                              </tbody>
                            </table>
                          </div>
                        ) : null}
                      </div>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
            {canDeposit && isDraft ? <DraftFiles id={dataset.id} n={version.n} files={version.files.map((f) => f.name)} /> : null}
          </section>

          {canDeposit && isDraft ? (
            <section aria-labelledby="edit-heading" className="grid gap-4">
              <h2 id="edit-heading" className="text-lg font-semibold">
                Edit the draft
              </h2>
              <MetadataForm
                version={{ id: dataset.id, n: version.n }}
                licences={licences}
                initial={{ title: version.title, description: version.description, creators: version.creators, keywords: version.keywords, licence: version.licence, provenance: version.provenance, caseIds: version.caseIds }}
              />
              <PublishButton id={dataset.id} n={version.n} />
            </section>
          ) : null}
        </div>

        <aside className="grid content-start gap-8">
          <section aria-labelledby="cite-heading" className="grid gap-2">
            <h2 id="cite-heading" className="font-semibold">
              Cite this version
            </h2>
            <div className="flex flex-wrap gap-2">
              {CITATIONS.map((citation) => (
                <a key={citation.format} className={buttonVariants({ variant: 'outline', size: 'sm' })} href={`${base}/citation?format=${citation.format}`} download>
                  {citation.label}
                </a>
              ))}
            </div>
          </section>
          <section aria-labelledby="versions-heading" className="grid gap-2">
            <h2 id="versions-heading" className="font-semibold">
              Versions
            </h2>
            <ol className="grid gap-1 text-sm" data-testid="version-list">
              {dataset.versions.map((v) => (
                <li key={v.n}>
                  <Link
                    href={`/archive/${dataset.id}?version=${v.n}`}
                    aria-current={v.n === version.n ? 'page' : undefined}
                    className="flex items-center justify-between gap-2 rounded-md px-2 py-1 hover:bg-muted aria-[current=page]:bg-primary/10 aria-[current=page]:font-medium"
                  >
                    <span>Version {v.n}</span>
                    <span className="text-xs text-muted-foreground">{v.publishedAt ? date.format(v.publishedAt) : v.status}</span>
                  </Link>
                </li>
              ))}
            </ol>
            {canDeposit && dataset.latest.status === 'published' ? <NewVersionButton id={dataset.id} /> : null}
          </section>
        </aside>
      </div>
    </PageContainer>
  );
}
