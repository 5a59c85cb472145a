import Link from 'next/link';
import { Check } from 'lucide-react';
import { cn } from '~/lib/cn';
import { FACETS, directoryHref, toggleFacet, type DirectoryState, type FacetField } from '../_lib/search-params';

type Facets = Record<FacetField, { value: string; count: number }[]>;

const SHOWN = 8;

/** One list of links per taxonomy field; each link switches a value on or off (several per field). */
export function FacetPanel({ state, facets }: { state: DirectoryState; facets: Facets }) {
  return (
    <nav aria-label="Filters" className="grid gap-2">
      {FACETS.map(({ field, param, label }) => {
        const selected = state.filters[param];
        // Selected values stay listed even when no case in the current result has them.
        const values = [...facets[field]];
        for (const value of selected) if (!values.some((v) => v.value.toLowerCase() === value.toLowerCase())) values.push({ value, count: 0 });
        if (values.length === 0) return null;
        const isOn = (value: string) => selected.some((s) => s.toLowerCase() === value.toLowerCase());
        const first = values.filter((v, i) => i < SHOWN || isOn(v.value));
        const rest = values.filter((v, i) => i >= SHOWN && !isOn(v.value));
        const item = (v: { value: string; count: number }) => {
          const on = isOn(v.value);
          const selectedValue = selected.find((s) => s.toLowerCase() === v.value.toLowerCase()) ?? v.value;
          return (
            <li key={v.value}>
              <Link
                href={directoryHref(toggleFacet(state, param, selectedValue))}
                scroll={false}
                aria-current={on ? 'true' : undefined}
                data-testid="facet-value"
                data-facet={param}
                className={cn('flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-muted', on && 'bg-primary/10 font-medium')}
              >
                <span aria-hidden="true" className={cn('grid size-4 shrink-0 place-items-center rounded border', on && 'border-primary bg-primary text-primary-foreground')}>
                  {on ? <Check className="size-3" /> : null}
                </span>
                <span className="min-w-0 flex-1 truncate">{v.value}</span>
                <span className="text-xs tabular-nums text-muted-foreground">
                  {v.count}
                  <span className="sr-only"> cases{on ? ', selected' : ''}</span>
                </span>
              </Link>
            </li>
          );
        };
        return (
          <details key={field} open={selected.length > 0 || undefined} className="group rounded-lg border bg-card px-3 py-2" data-testid={`facet-${param}`}>
            <summary className="cursor-pointer list-none py-1 text-sm font-semibold marker:hidden">
              {label}
              {selected.length > 0 ? <span className="ml-2 text-xs font-normal text-primary">{selected.length} selected</span> : null}
            </summary>
            <ul className="mt-1 grid gap-0.5">{first.map(item)}</ul>
            {rest.length > 0 ? (
              <details className="mt-1">
                <summary className="cursor-pointer px-2 py-1 text-xs text-primary">{rest.length} more</summary>
                <ul className="grid gap-0.5">{rest.map(item)}</ul>
              </details>
            ) : null}
          </details>
        );
      })}
    </nav>
  );
}
