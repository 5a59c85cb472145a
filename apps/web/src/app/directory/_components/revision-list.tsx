import { Badge } from '~/components/ui/badge';
import { DiffTable } from './diff-table';
import { RevertButton } from './revert-button';

export interface RevisionItem {
  id: number;
  caseId: number | null;
  kind: 'create' | 'update' | 'revert';
  status: 'proposed' | 'approved' | 'rejected';
  author: string;
  diff: Record<string, { from?: unknown; to?: unknown }>;
  reason: string | null;
  reviewer: string | null;
  reviewedAt: Date | null;
  revertOfId: number | null;
  createdAt: Date;
}

const KIND = { create: 'Created', update: 'Edited', revert: 'Reverted' } as const;
const STATUS_VARIANT = { proposed: 'warning', approved: 'success', rejected: 'destructive' } as const;
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** Revision history, newest first, each with its field-by-field diff. */
export function RevisionList({ revisions, canRevert }: { revisions: RevisionItem[]; canRevert: boolean }) {
  if (revisions.length === 0) return <p className="text-sm text-muted-foreground">No revision recorded yet.</p>;
  // Reverting to the current state would change nothing.
  const currentId = revisions.find((revision) => revision.status === 'approved')?.id;
  return (
    <ol className="grid gap-3" data-testid="revision-history">
      {revisions.map((revision, index) => (
        <li key={revision.id} className="rounded-lg border bg-card" data-testid="revision">
          <details open={index === 0 || undefined}>
            <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-4 py-3 text-sm">
              <span className="font-medium">
                {KIND[revision.kind]}
                {revision.revertOfId ? ` to revision #${revision.revertOfId}` : ''}
              </span>
              <Badge variant={STATUS_VARIANT[revision.status]}>{revision.status}</Badge>
              <span className="text-muted-foreground">
                #{revision.id} · {revision.author} · <time dateTime={revision.createdAt.toISOString()}>{dateTime.format(revision.createdAt)} UTC</time>
              </span>
              <span className="text-xs text-muted-foreground">
                {Object.keys(revision.diff).length} field{Object.keys(revision.diff).length === 1 ? '' : 's'}
              </span>
            </summary>
            <div className="grid gap-3 border-t px-4 py-3">
              {revision.reason ? (
                <p className="text-sm">
                  <span className="font-medium">Reason:</span> {revision.reason}
                </p>
              ) : null}
              {revision.reviewer ? <p className="text-xs text-muted-foreground">Reviewed by {revision.reviewer}</p> : null}
              <DiffTable diff={revision.diff} caption={`Changes in revision ${revision.id}`} />
              {canRevert && revision.status === 'approved' && revision.caseId !== null && revision.id !== currentId ? (
                <div>
                  <RevertButton caseId={revision.caseId} revisionId={revision.id} />
                </div>
              ) : null}
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
