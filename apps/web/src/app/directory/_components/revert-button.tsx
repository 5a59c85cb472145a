'use client';

import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Button } from '~/components/ui/button';

/** Staff: make the case what it was right after this revision (recorded as a new revision). */
export function RevertButton({ caseId, revisionId }: { caseId: number; revisionId: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const revert = useMutation(trpc.directoryCuration.revert.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="outline"
        disabled={revert.isPending}
        onClick={() => {
          if (window.confirm('Revert the case to this revision? The change is recorded as a new revision.')) revert.mutate({ caseId, revisionId });
        }}
      >
        {revert.isPending ? 'Reverting…' : 'Revert to this revision'}
      </Button>
      {revert.error ? (
        <span role="alert" className="text-xs text-destructive">
          {errorDetails(revert.error).message}
        </span>
      ) : null}
    </span>
  );
}
