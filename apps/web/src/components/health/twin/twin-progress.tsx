'use client';

import { useEffect, useRef } from 'react';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useTRPC } from '~/lib/trpc/react';
import type { AppRouter } from '~/server/trpc/root';

type TwinLatest = inferRouterOutputs<AppRouter>['twin']['latest'];

const POLL_MS = 2_000;
const active = (t: TwinLatest) => t !== null && (t.status === 'calibrating' || t.status === 'forecasting');
const fmt = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });

/**
 * Progress of the running calibration, polled every two seconds; when a generation or the whole
 * calibration finishes, the page is drawn again so the posterior and forecast plots catch up.
 */
export function TwinProgress({ slug, initial }: { slug: string; initial: TwinLatest }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: twin } = useQuery({
    ...trpc.twin.latest.queryOptions({ slug }),
    initialData: initial,
    refetchInterval: (query) => (query.state.data !== undefined && active(query.state.data) ? POLL_MS : false),
  });
  const seen = useRef(`${initial?.status}:${initial?.history.length}`);
  useEffect(() => {
    const now = `${twin?.status}:${twin?.history.length}`;
    if (now !== seen.current) router.refresh();
    seen.current = now;
  }, [twin?.status, twin?.history.length, router]);

  if (!twin || !active(twin)) return null;
  const { batch, settings } = twin;
  const phase = twin.status === 'forecasting' ? 'Forecasting every feature scenario from the posterior' : `Generation ${twin.generation + 1} of ${settings.generations}`;
  const share = batch && batch.total > 0 ? batch.done / batch.total : 0;
  return (
    <section className="grid gap-2 rounded-lg border bg-card p-4" aria-live="polite" data-testid="twin-progress">
      <p className="text-sm font-medium">{phase}</p>
      <div className="h-2 w-full overflow-hidden rounded bg-muted" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <div className="h-full bg-primary transition-all" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <p className="text-xs text-muted-foreground">
        {batch ? `${batch.done} of ${batch.total} runs of batch ${twin.batches} done${batch.failed > 0 ? `, ${batch.failed} failed` : ''}.` : 'Waiting for a worker…'}{' '}
        {twin.history.length > 0 ? `Tolerance so far: ${twin.history.map((h) => fmt.format(h.tolerance)).join(' → ')}.` : null}
      </p>
    </section>
  );
}
