import type { Metadata } from 'next';
import Link from 'next/link';
import { BarChart3, Download, Archive, Plus, Search, X } from 'lucide-react';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Button, buttonVariants } from '~/components/ui/button';
import { Input } from '~/components/ui/input';
import { serverCaller } from '~/app/communities/_lib/server-caller';
import { hasRole } from '@p2pvalue/platform';
import { CaseCard } from './_components/case-card';
import { FacetPanel } from './_components/facet-panel';
import { Pagination } from './_components/pagination';
import {
  FACETS,
  PAGE_SIZE,
  SORTS,
  directoryHref,
  hasFilters,
  parseDirectoryState,
  toQueryString,
  toSearchInput,
  toggleFacet,
} from './_lib/search-params';

export const metadata: Metadata = { title: 'Directory' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DirectoryPage({ searchParams }: Props) {
  const state = parseDirectoryState(await searchParams);
  const { viewer, api } = await serverCaller();
  const result = await api.directory.search(toSearchInput(state));
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const isStaff = viewer !== null && hasRole(viewer.role, 'staff');
  const chips = FACETS.flatMap(({ param, label }) => state.filters[param].map((value) => ({ param, label, value })));

  return (
    <PageContainer>
      <PageHeader
        eyebrow="CBPP directory"
        title="Directory"
        description="Commons-based peer production cases from the P2Pvalue directory: what each community produces, how its members collaborate and under which licence they share."
        actions={
          viewer ? (
            <Link className={buttonVariants({ variant: 'outline' })} href="/directory/propose">
              <Plus aria-hidden="true" /> Propose a case
            </Link>
          ) : null
        }
      />
      <nav aria-label="Directory tools" className="-mt-4 mb-6 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <Link className="inline-flex items-center gap-1 font-medium text-primary hover:underline" href="/directory/statistics">
          <BarChart3 className="size-4" aria-hidden="true" /> Statistics
        </Link>
        <Link className="inline-flex items-center gap-1 font-medium text-primary hover:underline" href="/archive">
          <Archive className="size-4" aria-hidden="true" /> Data set archive
        </Link>
        <a className="inline-flex items-center gap-1 font-medium text-primary hover:underline" href={`/api/v1/cases.csv${toQueryString(state, false)}`} download>
          <Download className="size-4" aria-hidden="true" /> Download these {result.total} cases as CSV
        </a>
        {isStaff ? (
          <>
            <Link className="font-medium text-primary hover:underline" href="/directory/review">
              Review queue
            </Link>
            <Link className="font-medium text-primary hover:underline" href="/directory/import">
              Import CSV
            </Link>
            <Link className="font-medium text-primary hover:underline" href="/directory/vocabularies">
              Vocabularies
            </Link>
          </>
        ) : null}
      </nav>

      <form action="/directory" method="get" role="search" className="mb-6 grid gap-3 rounded-lg border bg-card p-3 sm:p-4">
        {FACETS.flatMap(({ param }) => state.filters[param].map((value) => <input key={`${param}:${value}`} type="hidden" name={param} value={value} />))}
        <div className="flex gap-2">
          <label htmlFor="directory-q" className="sr-only">
            Search the directory
          </label>
          <Input id="directory-q" name="q" type="search" defaultValue={state.q} placeholder="Search names, descriptions, keywords…" maxLength={200} />
          <Button type="submit">
            <Search aria-hidden="true" /> <span className="sr-only sm:not-sr-only">Search</span>
          </Button>
        </div>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <fieldset className="flex items-end gap-2">
            <legend className="mb-1 text-xs font-medium text-muted-foreground">Founded between</legend>
            <label className="sr-only" htmlFor="directory-year-from">
              From year
            </label>
            <Input id="directory-year-from" name="yearFrom" inputMode="numeric" pattern="\d{4}" placeholder="1990" defaultValue={state.yearFrom ?? ''} className="h-9 w-20" />
            <span aria-hidden="true" className="pb-2">
              –
            </span>
            <label className="sr-only" htmlFor="directory-year-to">
              To year
            </label>
            <Input id="directory-year-to" name="yearTo" inputMode="numeric" pattern="\d{4}" placeholder="2016" defaultValue={state.yearTo ?? ''} className="h-9 w-20" />
          </fieldset>
          <div className="grid gap-1">
            <label htmlFor="directory-sort" className="text-xs font-medium text-muted-foreground">
              Sort by
            </label>
            <select id="directory-sort" name="sort" defaultValue={state.sort ?? ''} className="h-9 rounded-md border border-input bg-background px-2 text-sm">
              <option value="">{state.q ? 'Relevance' : 'Name'} (default)</option>
              {SORTS.map((sort) => (
                <option key={sort.value} value={sort.value}>
                  {sort.label}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="outline" size="sm" className="h-9">
            Apply
          </Button>
        </div>
      </form>

      <div className="grid gap-6 lg:grid-cols-[18rem_1fr] lg:items-start">
        <div className="order-2 lg:order-1">
          <h2 className="mb-2 text-sm font-semibold text-muted-foreground">Narrow down</h2>
          <FacetPanel state={state} facets={result.facets} />
        </div>
        <section aria-labelledby="results-heading" className="order-1 grid gap-3 lg:order-2">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="results-heading" className="text-lg font-semibold" data-testid="result-count" aria-live="polite">
              {result.total === 1 ? '1 case' : `${result.total} cases`}
            </h2>
            {chips.map((chip) => (
              <Link
                key={`${chip.param}:${chip.value}`}
                href={directoryHref(toggleFacet(state, chip.param, chip.value))}
                className="inline-flex items-center gap-1 rounded-full border bg-primary/10 px-2.5 py-0.5 text-xs font-medium hover:bg-primary/20"
                aria-label={`Remove filter ${chip.label}: ${chip.value}`}
              >
                {chip.value} <X className="size-3" aria-hidden="true" />
              </Link>
            ))}
            {hasFilters(state) ? (
              <Link href="/directory" className="text-xs text-primary hover:underline">
                Clear all
              </Link>
            ) : null}
          </div>
          {result.items.length === 0 ? (
            <div className="rounded-lg border border-dashed p-8 text-center" data-testid="directory-empty">
              <p className="font-medium">No case matches {state.q ? <>“{state.q}”</> : 'these filters'}.</p>
              <p className="mt-1 text-sm text-muted-foreground">Try fewer filters, a shorter word or another spelling.</p>
              {hasFilters(state) ? (
                <Link href="/directory" className={buttonVariants({ variant: 'outline', size: 'sm', className: 'mt-4' })}>
                  Show all cases
                </Link>
              ) : null}
            </div>
          ) : (
            <div className="grid gap-3 sm:grid-cols-2">
              {result.items.map((item) => (
                <CaseCard key={item.id} item={item} />
              ))}
            </div>
          )}
          <Pagination page={state.page} pageCount={pageCount} href={(page) => directoryHref({ ...state, page })} />
        </section>
      </div>
    </PageContainer>
  );
}
