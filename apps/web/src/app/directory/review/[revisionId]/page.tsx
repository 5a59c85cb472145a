import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound, redirect } from 'next/navigation';
import { hasRole } from '@p2pvalue/platform';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Alert } from '~/components/ui/alert';
import { orNotFound, serverCaller } from '~/app/communities/_lib/server-caller';
import { ApproveWithEditsForm } from '../../_components/approve-with-edits-form';
import { DiffTable } from '../../_components/diff-table';
import { ReviewActions } from '../../_components/review-actions';
import { vocabulariesFromFacets } from '../../_lib/vocabularies';

export const metadata: Metadata = { title: 'Review a proposal' };
export const dynamic = 'force-dynamic';

export default async function ReviewProposalPage({ params }: { params: Promise<{ revisionId: string }> }) {
  const revisionId = Number((await params).revisionId);
  if (!Number.isInteger(revisionId) || revisionId < 1 || revisionId > 2_147_483_647) notFound();
  const { viewer, api } = await serverCaller();
  if (!viewer) redirect(`/sign-in?next=/directory/review/${revisionId}`);
  if (!hasRole(viewer.role, 'staff')) forbidden();
  const [{ proposal, proposed }, statistics] = await Promise.all([orNotFound(api.directoryCuration.proposal({ revisionId })), api.directory.statistics()]);
  return (
    <PageContainer className="max-w-3xl">
      <nav className="mb-4 text-sm">
        <Link href="/directory/review" className="text-primary hover:underline">
          ← Review queue
        </Link>
      </nav>
      <PageHeader eyebrow={`Proposal #${proposal.id} by ${proposal.author}`} title={proposal.caseName} />
      {proposal.status !== 'proposed' ? (
        <Alert title={`This proposal was already ${proposal.status}.`} />
      ) : (
        <div className="grid gap-8">
          <section className="grid gap-3">
            <h2 className="text-lg font-semibold">What it changes</h2>
            <DiffTable diff={proposal.diff} />
            <ReviewActions revisionId={proposal.id} caseName={proposal.caseName} afterApprove="/directory/cases/:caseId" />
          </section>
          <section className="grid gap-3">
            <h2 className="text-lg font-semibold">Approve with edits</h2>
            <p className="text-sm text-muted-foreground">Correct the proposal before it is applied; the revision records your version.</p>
            <ApproveWithEditsForm revisionId={proposal.id} proposed={proposed} vocabularies={vocabulariesFromFacets(statistics.facets)} />
          </section>
        </div>
      )}
    </PageContainer>
  );
}
