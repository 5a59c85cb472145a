import type { Metadata } from 'next';
import Link from 'next/link';
import { Plus } from 'lucide-react';
import { hasRole } from '@p2pvalue/platform';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Badge } from '~/components/ui/badge';
import { buttonVariants } from '~/components/ui/button';
import { serverCaller } from '~/app/communities/_lib/server-caller';
import { Pagination } from '~/app/directory/_components/pagination';

export const metadata: Metadata = { title: 'Data set archive' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export default async function ArchivePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Number((await searchParams).page);
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
  const { viewer, api } = await serverCaller();
  const list = await api.archive.list({ page, pageSize: PAGE_SIZE });
  const canDeposit = viewer !== null && hasRole(viewer.role, 'researcher');
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Research data"
        title="Data set archive"
        description="Versioned research data sets about commons-based peer production: files with checksums, table schemas and citations. Every published version stays as it was."
        actions={
          canDeposit ? (
            <Link className={buttonVariants()} href="/archive/new">
              <Plus aria-hidden="true" /> Deposit a data set
            </Link>
          ) : null
        }
      />
      {list.items.length === 0 ? (
        <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">No data set has been published yet.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {list.items.map((item) => (
            <li key={item.datasetId}>
              <Link href={`/archive/${item.datasetId}`} className="block h-full rounded-lg border bg-card p-4 transition-colors hover:bg-muted/50" data-testid="dataset-card">
                <div className="flex items-start justify-between gap-2">
                  <span className="font-semibold">{item.title}</span>
                  <Badge variant={item.status === 'published' ? 'success' : 'warning'}>
                    v{item.n} {item.status}
                  </Badge>
                </div>
                {item.description ? <p className="mt-1 line-clamp-2 text-sm text-muted-foreground">{item.description}</p> : null}
                <p className="mt-2 text-xs text-muted-foreground">
                  {item.creators.map((c) => c.name).join(', ') || 'No creator yet'} · {item.licence} · {item.files.length} file{item.files.length === 1 ? '' : 's'}
                  {item.publishedAt ? ` · ${date.format(item.publishedAt)}` : ''}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={Math.max(1, Math.ceil(list.total / PAGE_SIZE))} href={(p) => `/archive?page=${p}`} />
    </PageContainer>
  );
}
