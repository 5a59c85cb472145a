'use client';

import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery } from '@tanstack/react-query';
import { PARAMETERS, designConditions, deriveSeed, findPreset, type ParameterSpec } from '@p2pvalue/sim';
import type { TExperimentDesignInput } from '@p2pvalue/platform/experiment-design';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card';
import { Input } from '~/components/ui/input';
import { Label } from '~/components/ui/label';
import { checkState, refusalOf, stateFromDesign, updateParam, type DesignerState, type ParamDraft } from './design-state';
import { DesignFile } from './design-file';
import { LhsPanel } from './lhs-panel';
import { addLhsParameter } from './lhs-state';
import { estimateComputeSeconds, formatDuration } from './estimate';
import { MetricsPicker } from './metrics-picker';
import { ParameterControl } from './parameter-control';
import { PARAMETER_GROUPS } from './parameter-groups';
import { PreviewPanel } from './preview-panel';
import { PREVIEW_TICKS } from './preview-protocol';
import { useIdempotencyKey } from './use-idempotency-key';
import { allowanceProblem } from './allowance';

/** The picker's value after an import that is not one of the presets. */
const IMPORTED = '__imported';
const SPECS = new Map(PARAMETERS.map((p) => [p.name, p]));
const selectClass = 'h-10 w-full min-w-0 rounded-md border border-input bg-background px-3 text-base shadow-xs aria-invalid:border-destructive sm:text-sm';

const FIELD_LABELS: Record<string, string> = { lhs: 'Sampled parameters', lhsSamples: 'Samples', name: 'Name', repetitions: 'Repetitions', steps: 'Ticks per run', seed: 'Root seed', metrics: 'Metrics', variant: 'Model variant', fidelity: 'Fidelity' };

/** The control a refusal belongs to, as the researcher sees it. */
function fieldLabel(key: string): string {
  if (key.startsWith('param:')) return key.slice('param:'.length);
  if (key.startsWith('lhs:')) return `${key.slice('lhs:'.length)} (sampled)`;
  return FIELD_LABELS[key] ?? key;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-sm font-medium text-destructive" data-testid="field-error">
      {message}
    </p>
  );
}

export interface ExperimentDesignerProps {
  initialDesign: TExperimentDesignInput;
  presetNames: string[];
  /** The preset the design came from, for the picker. */
  presetName: string;
}

/**
 * The experiment designer: a design (the shape of an experiments.json entry) edited as controls,
 * checked on every change with the server's own check, previewed live in a Web Worker, and queued.
 */
