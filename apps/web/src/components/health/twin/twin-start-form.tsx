'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';
import { Label } from '~/components/ui/label';
import { errorDetails } from '~/lib/trpc/errors';
import { useTRPC } from '~/lib/trpc/react';

export interface TwinPriorChoice {
  name: string;
  min: number;
  max: number;
  description: string;
}

const SIZES = [
  { id: 'quick', label: 'Quick look (about a minute)', populationSize: 4, generations: 2, fitWeeks: 12, horizonWeeks: 26, forecastDraws: 2 },
  { id: 'standard', label: 'Standard (a few minutes)', populationSize: 30, generations: 3, fitWeeks: 52, horizonWeeks: 260, forecastDraws: 10 },
  { id: 'thorough', label: 'Thorough (up to an hour)', populationSize: 100, generations: 5, fitWeeks: 104, horizonWeeks: 260, forecastDraws: 30 },
] as const;

/** Choosing what to calibrate and how hard (community admins and staff); the server checks again. */
export function TwinStartForm({ slug, priors }: { slug: string; priors: TwinPriorChoice[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [size, setSize] = useState<(typeof SIZES)[number]['id']>('standard');
  const [chosen, setChosen] = useState(() => Object.fromEntries(priors.map((p) => [p.name, { on: true, min: p.min, max: p.max }])));
  const queryClient = useQueryClient();
  // A finished calibration's cached status would keep the progress from polling the new one.
  const start = useMutation(
    trpc.twin.start.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.twin.latest.queryKey({ slug }) });
        router.refresh();
      },
    }),
  );
  const selected = priors.filter((p) => chosen[p.name]?.on);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const { id: _id, label: _label, ...budget } = SIZES.find((s) => s.id === size) ?? SIZES[1];
    start.mutate({ slug, settings: { ...budget, priors: selected.map((p) => ({ name: p.name, min: chosen[p.name]?.min ?? p.min, max: chosen[p.name]?.max ?? p.max })) } });
  }

  // Until the page is drawn again with the new calibration, say that it has been queued.
  if (start.isSuccess) {
    return (
      <p className="rounded-lg border bg-card p-4 text-sm" aria-live="polite" data-testid="twin-progress">
        Calibration queued; waiting for a worker…
      </p>
    );
  }

  return (
    <form className="grid min-w-0 gap-4 rounded-lg border bg-card p-4" onSubmit={submit} data-testid="twin-start-form">
      {/* A fieldset is at least as wide as its content unless told otherwise. */}
      <fieldset className="grid min-w-0 gap-2">
        <legend className="mb-1 text-sm font-medium">Parameters to calibrate (uniform priors)</legend>
        {priors.map((p) => {
          const c = chosen[p.name] ?? { on: false, min: p.min, max: p.max };
          const set = (patch: Partial<typeof c>) => setChosen((old) => ({ ...old, [p.name]: { ...c, ...patch } }));
          return (
            <div key={p.name} className="grid min-w-0 gap-1 rounded-md border p-2 sm:grid-cols-[minmax(0,1fr)_auto_auto] sm:items-center sm:gap-3">
              <label className="flex min-w-0 items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" checked={c.on} onChange={(e) => set({ on: e.target.checked })} />
                <span className="min-w-0 break-words">
                  <code className="text-xs">{p.name}</code>
                  <span className="block text-xs text-muted-foreground">{p.description}</span>
                </span>
              </label>
              <Label className="flex items-center gap-1 text-xs">
                from
                <Input className="h-8 w-20" type="number" step="any" value={c.min} disabled={!c.on} onChange={(e) => set({ min: Number(e.target.value) })} />
              </Label>
              <Label className="flex items-center gap-1 text-xs">
                to
                <Input className="h-8 w-20" type="number" step="any" value={c.max} disabled={!c.on} onChange={(e) => set({ max: Number(e.target.value) })} />
              </Label>
            </div>
          );
        })}
      </fieldset>
      <Label className="grid min-w-0 gap-1 text-sm">
        Effort
        <select className="h-9 w-full min-w-0 rounded-md border bg-background px-2 text-sm" value={size} onChange={(e) => setSize(e.target.value as typeof size)} data-testid="twin-size">
          {SIZES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}: {s.populationSize} particles × {s.generations} generations, {s.fitWeeks} weeks fitted, {s.horizonWeeks} weeks ahead
            </option>
          ))}
        </select>
      </Label>
      {start.error ? (
        <p className="text-sm text-destructive" role="alert">
          {errorDetails(start.error).message}
        </p>
      ) : null}
      <Button type="submit" disabled={start.isPending || selected.length === 0} data-testid="twin-start">
        {start.isPending ? 'Starting…' : 'Start calibration'}
      </Button>
    </form>
  );
}
