'use client';

import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import type { TCaseFields } from '@p2pvalue/directory/fields';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { CaseForm, type Vocabularies } from './case-form';

export function ApproveWithEditsForm({ revisionId, proposed, vocabularies }: { revisionId: number; proposed: TCaseFields; vocabularies: Vocabularies }) {
  const trpc = useTRPC();
  const router = useRouter();
  const approve = useMutation(
    trpc.directoryCuration.approve.mutationOptions({
      onSuccess: ({ caseId }) => {
        router.push(`/directory/cases/${caseId}`);
        router.refresh();
      },
    }),
  );
  return (
    <CaseForm
      idPrefix="review"
      initial={proposed}
      vocabularies={vocabularies}
      submitLabel="Approve with these edits"
      pendingLabel="Approving…"
      pending={approve.isPending}
      failure={approve.error ? errorDetails(approve.error) : null}
      onSubmit={(fields) => approve.mutate({ revisionId, fields })}
    />
  );
}
