import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { SimulationQueuePanel } from '~/components/admin/simulation-queue-panel';
import { getViewer } from '~/lib/server/viewer';

export const metadata: Metadata = { title: 'Simulation queue · Administration' };
export const dynamic = 'force-dynamic';

export default async function SimulationQueuePage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?next=/admin/simulations');
  // The data comes from staff-only procedures; the page refuses others with a real 403 as well.
  if (viewer.role !== 'staff') forbidden();
  return (
    <PageContainer>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/admin" className="text-primary hover:underline">
          Administration
        </Link>
      </nav>
      <PageHeader eyebrow="Staff only" title="Simulation queue" description="The simulation workers and their queue: what waits, what runs where, what failed, and how much each researcher has queued." />
      <SimulationQueuePanel />
    </PageContainer>
  );
}
