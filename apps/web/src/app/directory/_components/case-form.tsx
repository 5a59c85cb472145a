'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { ZCaseFields, SIZE_BANDS, CASE_STATUSES, type TCaseFields, type TCaseFieldName } from '@p2pvalue/directory/fields';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';
import { Label } from '~/components/ui/label';
import { FIELD_LABELS, SIZE_BAND_LABELS } from '../_lib/case-labels';

/** Known taxonomy values per field, offered as suggestions (new values create terms on approval). */
export type Vocabularies = Partial<Record<TCaseFieldName, string[]>>;

type FieldErrors = Partial<Record<TCaseFieldName | 'form', string>>;

// The form edits every field as text; lists are one value per line or comma-separated.
type Draft = Record<TCaseFieldName, string>;

const LINE_LISTS = new Set<TCaseFieldName>(['socialAccounts']);
const COMMA_LISTS = new Set<TCaseFieldName>(['keywords', 'languages', 'resourceTypes']);

function toDraft(fields: TCaseFields): Draft {
  const draft = {} as Draft;
  for (const [key, value] of Object.entries(fields) as [TCaseFieldName, unknown][]) {
    draft[key] = Array.isArray(value) ? value.join(LINE_LISTS.has(key) ? '\n' : ', ') : value === null ? '' : String(value);
  }
  return draft;
}

function fromDraft(draft: Draft): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(draft) as [TCaseFieldName, string][]) {
    const value = raw.trim();
    if (LINE_LISTS.has(key)) out[key] = value.split(/\r?\n/).map((v) => v.trim()).filter(Boolean);
    else if (COMMA_LISTS.has(key)) out[key] = value.split(',').map((v) => v.trim()).filter(Boolean);
    else if (key === 'yearFounded') out[key] = value === '' ? null : /^\d+$/.test(value) ? Number(value) : NaN;
    else out[key] = value === '' ? null : value;
  }
  return out;
}

/** Client-side check with the domain's own schema; the server checks again. */
export function validateDraft(draft: Draft): { fields: TCaseFields } | { errors: FieldErrors } {
  const parsed = ZCaseFields.safeParse(fromDraft(draft));
  if (parsed.success) return { fields: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as TCaseFieldName | undefined;
    if (key && !errors[key]) errors[key] = key === 'yearFounded' ? 'Give a year like 2004' : issue.message;
  }
  return { errors };
}

interface CaseFormProps {
  initial: TCaseFields;
  vocabularies: Vocabularies;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** Server-side failure (message and zod field errors from the API). */
  failure: { message: string; fieldErrors: Record<string, string[] | undefined> | null } | null;
  onSubmit: (fields: TCaseFields, honeypot: string) => void;
  /** Include the honeypot field (proposals from members). */
  honeypot?: boolean;
  extraActions?: ReactNode;
  idPrefix?: string;
}

