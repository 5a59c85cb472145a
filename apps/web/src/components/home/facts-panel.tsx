import { EXPERIMENT_PRESETS, PARAMETERS } from '@p2pvalue/sim';

// The numbers come from the model library itself, so the page cannot drift from what ships.
const FACTS = [
  { value: '380', label: 'CBPP cases in the 2016 P2Pvalue directory, the seed of ours' },
  { value: String(PARAMETERS.length), label: 'parameters of the agent-based model, each with its documented range' },
  { value: String(EXPERIMENT_PRESETS.length), label: 'experiments from the original model, ready to run again' },
];

export function FactsPanel() {
  return (
    <dl className="grid gap-px overflow-hidden rounded-xl border bg-border shadow-xs">
      {FACTS.map((fact) => (
        <div key={fact.label} className="flex items-baseline gap-4 bg-card px-6 py-5">
          {/* Read as "label: value"; shown value first. */}
          <dt className="order-2 text-sm text-muted-foreground">{fact.label}</dt>
          <dd className="order-1 w-14 shrink-0 text-3xl font-semibold tracking-tight text-primary tabular-nums">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