export function ExperimentDesigner({ initialDesign, presetNames, presetName }: ExperimentDesignerProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [state, setState] = useState<DesignerState>(() => stateFromDesign(initialDesign));
  const [preset, setPreset] = useState(presetName);
  const [serverError, setServerError] = useState<{ key: string; reason: string } | null>(null);
  // Groups stay as the researcher left them; one with a refused parameter opens by itself.
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(() => new Set([PARAMETER_GROUPS[0]?.id ?? '']));

  const check = useMemo(() => checkState(state), [state]);
  // The operator's limits for this researcher, and what their queued and running runs leave.
  const allowance = useQuery({ ...trpc.experiment.allowance.queryOptions(), refetchInterval: 30_000 });
  const errors: Record<string, string> = useMemo(() => {
    const local = check.ok ? {} : { ...check.errors };
    if (serverError && !local[serverError.key]) local[serverError.key] = serverError.reason;
    return local;
  }, [check, serverError]);
  const idempotencyKey = useIdempotencyKey(check.ok ? check.design : null);

  const submit = useMutation(
    trpc.experiment.submit.mutationOptions({
      onSuccess: ({ id }) => router.push(`/simulations/${id}`),
      onError: (error) => {
        const details = errorDetails(error);
        setServerError(details.appCode === 'BAD_REQUEST' ? refusalOf(details.message) : { key: 'submit', reason: details.message });
      },
    }),
  );

  const edit = useCallback((next: (s: DesignerState) => DesignerState) => {
    setServerError(null);
    setState(next);
  }, []);
  const onParamChange = useCallback((name: string, patch: Partial<ParamDraft>) => edit((s) => updateParam(s, name, patch)), [edit]);
  const field = <K extends keyof DesignerState>(key: K, value: DesignerState[K]) => edit((s) => ({ ...s, [key]: value }));
  // A sampled parameter cannot also have a fixed value, list or range: adding it takes it out of those.
  const addSampled = useCallback((name: string) => edit((s) => ({ ...updateParam(s, name, { mode: 'default' }), lhs: addLhsParameter(s.lhs, name, s.variant) })), [edit]);

  function loadDesign(design: TExperimentDesignInput, from: string) {
    setServerError(null);
    setState(stateFromDesign(design));
    setPreset(from);
  }

  function choosePreset(name: string) {
    setPreset(name);
    const design = findPreset(name);
    if (design) loadDesign(design, name);
    // The address says where the design started, so a reload or a shared link starts there too.
    router.replace(name === 'default' ? '/simulations/new' : `/simulations/new?preset=${encodeURIComponent(name)}`, { scroll: false });
  }

  const overAllowance = check.ok && allowance.data ? allowanceProblem(allowance.data, { runs: check.checked.totalRuns, steps: check.checked.design.steps }) : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!check.ok || overAllowance || submit.isPending || submit.isSuccess) return;
    submit.mutate({ ...check.design, idempotencyKey });
  }

  const summary = useMemo(() => {
    if (!check.ok) return null;
    const { checked } = check;
    return { conditions: checked.conditions, runs: checked.totalRuns, runTicks: checked.totalRuns * checked.design.steps, seconds: estimateComputeSeconds(checked.design) };
  }, [check]);

  // The preview runs the experiment's first run (first condition, first replicate seed), shortened.
  const previewInput = useMemo(() => {
    if (!check.ok) return null;
    const { checked } = check;
    const first = designConditions(checked.design, checked.rootSeed)[0] ?? {};
    return {
      params: first,
      variant: checked.design.variant ?? 'D2.2',
      fidelity: checked.design.fidelity ?? 'faithful',
      seed: deriveSeed(checked.rootSeed, 0, 0),
      ticks: Math.min(PREVIEW_TICKS, checked.design.steps),
    } as const;
  }, [check]);

  const listedCount = state.order.length;
  const designError = errors.design;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Experiment design" className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      <div className="grid min-w-0 gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Experiment</CardTitle>
            <CardDescription>Start from one of the original experiments or the model defaults, then change what you study.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <div className="grid gap-1.5">
              <Label htmlFor="design-preset">Start from</Label>
              <div className="flex min-w-0 flex-col gap-2 sm:flex-row">
                <select id="design-preset" value={preset} onChange={(e) => choosePreset(e.target.value)} className={selectClass}>
                  {preset === IMPORTED ? (
                    <option value={IMPORTED} disabled>
                      Imported design
                    </option>
                  ) : null}
                  {presetNames.map((name) => (
                    <option key={name} value={name}>
                      {name === 'default' ? 'Model defaults (one run, 800 ticks)' : name}
                    </option>
                  ))}
                </select>
              </div>
              <p className="text-xs text-muted-foreground">Choosing another starting point replaces the design below.</p>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="design-name">Name</Label>
              <Input id="design-name" value={state.name} maxLength={200} onChange={(e) => field('name', e.target.value)} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? 'design-name-error' : undefined} />
              <FieldError id="design-name-error" message={errors.name} />
            </div>
            <div className="grid grid-cols-2 gap-4 sm:grid-cols-3">
              <div className="grid min-w-0 gap-1.5">
                <Label htmlFor="design-repetitions">Repetitions</Label>
                <Input id="design-repetitions" type="number" inputMode="numeric" min={1} step={1} value={state.repetitions} onChange={(e) => field('repetitions', e.target.value)} aria-invalid={errors.repetitions ? true : undefined} aria-describedby="design-repetitions-error" />
                <FieldError id="design-repetitions-error" message={errors.repetitions} />
              </div>
              <div className="grid min-w-0 gap-1.5">
                <Label htmlFor="design-steps">Ticks per run</Label>
                <Input id="design-steps" type="number" inputMode="numeric" min={0} step={1} value={state.steps} onChange={(e) => field('steps', e.target.value)} aria-invalid={errors.steps ? true : undefined} aria-describedby="design-steps-error" />
                <FieldError id="design-steps-error" message={errors.steps} />
              </div>
              <div className="col-span-2 grid min-w-0 gap-1.5 sm:col-span-1">
                <Label htmlFor="design-seed">Root seed</Label>
                <Input id="design-seed" type="number" inputMode="numeric" step={1} placeholder="1 (default)" value={state.seed} onChange={(e) => field('seed', e.target.value)} aria-invalid={errors.seed ? true : undefined} aria-describedby="design-seed-hint design-seed-error" />
                <p id="design-seed-hint" className="text-xs text-muted-foreground">
                  Every run’s seed is derived from it: the same seed gives the same results.
                </p>
                <FieldError id="design-seed-error" message={errors.seed} />
              </div>
            </div>
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Kind of experiment</legend>
              <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
                {(
                  [
                    ['factorial', 'Parameter sweep (full factorial)'],
                    ['lhs', 'Sensitivity (Latin hypercube)'],
                  ] as const
                ).map(([kind, label]) => (
                  <label key={kind} className="inline-flex cursor-pointer items-center gap-2 text-sm">
                    <input type="radio" name="design-kind" value={kind} checked={state.kind === kind} onChange={() => field('kind', kind)} className="size-4 accent-primary" />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <div className="grid min-w-0 gap-1.5">
                <Label htmlFor="design-variant">Model variant</Label>
                <select id="design-variant" value={state.variant} onChange={(e) => field('variant', e.target.value as DesignerState['variant'])} className={selectClass}>
                  <option value="D2.2">D2.2 (the 2015 deliverable)</option>
                  <option value="final">final (featured needs, bounties, reputation)</option>
                </select>
              </div>
              <div className="grid min-w-0 gap-1.5">
                <Label htmlFor="design-fidelity">Fidelity</Label>
                <select id="design-fidelity" value={state.fidelity} onChange={(e) => field('fidelity', e.target.value as DesignerState['fidelity'])} className={selectClass}>
                  <option value="faithful">faithful (reproduces NetLogo’s quirks)</option>
                  <option value="corrected">corrected (every documented fix on)</option>
                </select>
              </div>
            </div>
          </CardContent>
        </Card>

        {state.kind === 'lhs' ? <LhsPanel draft={state.lhs} errors={errors} onChange={(lhs) => field('lhs', lhs)} onAdd={addSampled} /> : null}

        <Card>
          <CardHeader>
            <CardTitle>{state.kind === 'lhs' ? 'Fixed parameters' : 'Parameters'}</CardTitle>
            <CardDescription>
              {listedCount} of {PARAMETERS.length} set; the rest take the {state.variant} defaults.{' '}
              {state.kind === 'lhs'
                ? 'In a sensitivity study every parameter that is not sampled keeps one value for all runs.'
                : 'A list or a range makes one condition per value, crossed with every other list (full factorial, in this order).'}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            {PARAMETER_GROUPS.map((group) => {
              const specs = group.parameters.map((n) => SPECS.get(n)).filter((s): s is ParameterSpec => s !== undefined);
              const set = specs.filter((s) => state.params[s.name]?.mode !== 'default').length;
              const hasError = specs.some((s) => errors[`param:${s.name}`]);
              return (
                <details
                  key={group.id}
                  open={openGroups.has(group.id) || hasError}
                  onToggle={(event) => {
                    const open = event.currentTarget.open;
                    setOpenGroups((prev) => (prev.has(group.id) === open ? prev : open ? new Set([...prev, group.id]) : new Set([...prev].filter((id) => id !== group.id))));
                  }}
                  className="group min-w-0 rounded-lg border" data-testid={`group-${group.id}`}>
                  <summary className="flex cursor-pointer list-none flex-wrap items-baseline justify-between gap-x-3 gap-y-1 px-3 py-2.5 marker:hidden">
                    <span className="font-medium">
                      <span aria-hidden="true" className="mr-1.5 inline-block transition-transform group-open:rotate-90">›</span>
                      {group.title}
                    </span>
                    <span className="text-xs text-muted-foreground">
                      {set > 0 ? `${set} set · ` : ''}
                      {specs.length} parameters{hasError ? ' · needs attention' : ''}
                    </span>
                  </summary>
                  <div className="grid min-w-0 gap-3 border-t p-3">
                    <p className="text-xs text-muted-foreground">{group.description}</p>
                    <div className="grid min-w-0 gap-3 md:grid-cols-2">
                      {specs.map((spec) => (
                        <ParameterControl key={spec.name} spec={spec} draft={state.params[spec.name] as ParamDraft} variant={state.variant} error={errors[`param:${spec.name}`]} onChange={onParamChange} />
                      ))}
                    </div>
                  </div>
                </details>
              );
            })}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>What to record</CardTitle>
          </CardHeader>
          <CardContent>
            <MetricsPicker
              mode={state.metricsMode}
              selected={state.metrics}
              everyTick={state.runMetricsEveryStep}
              error={errors.metrics}
              onChange={(patch) => edit((s) => ({ ...s, ...patch }))}
            />
          </CardContent>
        </Card>

        <DesignFile check={check} onImport={(design) => loadDesign(design, presetNames.includes(design.name) ? design.name : IMPORTED)} />
      </div>

      <aside className="grid min-w-0 gap-6 lg:sticky lg:top-20" aria-label="Summary and preview">
        <Card>
          <CardHeader>
            <CardTitle>Runs</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3">
            {summary ? (
              <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted-foreground">{state.kind === 'lhs' ? 'Samples' : 'Conditions'}</dt>
                <dd className="text-right font-medium tabular-nums">{summary.conditions.toLocaleString('en')}</dd>
                <dt className="text-muted-foreground">Runs</dt>
                <dd className="text-right text-lg font-semibold tabular-nums" data-testid="run-count">
                  {summary.runs.toLocaleString('en')}
                </dd>
                <dt className="text-muted-foreground">Ticks in all</dt>
                <dd className="text-right font-medium tabular-nums">{summary.runTicks.toLocaleString('en')}</dd>
                <dt className="text-muted-foreground">Estimated time</dt>
                <dd className="text-right font-medium" data-testid="estimate">
                  ≈ {formatDuration(summary.seconds)}
                </dd>
              </dl>
            ) : (
              <p className="text-sm text-muted-foreground" data-testid="run-count">
                Fix the design to see its runs.
              </p>
            )}
            {summary ? <p className="text-xs text-muted-foreground">Estimated compute on one core, from the initial population of each condition; runs share the workers, so several workers finish sooner.</p> : null}
            {designError ? <Alert variant="destructive" title="This design cannot be queued">{designError}</Alert> : null}
            {!check.ok && !designError ? (
              <Alert variant="destructive" title="This design cannot be queued">
                <ul className="grid gap-1" data-testid="design-problems">
                  {Object.entries(errors)
                    .filter(([key]) => key !== 'submit')
                    .slice(0, 3)
                    .map(([key, reason]) => (
                      <li key={key} className="break-words">
                        <span className="font-medium text-foreground">{fieldLabel(key)}</span>: {reason}
                      </li>
                    ))}
                </ul>
                <p className="pt-1">The fields are marked in red.</p>
              </Alert>
            ) : null}
            {allowance.data ? (
              <p className="text-xs text-muted-foreground" data-testid="allowance">
                You can queue {allowance.data.remainingRuns.toLocaleString('en')} more {allowance.data.remainingRuns === 1 ? 'run' : 'runs'} now (
                {allowance.data.activeRuns.toLocaleString('en')} of {allowance.data.maxActiveRuns.toLocaleString('en')} queued or running), at most{' '}
                {allowance.data.maxTicksPerRun.toLocaleString('en')} ticks per run.
              </p>
            ) : null}
            {overAllowance ? (
              <Alert variant="destructive" title="Over your limit" data-testid="allowance-problem">
                {overAllowance}
              </Alert>
            ) : null}
            {errors.submit ? <Alert variant="destructive" title="Not queued">{errors.submit}</Alert> : null}
            <Button type="submit" disabled={!check.ok || overAllowance !== null || submit.isPending || submit.isSuccess} className="w-full">
              {submit.isPending || submit.isSuccess ? 'Queuing…' : summary ? `Queue ${summary.runs.toLocaleString('en')} run${summary.runs === 1 ? '' : 's'}` : 'Queue experiment'}
            </Button>
          </CardContent>
        </Card>
        <PreviewPanel input={previewInput} />
      </aside>
    </form>
  );
}
