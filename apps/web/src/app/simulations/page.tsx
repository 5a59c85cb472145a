import type { Metadata } from 'next';
import Link from 'next/link';
import { TRPCError } from '@trpc/server';
import { FlaskConical, Plus } from 'lucide-react';
import { EXPERIMENT_PRESETS, PARAMETERS, countRuns, type Design } from '@p2pvalue/sim';
import { hasRole } from '@p2pvalue/platform';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { formatDateTime } from '~/components/account/format-date';
import { Alert } from '~/components/ui/alert';
import { Badge } from '~/components/ui/badge';
import { Button } from '~/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card';
import { serverCaller } from '~/app/communities/_lib/server-caller';
import { cn } from '~/lib/cn';

export const metadata: Metadata = { title: 'Simulations' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_BADGE = {
  queued: { label: 'Queued', variant: 'secondary' },
  running: { label: 'Running', variant: 'default' },
  completed: { label: 'Completed', variant: 'success' },
  failed: { label: 'Failed', variant: 'destructive' },
  cancelled: { label: 'Cancelled', variant: 'outline' },
} as const;

const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';

/** The parameters an original experiment varies, with their values (the rest are fixed). */
function variedParameters(design: Design): string[] {
  return Object.entries(design.enumerated)
    .filter(([, values]) => values.length > 1)
    .map(([name, values]) => `${name}: ${values.map((v) => (typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v))).join(', ')}`);
}

function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(value * 100);
  return (
    <div className="grid gap-1">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-1.5 w-full overflow-hidden rounded-full bg-muted">
        <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs text-muted-foreground tabular-nums">{percent}%</span>
    </div>
  );
}

