import type { Metadata } from 'next';
import { forbidden, redirect } from 'next/navigation';
import { hasRole } from '@p2pvalue/platform';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { getViewer } from '~/lib/server/viewer';
import { ImportForm } from '../_components/import-form';

export const metadata: Metadata = { title: 'Import cases' };
export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?next=/directory/import');
  if (!hasRole(viewer.role, 'staff')) forbidden();
  return (
    <PageContainer className="max-w-4xl">
      <PageHeader
        eyebrow="Staff only"
        title="Import cases"
        description="Upload a CSV in the layout of the 2016 P2Pvalue export (the directory’s own CSV download round-trips). Check it first; nothing is written until you import, and an import is all or nothing."
      />
      <ImportForm />
    </PageContainer>
  );
}
