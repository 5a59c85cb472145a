'use client';

import { useMemo, useState } from 'react';
import { BEHAVIORSPACE_METRIC_IDS, METRICS, type MetricDef } from '@p2pvalue/sim';
import { Input } from '~/components/ui/input';

const SOURCE_LABELS: Record<MetricDef['source'], string> = {
  behaviorspace: 'BehaviorSpace metrics (MODEL.md §11.3)',
  plot: 'Plot pens (§11.1)',
  monitor: 'Monitors (§11.2)',
  port: 'Port-only observables (§11.4)',
};

const ALL_METRICS = [...METRICS.values()];

interface MetricsPickerProps {
  mode: 'behaviorspace' | 'custom';
  selected: readonly string[];
  everyTick: boolean;
  error: string | undefined;
  onChange: (patch: { metricsMode?: 'behaviorspace' | 'custom'; metrics?: string[]; runMetricsEveryStep?: boolean }) => void;
}

/** What each run records: the 59 BehaviorSpace metrics (the default) or a chosen set; every tick or the final state only. */
export function MetricsPicker({ mode, selected, everyTick, error, onChange }: MetricsPickerProps) {
  const [filter, setFilter] = useState('');
  const chosen = useMemo(() => new Set(selected), [selected]);
  const needle = filter.trim().toLowerCase();
  const visible = needle ? ALL_METRICS.filter((m) => m.id.includes(needle) || m.description.toLowerCase().includes(needle)) : ALL_METRICS;
  const toggle = (id: string, on: boolean) => {
    // The registry's order, so exports are stable whatever order the boxes were ticked in.
    const next = ALL_METRICS.map((m) => m.id).filter((m) => (m === id ? on : chosen.has(m)));
    onChange({ metrics: next });
  };

  return (
    <div className="grid min-w-0 gap-3">
      <fieldset className="grid gap-1.5">
        <legend className="pb-1 text-sm font-medium">Record</legend>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="radio" name="record-every" className="size-4 accent-(--primary)" checked={everyTick} onChange={() => onChange({ runMetricsEveryStep: true })} />
          Every tick (a time series per run, like every original experiment)
        </label>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="radio" name="record-every" className="size-4 accent-(--primary)" checked={!everyTick} onChange={() => onChange({ runMetricsEveryStep: false })} />
          Final values only
        </label>
      </fieldset>
      <fieldset className="grid gap-1.5">
        <legend className="pb-1 text-sm font-medium">Metrics</legend>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="radio" name="metrics-mode" className="size-4 accent-(--primary)" checked={mode === 'behaviorspace'} onChange={() => onChange({ metricsMode: 'behaviorspace', metrics: [...BEHAVIORSPACE_METRIC_IDS] })} />
          The {BEHAVIORSPACE_METRIC_IDS.length} BehaviorSpace metrics (default)
        </label>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="radio" name="metrics-mode" className="size-4 accent-(--primary)" checked={mode === 'custom'} onChange={() => onChange({ metricsMode: 'custom' })} />
          Choose ({selected.length} of {ALL_METRICS.length} chosen)
        </label>
      </fieldset>
      {error ? (
        <p role="alert" className="text-sm font-medium text-destructive" data-testid="field-error">
          {error}
        </p>
      ) : null}
      {mode === 'custom' ? (
        <div className="grid min-w-0 gap-2">
          <Input aria-label="Filter metrics" placeholder="Filter, e.g. gini or count" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <div className="max-h-80 min-w-0 overflow-y-auto rounded-md border p-2">
            {(Object.keys(SOURCE_LABELS) as MetricDef['source'][]).map((source) => {
              const metrics = visible.filter((m) => m.source === source);
              if (metrics.length === 0) return null;
              return (
                <fieldset key={source} className="grid gap-1 pb-3">
                  <legend className="pb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{SOURCE_LABELS[source]}</legend>
                  {metrics.map((m) => (
                    <label key={m.id} className="flex min-w-0 items-start gap-2 text-sm">
                      <input type="checkbox" className="mt-0.5 size-4 shrink-0 accent-(--primary)" checked={chosen.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
                      <span className="min-w-0">
                        <span className="font-mono text-xs break-all">{m.id}</span>
                        <span className="block text-xs text-muted-foreground">{m.description}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              );
            })}
          </div>
        </div>
      ) : null}
    </div>
  );
}
