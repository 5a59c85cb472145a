'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import type { TCaseFields } from '@p2pvalue/directory/fields';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { CaseForm, type Vocabularies } from './case-form';

/** A member's proposal (new case or edit), or a staff edit applied at once (`direct`). */
export function ProposeCaseForm({ caseId, initial, vocabularies, direct = false }: { caseId?: number; initial: TCaseFields; vocabularies: Vocabularies; direct?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState(false);
  const propose = useMutation(trpc.directoryCuration.propose.mutationOptions({ onSuccess: () => setDone(true) }));
  const edit = useMutation(
    trpc.directoryCuration.edit.mutationOptions({
      onSuccess: () => {
        router.push(`/directory/cases/${caseId}`);
        router.refresh();
      },
    }),
  );
  const mutation = direct ? edit : propose;

  if (done) {
    return (
      <Alert variant="success" title="Thank you: your proposal is waiting for review" data-testid="proposal-sent">
        <p>
          Project staff will review it soon. {caseId ? <Link className="font-medium text-primary hover:underline" href={`/directory/cases/${caseId}`}>Back to the case</Link> : <Link className="font-medium text-primary hover:underline" href="/directory">Back to the directory</Link>}
        </p>
      </Alert>
    );
  }

  return (
    <CaseForm
      initial={initial}
      vocabularies={vocabularies}
      honeypot={!direct}
      submitLabel={direct ? 'Save changes' : caseId ? 'Propose this edit' : 'Propose this case'}
      pendingLabel={direct ? 'Saving…' : 'Sending…'}
      pending={mutation.isPending}
      failure={mutation.error ? errorDetails(mutation.error) : null}
      onSubmit={(fields, website) => {
        if (direct && caseId) edit.mutate({ caseId, fields });
        else propose.mutate({ ...(caseId ? { caseId } : {}), fields, website });
      }}
    />
  );
}
