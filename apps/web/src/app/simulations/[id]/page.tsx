import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { hasRole } from '@p2pvalue/platform';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Badge } from '~/components/ui/badge';
import { orNotFound, serverCaller } from '~/app/communities/_lib/server-caller';
import { ComparisonSection } from '~/components/simulations/experiment/comparison-section';
import { ExperimentActions } from '~/components/simulations/experiment/experiment-actions';
import { LiveProgress } from '~/components/simulations/experiment/live-progress';
import { ResultsSection } from '~/components/simulations/experiment/results-section';
import { RunsTable } from '~/components/simulations/experiment/runs-table';
import { SensitivitySection } from '~/components/simulations/experiment/sensitivity-section';
import { StatusBadge } from '~/components/simulations/experiment/status-badge';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** The metric shown first: the #1s (core contributors) when recorded, else the first recorded. */
const PREFERRED_METRICS = ['count_1s', 'count_9s', 'count_90s', 'count_turtles'];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return { title: 'Experiment' };
  const { viewer, api } = await serverCaller();
  const overview = viewer ? await api.experimentResults.overview({ id }).catch(() => null) : null;
  return { title: overview ? `${overview.name} · Experiment` : 'Experiment' };
}

export default async function ExperimentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { viewer, api } = await serverCaller();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(`/simulations/${id}`)}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [overview, status] = await Promise.all([orNotFound(api.experimentResults.overview({ id })), orNotFound(api.experiment.status({ id }))]);
  const query = await searchParams;
  const requested = query.metric;
  const metrics = overview.design.metrics;
  const metric =
    typeof requested === 'string' && metrics.includes(requested) ? requested : (PREFERRED_METRICS.find((m) => metrics.includes(m)) ?? metrics[0] ?? 'count_1s');
  // A sensitivity study charts the PRCC of every recorded output when there are few, else of the
  // metric on show and the main population counts.
  const sensitivityMetrics = metrics.length <= 6 ? metrics : [metric, ...PREFERRED_METRICS.filter((m) => m !== metric && metrics.includes(m))].slice(0, 4);
  // The comparison defaults to the first two conditions (in the original experiments, often a
  // platform feature off and on).
  const conditionCount = overview.conditions.length;
  const pick = (value: unknown, fallback: number) => {
    const n = typeof value === 'string' ? Number(value) : Number.NaN;
    return Number.isInteger(n) && n >= 0 && n < conditionCount ? n : fallback;
  };
  const compareA = pick(query.a, 0);
  const compareB = pick(query.b, compareA === 1 ? 0 : 1);
  const [result, sensitivity, comparison] = await Promise.all([
    api.experimentResults.metric({ id, metric }),
    overview.design.lhs ? api.experimentResults.sensitivity({ id, metrics: sensitivityMetrics }) : Promise.resolve(null),
    conditionCount >= 2 && compareA !== compareB ? api.experimentResults.compare({ id, a: compareA, b: compareB }) : Promise.resolve(null),
  ]);
  const active = status.status === 'queued' || status.status === 'running';
  const canResearch = hasRole(viewer.role, 'researcher');

  return (
    <PageContainer>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/simulations" className="text-primary hover:underline">
          Simulations
        </Link>
      </nav>
      <PageHeader
        eyebrow="Experiment"
        title={overview.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <StatusBadge status={status.status} />
            <span>
              {overview.preset ? (
                <>
                  Preset <span className="font-medium text-foreground">{overview.preset.name}</span>
                  {overview.preset.modified ? ' (modified)' : ''}
                </>
              ) : (
                'Custom design'
              )}
            </span>
            <span>Created {date.format(new Date(overview.createdAt))} UTC</span>
            <span>
              Root seed <span className="font-mono text-foreground">{overview.rootSeed}</span>
            </span>
            {overview.ownerName ? <span>by {overview.ownerName}</span> : null}
          </span>
        }
      />

      <div className="grid min-w-0 gap-10">
        <div className="grid gap-4">
          <ExperimentActions id={id} initial={status} design={overview.design.raw} canResearch={canResearch} datasetId={overview.datasetId} />
          <LiveProgress id={id} initial={status} steps={overview.design.steps} />
        </div>

        {sensitivity ? <SensitivitySection result={sensitivity} active={active} /> : null}

        <ResultsSection
          id={id}
          result={result}
          metrics={metrics}
          totalRuns={overview.totalRuns}
          active={active}
          keep={typeof query.a === 'string' || typeof query.b === 'string' ? { a: String(compareA), b: String(compareB) } : {}}
        />

        {conditionCount >= 2 ? (
          <ComparisonSection id={id} metric={metric} result={result} conditions={overview.conditions} comparison={comparison} a={compareA} b={compareB} />
        ) : null}

        <RunsTable id={id} initial={status} conditions={overview.conditions.map((c) => c.label)} steps={overview.design.steps} />

        <section aria-labelledby="design-heading" className="grid min-w-0 gap-3">
          <h2 id="design-heading" className="text-lg font-semibold">
            Design
          </h2>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-muted-foreground">Runs</dt>
            <dd>
              {overview.totalRuns} ({overview.conditions.length} {overview.design.lhs ? 'Latin-hypercube samples' : overview.conditions.length === 1 ? 'condition' : 'conditions'} × {overview.design.repetitions} repetitions)
            </dd>
            {overview.design.lhs?.parameters.map((p) => (
              <div key={p.name} className="contents">
                <dt className="font-mono text-xs break-all text-muted-foreground sm:pt-0.5">{p.name}</dt>
                <dd>
                  sampled from {p.min} to {p.max}
                </dd>
              </div>
            ))}
            <dt className="text-muted-foreground">Ticks per run</dt>
            <dd>{overview.design.steps}</dd>
            <dt className="text-muted-foreground">Recording</dt>
            <dd>{overview.design.perTick ? 'every tick' : 'final values only'}, {metrics.length} metrics</dd>
            <dt className="text-muted-foreground">Model</dt>
            <dd>
              version {overview.modelVersion}
              {overview.design.variant ? `, variant ${overview.design.variant}` : ''}
              {overview.design.fidelity ? `, ${overview.design.fidelity}` : ''}
            </dd>
            {overview.design.valueSets.map((set) => (
              <div key={set.name} className="contents">
                <dt className="font-mono text-xs break-all text-muted-foreground sm:pt-0.5">{set.name}</dt>
                <dd className="flex flex-wrap gap-1">
                  {set.values.map((value) => (
                    <Badge key={String(value)} variant={set.values.length > 1 ? 'default' : 'outline'} className="font-mono">
                      {String(value)}
                    </Badge>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </PageContainer>
  );
}
