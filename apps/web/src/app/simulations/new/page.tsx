import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { findPreset, presetNames } from '@p2pvalue/sim';
import { hasRole } from '@p2pvalue/platform';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Alert } from '~/components/ui/alert';
import { ExperimentDesigner } from '~/components/simulations/designer/experiment-designer';
import { getViewer } from '~/lib/server/viewer';

export const metadata: Metadata = { title: 'New experiment' };
export const dynamic = 'force-dynamic';

export default async function NewExperimentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getViewer();
  const params = await searchParams;
  const requested = typeof params.preset === 'string' ? params.preset.slice(0, 200) : null;
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(requested ? `/simulations/new?preset=${requested}` : '/simulations/new')}`);
  if (!hasRole(viewer.role, 'researcher')) forbidden();

  const preset = requested ? findPreset(requested) : undefined;
  const design = preset ?? findPreset('default');
  if (!design) throw new Error('The default preset is missing from @p2pvalue/sim.');

  return (
    <PageContainer>
      <PageHeader
        eyebrow="Simulations"
        title="New experiment"
        description={
          <>
            Design a parameter sweep of the P2Pvalue model, watch a preview of its first run, and queue it on the simulation workers. Your experiments are on the{' '}
            <Link href="/simulations" className="font-medium text-primary underline-offset-4 hover:underline">
              simulations page
            </Link>
            .
          </>
        }
      />
      {requested && !preset ? (
        <Alert variant="destructive" title="Unknown preset" className="mb-6">
          There is no original experiment called “{requested}”; the designer starts from the model defaults.
        </Alert>
      ) : null}
      <ExperimentDesigner initialDesign={design} presetName={design.name} presetNames={presetNames()} />
    </PageContainer>
  );
}
