'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Label } from '~/components/ui/label';

/** Approve as proposed, or reject with a reason (required). */
export function ReviewActions({ revisionId, caseName, afterApprove }: { revisionId: number; caseName: string; afterApprove?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const approve = useMutation(
    trpc.directoryCuration.approve.mutationOptions({
      onSuccess: ({ caseId }) => {
        setOutcome('Approved');
        if (afterApprove) router.push(afterApprove.replace(':caseId', String(caseId)));
        router.refresh();
      },
    }),
  );
  const reject = useMutation(
    trpc.directoryCuration.reject.mutationOptions({
      onSuccess: () => {
        setOutcome('Rejected');
        router.refresh();
      },
    }),
  );
  const failure = approve.error ?? reject.error;

  function submitRejection(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError('Give a reason: the author sees it.');
      return;
    }
    setReasonError(null);
    reject.mutate({ revisionId, reason: reason.trim() });
  }

  if (outcome) return <Alert variant="success" title={`${outcome}: ${caseName}`} />;
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => approve.mutate({ revisionId })} disabled={approve.isPending} aria-label={`Approve the proposal for ${caseName}`}>
          {approve.isPending ? 'Approving…' : 'Approve'}
        </Button>
        <Button size="sm" variant="outline" onClick={() => setRejecting((r) => !r)} aria-expanded={rejecting}>
          Reject…
        </Button>
      </div>
      {rejecting ? (
        <form onSubmit={submitRejection} noValidate className="grid gap-2">
          <Label htmlFor={`reason-${revisionId}`}>Reason for rejecting</Label>
          <textarea
            id={`reason-${revisionId}`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
            rows={3}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `reason-${revisionId}-error` : undefined}
            className="rounded-md border border-input bg-background px-3 py-2 text-sm aria-invalid:border-destructive"
          />
          {reasonError ? (
            <p id={`reason-${revisionId}-error`} className="text-sm font-medium text-destructive">
              {reasonError}
            </p>
          ) : null}
          <div>
            <Button type="submit" size="sm" variant="destructive" disabled={reject.isPending}>
              {reject.isPending ? 'Rejecting…' : 'Reject the proposal'}
            </Button>
          </div>
        </form>
      ) : null}
      {failure ? <Alert variant="destructive" title={errorDetails(failure).message} /> : null}
    </div>
  );
}
