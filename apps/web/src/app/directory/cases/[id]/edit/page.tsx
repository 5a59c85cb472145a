import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { hasRole } from '@p2pvalue/platform';
import type { TCaseFields } from '@p2pvalue/directory/fields';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { orNotFound, serverCaller } from '~/app/communities/_lib/server-caller';
import { ProposeCaseForm } from '../../../_components/propose-case-form';
import { vocabulariesFromFacets } from '../../../_lib/vocabularies';

export const metadata: Metadata = { title: 'Propose an edit' };
export const dynamic = 'force-dynamic';

export default async function EditCasePage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) notFound();
  const { viewer, api } = await serverCaller();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(`/directory/cases/${id}/edit`)}`);
  const [item, statistics] = await Promise.all([orNotFound(api.directory.getCase({ id })), api.directory.statistics()]);
  const { id: _id, nid: _nid, ...fields } = item;
  const isStaff = hasRole(viewer.role, 'staff');
  return (
    <PageContainer className="max-w-3xl">
      <PageHeader
        eyebrow={item.name}
        title={isStaff ? 'Edit the case' : 'Propose an edit'}
        description={
          isStaff ? (
            'Your changes apply at once and are recorded as a revision.'
          ) : (
            <>
              Project staff review your proposal before it changes{' '}
              <Link className="text-primary hover:underline" href={`/directory/cases/${id}`}>
                the case
              </Link>
              .
            </>
          )
        }
      />
      <ProposeCaseForm caseId={id} initial={fields satisfies TCaseFields} vocabularies={vocabulariesFromFacets(statistics.facets)} direct={isStaff} />
    </PageContainer>
  );
}
