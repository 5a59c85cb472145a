'use client';

import { memo } from 'react';
import type { ParameterSpec, Variant } from '@p2pvalue/sim';
import { parameterLimits } from '@p2pvalue/sim';
import { Input } from '~/components/ui/input';
import { cn } from '~/lib/cn';
import { defaultValueOf, formatValue, type ParamDraft, type ParamMode } from './design-state';

const MODE_LABELS: Record<ParamMode, string> = { default: 'Default', single: 'Value', list: 'List', range: 'Range' };

const controlId = (name: string, part: string) => `param-${name.replace(/[^A-Za-z0-9-]/g, '_')}-${part}`;

/** A switch: a native checkbox (it works before hydration and with every assistive technology). */
export function Switch({ checked, onChange, label, id }: { checked: boolean; onChange: (checked: boolean) => void; label: string; id: string }) {
  return (
    <label htmlFor={id} className="inline-flex cursor-pointer items-center gap-2 text-sm">
      <input id={id} type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.target.checked)} className="peer sr-only" />
      <span
        aria-hidden="true"
        className="relative inline-flex h-5 w-9 shrink-0 items-center rounded-full bg-input transition-colors peer-checked:bg-primary peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring after:absolute after:left-0.5 after:size-4 after:rounded-full after:bg-background after:shadow-xs after:transition-transform peer-checked:after:translate-x-4"
      />
      <span>{label}</span>
    </label>
  );
}

function rangeHint(spec: ParameterSpec): string | null {
  if (spec.type !== 'integer' && spec.type !== 'number') return null;
  const { min, max } = parameterLimits(spec);
  return `${spec.type === 'integer' ? 'Whole number' : 'Number'} from ${min} to ${max}${spec.step ? `, slider step ${spec.step}` : ''}`;
}

const selectClass = 'h-10 w-full min-w-0 rounded-md border border-input bg-background px-3 text-base shadow-xs aria-invalid:border-destructive sm:text-sm';

interface ParameterControlProps {
  spec: ParameterSpec;
  draft: ParamDraft;
  variant: Variant;
  error: string | undefined;
  onChange: (name: string, patch: Partial<ParamDraft>) => void;
}

/** One model parameter: its default, one value, a list of values or a stepped range, with the reason when it is refused. */
export const ParameterControl = memo(function ParameterControl({ spec, draft, variant, error, onChange }: ParameterControlProps) {
  const numeric = spec.type === 'integer' || spec.type === 'number';
  const modes: ParamMode[] = numeric ? ['default', 'single', 'list', 'range'] : ['default', 'single', 'list'];
  const { min, max } = numeric ? parameterLimits(spec) : { min: undefined, max: undefined };
  const hint = rangeHint(spec);
  const errorId = controlId(spec.name, 'error');
  const describedBy = [controlId(spec.name, 'description'), error ? errorId : null].filter(Boolean).join(' ');
  const invalid = error ? true : undefined;
  const set = (patch: Partial<ParamDraft>) => onChange(spec.name, patch);
  const options = spec.type === 'boolean' ? ['false', 'true'] : (spec.options ?? []);
  const optionLabel = (o: string) => (spec.type === 'boolean' ? (o === 'true' ? 'On' : 'Off') : o);
  const finalOnly = spec.default === null;

  return (
    <div className={cn('grid min-w-0 content-start gap-2 rounded-lg border p-3', draft.mode !== 'default' && 'border-primary/40 bg-primary/[0.03]', error && 'border-destructive/60')} data-testid={`param-${spec.name}`}>
      <div className="flex min-w-0 flex-wrap items-baseline justify-between gap-x-2 gap-y-1">
        <h4 className="min-w-0 font-mono text-sm font-medium break-all">{spec.name}</h4>
        {finalOnly ? <span className="text-xs text-muted-foreground">final variant only</span> : null}
      </div>
      <p id={controlId(spec.name, 'description')} className="text-xs text-muted-foreground">
        {spec.description}
        {hint ? <span className="block pt-0.5">{hint}.</span> : null}
      </p>
      <div role="radiogroup" aria-label={`${spec.name}: how to set it`} className="flex flex-wrap gap-1">
        {modes.map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={draft.mode === mode}
            onClick={() => set({ mode })}
            className={cn(
              'rounded-md border px-2.5 py-1 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring',
              draft.mode === mode ? 'border-primary bg-primary text-primary-foreground' : 'bg-background hover:bg-accent',
            )}
          >
            {MODE_LABELS[mode]}
          </button>
        ))}
      </div>

      {draft.mode === 'default' ? (
        <p className="text-sm">
          Model default ({variant}): <span className="font-medium">{spec.type === 'boolean' ? (defaultValueOf(spec, variant) ? 'on' : 'off') : formatValue(defaultValueOf(spec, variant))}</span>
        </p>
      ) : null}

      {draft.mode === 'single' && numeric ? (
        <Input
          id={controlId(spec.name, 'value')}
          aria-label={`${spec.name} value`}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step="any"
          value={draft.single}
          onChange={(e) => set({ single: e.target.value })}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      ) : null}
      {draft.mode === 'single' && spec.type === 'boolean' ? (
        <Switch id={controlId(spec.name, 'value')} label={draft.single === 'true' ? 'On' : 'Off'} checked={draft.single === 'true'} onChange={(on) => set({ single: String(on) })} />
      ) : null}
      {draft.mode === 'single' && spec.type === 'choice' ? (
        <select
          id={controlId(spec.name, 'value')}
          aria-label={`${spec.name} value`}
          value={draft.single}
          onChange={(e) => set({ single: e.target.value })}
          className={selectClass}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : null}

      {draft.mode === 'list' && numeric ? (
        <Input
          id={controlId(spec.name, 'list')}
          aria-label={`${spec.name} values`}
          inputMode="decimal"
          placeholder="e.g. 0.01, 0.1"
          value={draft.listText}
          onChange={(e) => set({ listText: e.target.value })}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      ) : null}
      {draft.mode === 'list' && !numeric ? (
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1.5" aria-describedby={describedBy}>
          <legend className="sr-only">{spec.name} values</legend>
          {options.map((o) => (
            <label key={o} className="inline-flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-(--primary)"
                checked={draft.picked.includes(o)}
                // Keep the options' own order, which is also the run order.
                onChange={(e) => set({ picked: e.target.checked ? options.filter((x) => x === o || draft.picked.includes(x)) : draft.picked.filter((x) => x !== o) })}
              />
              {optionLabel(o)}
            </label>
          ))}
        </fieldset>
      ) : null}

      {draft.mode === 'range' ? (
        <div className="grid grid-cols-3 gap-2">
          {(['first', 'step', 'last'] as const).map((part) => (
            <label key={part} className="grid min-w-0 gap-1 text-xs text-muted-foreground">
              {part === 'first' ? 'First' : part === 'step' ? 'Step' : 'Last'}
              <Input
                aria-label={`${spec.name} ${part}`}
                type="number"
                inputMode="decimal"
                step="any"
                value={draft[part]}
                onChange={(e) => set({ [part]: e.target.value })}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                className="px-2"
              />
            </label>
          ))}
        </div>
      ) : null}

      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-destructive" data-testid="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
});
