import { CircleCheck, CircleDashed } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '~/components/ui/badge';

interface SectionStatusProps {
  planned: readonly ReactNode[];
  availableNow: readonly ReactNode[];
  footnote?: ReactNode;
}

/**
 * An honest status panel for sections still being built: what the section will hold and what
 * already works today, without placeholder content.
 */
export function SectionStatus({ planned, availableNow, footnote }: SectionStatusProps) {
  return (
    <div className="grid gap-5 lg:grid-cols-[3fr_2fr]">
      <section aria-labelledby="planned-title" className="rounded-xl border bg-card p-6">
        <div className="mb-4 flex items-center justify-between gap-3">
          <h2 id="planned-title" className="text-lg font-semibold tracking-tight">
            What this section will hold
          </h2>
          <Badge variant="secondary">In development</Badge>
        </div>
        <ul className="grid gap-3">
          {planned.map((item, i) => (
            <li key={i} className="flex gap-3 text-sm leading-relaxed">
              <CircleDashed className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
              <span>{item}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="available-title" className="rounded-xl border bg-card p-6">
        <h2 id="available-title" className="mb-4 text-lg font-semibold tracking-tight">
          Available now
        </h2>
        <ul className="grid gap-3">
          {availableNow.map((item, i) => (
            <li key={i} className="flex gap-3 text-sm leading-relaxed">
              <CircleCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />
              <span>{item}</span>
            </li>
          ))}
        </ul>
        {footnote ? <div className="mt-5 border-t pt-4 text-sm text-muted-foreground">{footnote}</div> : null}
      </section>
    </div>
  );
}
