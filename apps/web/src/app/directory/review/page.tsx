import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { hasRole } from '@p2pvalue/platform';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Badge } from '~/components/ui/badge';
import { serverCaller } from '~/app/communities/_lib/server-caller';
import { DiffTable } from '../_components/diff-table';
import { ReviewActions } from '../_components/review-actions';

export const metadata: Metadata = { title: 'Review queue' };
export const dynamic = 'force-dynamic';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function ReviewQueuePage() {
  const { viewer, api } = await serverCaller();
  if (!viewer) redirect('/sign-in?next=/directory/review');
  if (!hasRole(viewer.role, 'staff')) forbidden();
  const queue = await api.directoryCuration.queue({ take: 50 });
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Staff only"
        title="Review queue"
        description={`${queue.total} proposal${queue.total === 1 ? '' : 's'} waiting, oldest first.`}
        actions={
          <Link className="text-sm font-medium text-primary hover:underline" href="/directory/vocabularies">
            Vocabularies
          </Link>
        }
      />
      {queue.items.length === 0 ? (
        <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground" data-testid="queue-empty">
          Nothing to review. Proposals from signed-in people appear here.
        </p>
      ) : (
        <ol className="grid gap-4">
          {queue.items.map((item) => (
            <li key={item.id} className="grid gap-3 rounded-lg border bg-card p-4" data-testid="proposal" data-case-id={item.caseId ?? ''}>
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="font-semibold">
                  {item.caseId ? (
                    <Link className="hover:underline" href={`/directory/cases/${item.caseId}`}>
                      {item.caseName}
                    </Link>
                  ) : (
                    item.caseName
                  )}
                </h2>
                <Badge variant={item.kind === 'create' ? 'default' : 'secondary'}>{item.kind === 'create' ? 'New case' : 'Edit'}</Badge>
                <span className="text-sm text-muted-foreground">
                  #{item.id} by {item.author}, {dateTime.format(item.createdAt)} UTC
                </span>
              </div>
              <DiffTable diff={item.diff} caption={`Proposed changes to ${item.caseName}`} />
              <div className="flex flex-wrap items-start justify-between gap-3">
                <ReviewActions revisionId={item.id} caseName={item.caseName} />
                <Link className="text-sm font-medium text-primary hover:underline" href={`/directory/review/${item.id}`}>
                  Approve with edits…
                </Link>
              </div>
            </li>
          ))}
        </ol>
      )}
    </PageContainer>
  );
}
