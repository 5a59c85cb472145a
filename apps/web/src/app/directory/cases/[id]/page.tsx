import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { ExternalLink, Pencil } from 'lucide-react';
import { hasRole } from '@p2pvalue/platform';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { buttonVariants } from '~/components/ui/button';
import { orNotFound, serverCaller } from '~/app/communities/_lib/server-caller';
import { CaseCard } from '../../_components/case-card';
import { RevisionList } from '../../_components/revision-list';
import { FIELD_LABELS, SIZE_BAND_LABELS } from '../../_lib/case-labels';
import { safeHref } from '../../_lib/safe-link';
import { facetHref, type FacetParam } from '../../_lib/search-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

function caseId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) notFound();
  return id;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { api } = await serverCaller();
  const found = await api.directory.getCase({ id: caseId((await params).id) }).catch(() => null);
  return { title: found ? found.name : 'Case' };
}

function SafeLink({ href, children, kind = 'web' }: { href: string; children?: ReactNode; kind?: 'web' | 'email' }) {
  const safe = safeHref(href, kind);
  // Not a web or mail address: shown as text, never as a link.
  if (!safe) return <span className="break-all">{href}</span>;
  return (
    <a href={safe} rel="nofollow noopener noreferrer ugc" target={kind === 'web' ? '_blank' : undefined} className="inline-flex items-center gap-1 break-all font-medium text-primary hover:underline">
      {children ?? href}
      {kind === 'web' ? <ExternalLink className="size-3 shrink-0" aria-hidden="true" /> : null}
    </a>
  );
}

