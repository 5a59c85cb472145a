'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '~/components/ui/select';

/** Chooses the metric the results section shows; the choice lives in the address (?metric=). */
export function MetricPicker({ id, metrics, value }: { id: string; metrics: string[]; value: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="grid gap-1.5 sm:w-72">
      <span id="metric-label" className="text-sm font-medium">
        Metric
      </span>
      <Select
        value={value}
        onValueChange={(metric) => startTransition(() => router.replace(`/simulations/${id}?metric=${encodeURIComponent(metric)}`, { scroll: false }))}
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
