'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '~/components/ui/select';

/** Chooses the metric the results section shows; the choice lives in the address (?metric=). */
export function MetricPicker({ id, metrics, value, keep = {} }: { id: string; metrics: string[]; value: string; keep?: Record<string, string> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The rest of the address (the compared conditions) stays as it is.
  const href = (metric: string) => `/simulations/${id}?${new URLSearchParams({ ...keep, metric }).toString()}`;
  return (
    <div className="grid gap-1.5 sm:w-72">
      <span id="metric-label" className="text-sm font-medium">
        Metric
      </span>
      <Select
        value={value}
        onValueChange={(metric) => startTransition(() => router.replace(href(metric), { scroll: false }))}
      >
        <SelectTrigger aria-labelledby="metric-label" aria-busy={pending} className="w-full">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {metrics.map((metric) => (
            <SelectItem key={metric} value={metric}>
              {metric}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