function Terms({ param, values }: { param: FacetParam; values: string[] }) {
  return (
    <ul className="flex flex-wrap gap-1.5">
      {values.map((value) => (
        <li key={value}>
          <Link href={facetHref(param, value)} className="inline-flex rounded-full border px-2.5 py-0.5 text-xs font-medium hover:bg-muted" data-testid="term-link">
            {value}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b py-3 last:border-0 sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

const none = <span className="text-muted-foreground">—</span>;
const term = (param: FacetParam, value: string | null) => (value ? <Terms param={param} values={[value]} /> : none);
const terms = (param: FacetParam, values: string[]) => (values.length > 0 ? <Terms param={param} values={values} /> : none);
const text = (value: string | null) => (value ? <span className="whitespace-pre-line break-words">{value}</span> : none);

export default async function CasePage({ params }: Props) {
  const id = caseId((await params).id);
  const { viewer, api } = await serverCaller();
  const item = await orNotFound(api.directory.getCase({ id }));
  const [related, history] = await Promise.all([api.directory.relatedCases({ id }), api.directoryCuration.history({ caseId: id })]);
  const isStaff = viewer !== null && hasRole(viewer.role, 'staff');

  return (
    <PageContainer>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/directory" className="text-primary hover:underline">
          Directory
        </Link>
        <span aria-hidden="true" className="px-2 text-muted-foreground">
          /
        </span>
        <span className="text-muted-foreground">{item.name}</span>
      </nav>
      <PageHeader
        eyebrow={item.activityType ?? 'CBPP case'}
        title={item.name}
        actions={
          viewer ? (
            <Link className={buttonVariants({ variant: 'outline' })} href={`/directory/cases/${item.id}/edit`}>
              <Pencil aria-hidden="true" /> {isStaff ? 'Edit' : 'Propose an edit'}
            </Link>
          ) : (
            <Link className={buttonVariants({ variant: 'outline' })} href={`/sign-in?next=${encodeURIComponent(`/directory/cases/${item.id}`)}`}>
              Sign in to propose an edit
            </Link>
          )
        }
      />
      <div className="grid gap-10 lg:grid-cols-[1fr_20rem]">
        <div className="grid gap-10">
          {item.description ? <p className="max-w-prose whitespace-pre-line break-words text-base leading-relaxed">{item.description}</p> : null}
          <section aria-labelledby="fields-heading">
            <h2 id="fields-heading" className="mb-2 text-lg font-semibold">
              About this case
            </h2>
            <dl className="rounded-lg border bg-card px-4" data-testid="case-fields">
              <Row label={FIELD_LABELS.homepage}>{item.homepage ? <SafeLink href={item.homepage} /> : none}</Row>
              <Row label={FIELD_LABELS.socialAccounts}>
                {item.socialAccounts.length > 0 ? (
                  <ul className="grid gap-1">
                    {item.socialAccounts.map((account) => (
                      <li key={account}>
                        <SafeLink href={account} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  none
                )}
              </Row>
              <Row label={FIELD_LABELS.email}>{item.email ? <SafeLink href={item.email} kind="email" /> : none}</Row>
              <Row label={FIELD_LABELS.contactPage}>{item.contactPage ? <SafeLink href={item.contactPage} /> : none}</Row>
              <Row label={FIELD_LABELS.phone}>{text(item.phone)}</Row>
              <Row label={FIELD_LABELS.address}>{text(item.address)}</Row>
              <Row label={FIELD_LABELS.activityType}>{term('activity', item.activityType)}</Row>
              <Row label={FIELD_LABELS.collaborationType}>{term('collaboration', item.collaborationType)}</Row>
              <Row label={FIELD_LABELS.resourceTypes}>{terms('resource', item.resourceTypes)}</Row>
              <Row label={FIELD_LABELS.licence}>{term('licence', item.licence)}</Row>
              <Row label={FIELD_LABELS.scope}>{term('scope', item.scope)}</Row>
              <Row label={FIELD_LABELS.organisationType}>{term('organisationType', item.organisationType)}</Row>
              <Row label={FIELD_LABELS.legalEntity}>{term('legalEntity', item.legalEntity)}</Row>
              <Row label={FIELD_LABELS.languages}>{terms('language', item.languages)}</Row>
              <Row label={FIELD_LABELS.yearFounded}>
                {item.yearFounded ? (
                  <Link className="text-primary hover:underline" href={`/directory?yearFrom=${item.yearFounded}&yearTo=${item.yearFounded}`}>
                    {item.yearFounded}
                  </Link>
                ) : (
                  none
                )}
              </Row>
              <Row label={FIELD_LABELS.keywords}>
                {item.keywords.length > 0 ? (
                  <ul className="flex flex-wrap gap-1.5">
                    {item.keywords.map((keyword) => (
                      <li key={keyword}>
                        <Link href={`/directory?q=${encodeURIComponent(keyword)}`} className="inline-flex rounded-full bg-muted px-2.5 py-0.5 text-xs hover:bg-muted/70">
                          {keyword}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  none
                )}
              </Row>
              <Row label={FIELD_LABELS.otherInformation}>{text(item.otherInformation)}</Row>
              <Row label={FIELD_LABELS.governance}>{text(item.governance)}</Row>
              <Row label={FIELD_LABELS.sizeBand}>{item.sizeBand ? SIZE_BAND_LABELS[item.sizeBand] : none}</Row>
              <Row label={FIELD_LABELS.country}>{text(item.country)}</Row>
              <Row label={FIELD_LABELS.status}>
                {item.status ? (
                  <>
                    {item.status === 'active' ? 'Active' : 'Inactive'}
                    {item.statusDate ? <span className="text-muted-foreground"> since {item.statusDate}</span> : null}
                  </>
                ) : (
                  none
                )}
              </Row>
            </dl>
            <p className="mt-2 text-xs text-muted-foreground">
              Directory node {item.nid} ·{' '}
              <a className="text-primary hover:underline" href={`/api/v1/cases/${item.id}`}>
                JSON
              </a>
            </p>
          </section>
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-3 text-lg font-semibold">
              Revision history
            </h2>
            <RevisionList revisions={history} canRevert={isStaff} />
          </section>
        </div>
        <aside aria-labelledby="related-heading">
          <h2 id="related-heading" className="mb-3 text-lg font-semibold">
            Related cases
          </h2>
          {related.length === 0 ? (
            <p className="text-sm text-muted-foreground">No case shares its classification or keywords.</p>
          ) : (
            <div className="grid gap-3">
              {related.map((other) => (
                <CaseCard key={other.id} item={other} />
              ))}
            </div>
          )}
        </aside>
      </div>
    </PageContainer>
  );
}
