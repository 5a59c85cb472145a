import type { Metadata } from 'next';
import { EXPERIMENT_PRESETS, PARAMETERS } from '@p2pvalue/sim';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { SectionStatus } from '~/components/roadmap/section-status';

export const metadata: Metadata = { title: 'Simulations' };

export default function SimulationsPage() {
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Agent-based model"
        title="Simulations"
        description="The P2Pvalue agent-based model of CBPP communities (Barbrook-Johnson, 2015–16): how core contributors, occasional contributors and lurkers join, work, get rewarded and leave, and how platform features change that."
      />
      <SectionStatus
        planned={[
          `Single runs in the browser with all ${PARAMETERS.length} model parameters, each with its default and its documented range.`,
          'Experiments queued on background workers, with live progress, cancel and resume.',
          `The ${EXPERIMENT_PRESETS.length} experiments of the original model files as ready-made presets.`,
          'Charts of role shares (the “1-9-90”), contribution inequality and community trajectories: steady, sudden growth, grow-then-collapse, quick death.',
          'Comparison of simulated trajectories with the contribution records of real communities on the platform.',
          'Downloadable results, archived as versioned datasets.',
        ]}
        availableNow={[
          'The model engine, ported with seeded, reproducible runs and snapshots that resume exactly.',
          <>
            A command-line runner, <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">p2pv-sim</code>, for single runs and the original experiments, for people working from a checkout of the project.
          </>,
        ]}
        footnote="Running simulations from this site will need a researcher or staff account."
      />
    </PageContainer>
  );
}
