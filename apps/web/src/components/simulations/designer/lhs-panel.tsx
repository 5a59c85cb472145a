'use client';

import { useState } from 'react';
import { X } from 'lucide-react';
import { getParameterSpec, parameterLimits } from '@p2pvalue/sim';
import { Button } from '~/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card';
import { Input } from '~/components/ui/input';
import { Label } from '~/components/ui/label';
import { removeLhsParameter, sampleableParameters, updateLhsParameter, type LhsDraft } from './lhs-state';

const selectClass = 'h-10 w-full min-w-0 rounded-md border border-input bg-background px-3 text-base shadow-xs sm:text-sm';
const idOf = (name: string, part: string) => `lhs-${name.replace(/[^A-Za-z0-9-]/g, '_')}-${part}`;

function Problem({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-sm font-medium text-destructive" data-testid="field-error">
      {message}
    </p>
  );
}

interface LhsPanelProps {
  draft: LhsDraft;
  errors: Record<string, string>;
  onChange: (draft: LhsDraft) => void;
  /** Adds a parameter to the hypercube (the designer also takes it out of the fixed values). */
  onAdd: (name: string) => void;
}

/** The sensitivity mode of the designer: the sampled parameters with their ranges, and the number of samples. */
export function LhsPanel({ draft, errors, onChange, onAdd }: LhsPanelProps) {
  const available = sampleableParameters(draft);
  const [toAdd, setToAdd] = useState('');
  const chosen = available.some((s) => s.name === toAdd) ? toAdd : (available[0]?.name ?? '');

  return (
    <Card data-testid="lhs-panel">
      <CardHeader>
        <CardTitle>Sensitivity (Latin hypercube)</CardTitle>
        <CardDescription>
          Each sample is one condition: every chosen parameter’s range is cut into as many equal strata as there are samples and each stratum is used exactly once, drawn from the root seed. The results page shows the partial rank correlation (PRCC) of every recorded output with every sampled parameter. Other parameters take one value each (below) or their defaults.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid max-w-xs gap-1.5">
          <Label htmlFor="design-lhs-samples">Samples</Label>
          <Input
            id="design-lhs-samples"
            type="number"
            inputMode="numeric"
            min={2}
            step={1}
            value={draft.samples}
            onChange={(e) => onChange({ ...draft, samples: e.target.value })}
            aria-invalid={errors.lhsSamples ? true : undefined}
            aria-describedby="design-lhs-samples-hint design-lhs-samples-error"
          />
          <p id="design-lhs-samples-hint" className="text-xs text-muted-foreground">
            PRCC needs clearly more samples than sampled parameters; 10 per parameter is a common start.
          </p>
          <Problem id="design-lhs-samples-error" message={errors.lhsSamples} />
        </div>

        {draft.parameters.length > 0 ? (
          <ul className="grid gap-3" aria-label="Sampled parameters">
            {draft.parameters.map((p) => {
              const spec = getParameterSpec(p.name);
              const limits = spec ? parameterLimits(spec) : null;
              const error = errors[`lhs:${p.name}`];
              return (
                <li key={p.name} className="grid min-w-0 gap-2 rounded-lg border p-3" data-testid={`lhs-param-${p.name}`}>
                  <div className="flex min-w-0 items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-mono text-sm break-all">{p.name}</p>
                      {limits ? (
                        <p id={idOf(p.name, 'hint')} className="text-xs text-muted-foreground">
                          {spec?.type === 'integer' ? 'Whole numbers' : 'Numbers'} from {limits.min} to {limits.max}
                        </p>
                      ) : null}
                    </div>
                    <Button type="button" variant="ghost" size="sm" onClick={() => onChange(removeLhsParameter(draft, p.name))} aria-label={`Stop sampling ${p.name}`}>
                      <X aria-hidden="true" className="size-4" />
                    </Button>
                  </div>
                  <div className="grid grid-cols-2 gap-3">
                    {(['min', 'max'] as const).map((key) => (
                      <div key={key} className="grid min-w-0 gap-1">
                        <Label htmlFor={idOf(p.name, key)} className="text-xs">
                          {key === 'min' ? 'Minimum' : 'Maximum'}
                          <span className="sr-only"> of {p.name}</span>
                        </Label>
                        <Input
                          id={idOf(p.name, key)}
                          type="number"
                          inputMode="decimal"
                          step="any"
                          value={p[key]}
                          onChange={(e) => onChange(updateLhsParameter(draft, p.name, { [key]: e.target.value }))}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={`${idOf(p.name, 'hint')}${error ? ` ${idOf(p.name, 'error')}` : ''}`}
                        />
                      </div>
                    ))}
                  </div>
                  <Problem id={idOf(p.name, 'error')} message={error} />
                </li>
              );
            })}
          </ul>
        ) : null}
        <Problem id="design-lhs-error" message={errors.lhs} />

        {available.length > 0 ? (
          <div className="grid gap-1.5">
            <Label htmlFor="design-lhs-add">Sample another parameter</Label>
            <div className="flex min-w-0 flex-col gap-2 sm:flex-row">
              <select id="design-lhs-add" value={chosen} onChange={(e) => setToAdd(e.target.value)} className={selectClass}>
                {available.map((spec) => (
                  <option key={spec.name} value={spec.name}>
                    {spec.name}
                  </option>
                ))}
              </select>
              <Button type="button" variant="secondary" disabled={!chosen} onClick={() => onAdd(chosen)}>
                Add
              </Button>
            </div>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
