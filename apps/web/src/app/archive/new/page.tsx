import type { Metadata } from 'next';
import { forbidden, redirect } from 'next/navigation';
import { hasRole } from '@p2pvalue/platform';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { serverCaller } from '~/app/communities/_lib/server-caller';
import { MetadataForm } from '../_components/metadata-form';

export const metadata: Metadata = { title: 'Deposit a data set' };
export const dynamic = 'force-dynamic';

export default async function NewDatasetPage() {
  const { viewer, api } = await serverCaller();
  if (!viewer) redirect('/sign-in?next=/archive/new');
  if (!hasRole(viewer.role, 'researcher')) forbidden();
  const licences = await api.archive.licences();
  return (
    <PageContainer className="max-w-3xl">
      <PageHeader eyebrow="Research data" title="Deposit a data set" description="Describe the data set; you add files on the next page and publish when it is ready. Until then only you and staff see it." />
      <MetadataForm licences={licences} initial={{ title: '', description: '', creators: [{ name: viewer.name }], keywords: [], licence: 'CC-BY-4.0', provenance: '', caseIds: [] }} />
    </PageContainer>
  );
}