export function CaseForm({ initial, vocabularies, submitLabel, pendingLabel, pending, failure, onSubmit, honeypot = false, extraActions, idPrefix = 'case' }: CaseFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [trap, setTrap] = useState('');
  const serverErrors: FieldErrors = {};
  const fieldErrors = failure?.fieldErrors ?? {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    // Errors arrive under "fields" (the input's nesting) as a whole; show them at the top.
    if (messages?.[0]) serverErrors[(key in FIELD_LABELS ? key : 'form') as TCaseFieldName] = messages[0];
  }
  const errorOf = (field: TCaseFieldName) => errors[field] ?? serverErrors[field];

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateDraft(draft);
    if ('errors' in result) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    setErrors({});
    onSubmit(result.fields, trap);
  }

  const set = (field: TCaseFieldName) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value }));

  const field = (name: TCaseFieldName, options: { kind?: 'text' | 'textarea' | 'url' | 'email' | 'number'; hint?: string; required?: boolean } = {}) => {
    const id = `${idPrefix}-${name}`;
    const error = errorOf(name);
    const describedBy = [options.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    const common = { id, name, value: draft[name], onChange: set(name), 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
    const suggestions = vocabularies[name];
    return (
      <div className="grid gap-1.5" key={name}>
        <Label htmlFor={id}>
          {FIELD_LABELS[name]}
          {options.required ? <span aria-hidden="true"> *</span> : null}
        </Label>
        {options.kind === 'textarea' ? (
          <textarea {...common} rows={name === 'description' ? 6 : 3} className="min-h-20 rounded-md border border-input bg-background px-3 py-2 text-sm aria-invalid:border-destructive" />
        ) : (
          <Input
            {...common}
            type={options.kind === 'number' ? 'text' : (options.kind ?? 'text')}
            inputMode={options.kind === 'number' ? 'numeric' : undefined}
            required={options.required}
            list={suggestions ? `${id}-options` : undefined}
            autoComplete="off"
          />
        )}
        {suggestions ? (
          <datalist id={`${id}-options`}>
            {suggestions.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
        ) : null}
        {options.hint ? (
          <p id={`${id}-hint`} className="text-xs text-muted-foreground">
            {options.hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="text-sm font-medium text-destructive" data-testid={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  const select = (name: 'sizeBand' | 'status', values: readonly string[], labels: Record<string, string>) => (
    <div className="grid gap-1.5" key={name}>
      <Label htmlFor={`${idPrefix}-${name}`}>{FIELD_LABELS[name]}</Label>
      <select id={`${idPrefix}-${name}`} value={draft[name]} onChange={set(name)} className="h-10 rounded-md border border-input bg-background px-3 text-sm">
        <option value="">Not known</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {labels[value] ?? value}
          </option>
        ))}
      </select>
    </div>
  );

  const section = (title: string, children: ReactNode) => (
    <fieldset className="grid gap-4 rounded-lg border p-4">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {children}
    </fieldset>
  );

  return (
    <form onSubmit={submit} noValidate className="grid gap-6" aria-label={submitLabel}>
      {Object.keys(errors).length > 0 ? <Alert variant="destructive" title="Some fields need attention" /> : null}
      {failure && (!failure.fieldErrors || serverErrors.form) ? <Alert variant="destructive" title={failure.message} /> : null}
      {section(
        'The case',
        <>
          {field('name', { required: true })}
          {field('description', { kind: 'textarea' })}
          {field('yearFounded', { kind: 'number', hint: 'Four digits, e.g. 2001' })}
          {field('keywords', { hint: 'Separate keywords with commas' })}
          {field('otherInformation', { kind: 'textarea' })}
        </>,
      )}
      {section(
        'Classification',
        <div className="grid gap-4 sm:grid-cols-2">
          {field('activityType')}
          {field('collaborationType')}
          {field('resourceTypes', { hint: 'Separate values with commas' })}
          {field('licence')}
          {field('scope')}
          {field('organisationType')}
          {field('legalEntity')}
          {field('languages', { hint: 'Separate languages with commas' })}
        </div>,
      )}
      {section(
        'Contact and links',
        <div className="grid gap-4 sm:grid-cols-2">
          {field('homepage', { kind: 'url', hint: 'https://…' })}
          {field('contactPage', { kind: 'url' })}
          {field('email', { kind: 'email' })}
          {field('phone')}
          <div className="sm:col-span-2">{field('socialAccounts', { kind: 'textarea', hint: 'One address per line' })}</div>
          <div className="sm:col-span-2">{field('address', { kind: 'textarea' })}</div>
        </div>,
      )}
      {section(
        'For researchers',
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">{field('governance', { kind: 'textarea' })}</div>
          {select('sizeBand', SIZE_BANDS, SIZE_BAND_LABELS)}
          {field('country')}
          {select('status', CASE_STATUSES, { active: 'Active', inactive: 'Inactive' })}
          {field('statusDate', { hint: 'YYYY-MM-DD' })}
        </div>,
      )}
      {honeypot ? (
        // Hidden from people (and from assistive tech); bots that fill every field give themselves away.
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor={`${idPrefix}-website`}>Leave this empty</label>
          <input id={`${idPrefix}-website`} name="website" tabIndex={-1} autoComplete="off" value={trap} onChange={(e) => setTrap(e.target.value)} />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {extraActions}
      </div>
    </form>
  );
}