async function ExperimentList({ cursor, scope, isStaff }: { cursor: string | null; scope: 'mine' | 'all'; isStaff: boolean }) {
  const { api } = await serverCaller();
  let page: Awaited<ReturnType<typeof api.experiment.list>>;
  try {
    page = await api.experiment.list({ cursor, scope, limit: 20 });
  } catch (error) {
    // A stale or edited cursor: start again from the newest.
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') page = await api.experiment.list({ scope, limit: 20 });
    else throw error;
  }
  const base = scope === 'all' ? '/simulations?scope=all' : '/simulations';
  return (
    <section aria-labelledby="experiments-heading" className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="experiments-heading" className="text-xl font-semibold tracking-tight">
          {scope === 'all' ? 'Everyone’s experiments' : 'Your experiments'}
        </h2>
        {isStaff ? (
          <nav aria-label="Whose experiments" className="flex gap-1 rounded-lg border p-1 text-sm">
            {(['mine', 'all'] as const).map((s) => (
              <Link key={s} href={s === 'all' ? '/simulations?scope=all' : '/simulations'} aria-current={s === scope ? 'page' : undefined} className={cn('rounded-md px-3 py-1', s === scope ? 'bg-primary text-primary-foreground' : 'hover:bg-accent')}>
                {s === 'all' ? 'Everyone' : 'Mine'}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      {page.items.length === 0 ? (
        <Card>
          <CardContent className="grid justify-items-start gap-3 pt-5 sm:pt-6">
            <p className="text-muted-foreground">{cursor ? 'No older experiments.' : 'No experiments yet. Start from one of the original experiments below, or from the model defaults.'}</p>
            <Button asChild size="sm">
              <Link href="/simulations/new">New experiment</Link>
            </Button>
          </CardContent>
        </Card>
      ) : (
        <ul className="grid gap-3" data-testid="experiment-list">
          {page.items.map((item) => {
            const badge = STATUS_BADGE[item.status];
            return (
              <li key={item.id}>
                <Card className="grid gap-3 p-4 sm:grid-cols-[minmax(0,1fr)_12rem] sm:items-center sm:p-5">
                  <div className="grid min-w-0 gap-1.5">
                    <div className="flex min-w-0 flex-wrap items-center gap-2">
                      <Link href={`/simulations/${item.id}`} className={cn(linkClass, 'min-w-0 break-words')}>
                        {item.name}
                      </Link>
                      <Badge variant={badge.variant}>{badge.label}</Badge>
                    </div>
                    <p className="text-sm text-muted-foreground">
                      <span className="tabular-nums">
                        {item.runs.done.toLocaleString('en')} / {item.runs.total.toLocaleString('en')}
                      </span>{' '}
                      runs done
                      {item.runs.running > 0 ? `, ${item.runs.running} running` : ''}
                      {item.runs.failed > 0 ? `, ${item.runs.failed} failed` : ''} · created <time dateTime={item.createdAt}>{formatDateTime(new Date(item.createdAt))}</time>
                      {scope === 'all' ? ` · by ${item.owner.name}` : ''}
                    </p>
                    <p className="text-xs text-muted-foreground">{item.preset ? `Preset: ${item.preset.name}${item.preset.modified ? ' (modified)' : ''}` : 'Own design'}</p>
                  </div>
                  <ProgressBar value={item.progress} label={`Progress of ${item.name}`} />
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      <nav aria-label="Experiment pages" className="flex flex-wrap gap-2">
        {cursor ? (
          <Button asChild variant="outline" size="sm">
            <Link href={base}>Newest</Link>
          </Button>
        ) : null}
        {page.nextCursor ? (
          <Button asChild variant="outline" size="sm">
            <Link href={`${base}${base.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(page.nextCursor)}`}>Older experiments</Link>
          </Button>
        ) : null}
      </nav>
    </section>
  );
}

export default async function SimulationsPage({ searchParams }: Props) {
  const { viewer } = await serverCaller();
  const params = await searchParams;
  const canRun = viewer !== null && hasRole(viewer.role, 'researcher');
  const isStaff = viewer !== null && hasRole(viewer.role, 'staff');
  const cursor = typeof params.cursor === 'string' && params.cursor.length <= 200 ? params.cursor : null;
  const scope = isStaff && params.scope === 'all' ? 'all' : 'mine';

  return (
    <PageContainer>
      <PageHeader
        eyebrow="Agent-based model"
        title="Simulations"
        description="The P2Pvalue agent-based model of CBPP communities (Barbrook-Johnson, 2015–16): how core contributors, occasional contributors and lurkers join, work, get rewarded and leave, and how platform features change that."
        actions={
          canRun ? (
            <Button asChild>
              <Link href="/simulations/new">
                <Plus aria-hidden="true" /> New experiment
              </Link>
            </Button>
          ) : null
        }
      />

      <div className="grid gap-10">
        {canRun ? <ExperimentList cursor={cursor} scope={scope} isStaff={isStaff} /> : null}
        {viewer && !canRun ? (
          <Alert title="Running experiments needs a researcher account">
            <p>Your account is a member account. Staff can make it a researcher account; then you can design experiments here and queue them on the simulation workers.</p>
          </Alert>
        ) : null}
        {!viewer ? (
          <Alert title="Run your own experiments">
            <p>
              <Link href="/sign-in?next=/simulations" className={linkClass}>
                Sign in
              </Link>{' '}
              with a researcher account to design experiments, queue them and follow their progress.
            </p>
          </Alert>
        ) : null}

        <section aria-labelledby="about-heading" className="grid gap-4">
          <h2 id="about-heading" className="text-xl font-semibold tracking-tight">
            What the simulator is
          </h2>
          <div className="grid gap-4 md:grid-cols-3">
            <Card>
              <CardHeader>
                <CardTitle>The model</CardTitle>
                <CardDescription>
                  A faithful TypeScript port of the P2Pvalue NetLogo model: #1s (core contributors), #9s (occasional contributors) and #90s (consumers) find projects and tasks, make friends, get thanks and points, change role and leave. {PARAMETERS.length} parameters, each with its documented range; two variants (D2.2 and final).
                </CardDescription>
              </CardHeader>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Experiments</CardTitle>
                <CardDescription>
                  Like NetLogo’s BehaviorSpace: lists or ranges of parameter values, crossed into conditions, each repeated with its own seed derived from one root seed, so every run can be reproduced exactly.
                </CardDescription>
              </CardHeader>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Workers</CardTitle>
                <CardDescription>Runs are queued on background workers that checkpoint as they go: progress is live, a run can be cancelled or retried, and results are kept with the experiment.</CardDescription>
              </CardHeader>
            </Card>
          </div>
        </section>

        <section aria-labelledby="presets-heading" className="grid gap-4">
          <div className="grid gap-1">
            <h2 id="presets-heading" className="text-xl font-semibold tracking-tight">
              The {EXPERIMENT_PRESETS.length} original experiments
            </h2>
            <p className="text-muted-foreground">The BehaviorSpace experiments of the original model files, ready to run or to adapt.</p>
          </div>
          <ul className="grid gap-3 md:grid-cols-2" data-testid="preset-list">
            {EXPERIMENT_PRESETS.map((preset) => {
              const varied = variedParameters(preset);
              return (
                <li key={preset.name} className="min-w-0">
                  <Card className="grid h-full content-start gap-2 p-4 sm:p-5">
                    <div className="flex min-w-0 flex-wrap items-start justify-between gap-2">
                      <h3 className="min-w-0 font-mono text-sm font-semibold break-all">{preset.name}</h3>
                      <span className="text-xs text-muted-foreground tabular-nums">
                        {countRuns(preset).toLocaleString('en')} runs · {preset.repetitions} × {preset.steps} ticks{preset.variant === 'final' ? ' · final' : ''}
                      </span>
                    </div>
                    {varied.length > 0 ? (
                      <ul className="grid gap-0.5 text-xs text-muted-foreground">
                        {varied.map((v) => (
                          <li key={v} className="break-words">
                            {v}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="text-xs text-muted-foreground">No parameter varied: one condition.</p>
                    )}
                    {canRun ? (
                      <Link href={`/simulations/new?preset=${encodeURIComponent(preset.name)}`} className={cn(linkClass, 'inline-flex items-center gap-1.5 text-sm')}>
                        <FlaskConical aria-hidden="true" className="size-4" /> Open in the designer
                      </Link>
                    ) : null}
                  </Card>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </PageContainer>
  );
}
