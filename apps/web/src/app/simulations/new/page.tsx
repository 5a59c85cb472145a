import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { findPreset, presetNames } from '@p2pvalue/sim';
import { hasRole } from '@p2pvalue/platform';
import { ZExperimentDesignInput } from '@p2pvalue/platform/experiment-design';
import { z } from 'zod';
import { serverCaller } from '~/app/communities/_lib/server-caller';
import { resubmittableDesign } from '~/components/simulations/resubmittable-design';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Alert } from '~/components/ui/alert';
import { ExperimentDesigner } from '~/components/simulations/designer/experiment-designer';

export const metadata: Metadata = { title: 'New experiment' };
export const dynamic = 'force-dynamic';

/** "Duplicate and edit": the design of one of the viewer's experiments (null if it is not theirs or not valid any more). */
async function designOf(api: Awaited<ReturnType<typeof serverCaller>>['api'], id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const overview = await api.experimentResults.overview({ id }).catch(() => null);
  const parsed = overview ? ZExperimentDesignInput.safeParse(resubmittableDesign(overview.design.raw)) : null;
  return parsed?.success ? { ...parsed.data, name: `${parsed.data.name} (copy)`.slice(0, 200) } : null;
}

export default async function NewExperimentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, api } = await serverCaller();
  const params = await searchParams;
  const requested = typeof params.preset === 'string' ? params.preset.slice(0, 200) : null;
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(requested ? `/simulations/new?preset=${requested}` : '/simulations/new')}`);
  if (!hasRole(viewer.role, 'researcher')) forbidden();

  const from = typeof params.from === 'string' ? params.from : null;
  const duplicated = from ? await designOf(api, from) : null;
  const preset = requested ? findPreset(requested) : undefined;
  const design = duplicated ?? preset ?? findPreset('default');
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
      {from && !duplicated ? (
        <Alert variant="destructive" title="Nothing to duplicate" className="mb-6">
          That experiment does not exist or is not yours; the designer starts from the model defaults.
        </Alert>
      ) : null}
      <ExperimentDesigner initialDesign={design} presetName={duplicated ? '__imported' : design.name} presetNames={presetNames()} />
    </PageContainer>
  );
}
