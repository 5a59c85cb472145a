import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { emptyCaseFieldsForForm } from '../_lib/empty-case';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { serverCaller } from '~/app/communities/_lib/server-caller';
import { ProposeCaseForm } from '../_components/propose-case-form';
import { vocabulariesFromFacets } from '../_lib/vocabularies';

export const metadata: Metadata = { title: 'Propose a case' };
export const dynamic = 'force-dynamic';

export default async function ProposeCasePage() {
  const { viewer, api } = await serverCaller();
  if (!viewer) redirect('/sign-in?next=/directory/propose');
  const statistics = await api.directory.statistics();
  return (
    <PageContainer className="max-w-3xl">
      <PageHeader eyebrow="CBPP directory" title="Propose a case" description="Describe a commons-based peer production community. Project staff review every proposal before it appears in the directory." />
      <ProposeCaseForm initial={emptyCaseFieldsForForm()} vocabularies={vocabulariesFromFacets(statistics.facets)} />
    </PageContainer>
  );
}
