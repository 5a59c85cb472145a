'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';
import { Label } from '~/components/ui/label';

export interface MetadataValues {
  title: string;
  description: string;
  creators: { name: string; affiliation?: string | null; orcid?: string | null }[];
  keywords: string[];
  licence: string;
  provenance: string;
  caseIds: number[];
}

const creatorsToText = (creators: MetadataValues['creators']) => creators.map((c) => [c.name, c.affiliation ?? '', c.orcid ?? ''].join('; ').replace(/(; )+$/, '')).join('\n');

function textToCreators(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.split(';').map((part) => part.trim()))
    .filter(([name]) => name)
    .map(([name, affiliation, orcid]) => ({ name: name!, affiliation: affiliation || null, orcid: orcid || null }));
}

/** Deposit a new data set (no `version`) or edit a draft's metadata. */
export function MetadataForm({ initial, licences, version }: { initial: MetadataValues; licences: { id: string; name: string }[]; version?: { id: string; n: number } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [creators, setCreators] = useState(creatorsToText(initial.creators));
  const [keywords, setKeywords] = useState(initial.keywords.join(', '));
  const [licence, setLicence] = useState(initial.licence);
  const [provenance, setProvenance] = useState(initial.provenance);
  const [caseIds, setCaseIds] = useState(initial.caseIds.join(', '));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const create = useMutation(trpc.archive.create.mutationOptions({ onSuccess: (v) => router.push(`/archive/${v.datasetId}?version=${v.n}`) }));
  const update = useMutation(
    trpc.archive.updateDraft.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const mutation = version ? update : create;
  const failure = mutation.error ? errorDetails(mutation.error) : null;
  const errorOf = (key: string) => localErrors[key] ?? failure?.fieldErrors?.[key]?.[0];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const errors: Record<string, string> = {};
    if (!title.trim()) errors.title = 'A data set needs a title';
    const ids = caseIds.split(',').map((v) => v.trim()).filter(Boolean);
    if (ids.some((id) => !/^\d+$/.test(id))) errors.caseIds = 'Case numbers separated by commas, e.g. 12, 40';
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const metadata = {
      title: title.trim(),
      description,
      creators: textToCreators(creators),
      keywords: keywords.split(',').map((k) => k.trim()).filter(Boolean),
      licence,
      provenance,
    };
    const cases = ids.map(Number);
    if (version) update.mutate({ id: version.id, n: version.n, metadata, caseIds: cases });
    else create.mutate({ metadata, caseIds: cases });
  }

  const error = (key: string) =>
    errorOf(key) ? (
      <p id={`dataset-${key}-error`} className="text-sm font-medium text-destructive">
        {errorOf(key)}
      </p>
    ) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="grid min-w-0 gap-4" aria-label={version ? 'Data set metadata' : 'Deposit a data set'}>
      <div className="grid gap-1.5">
        <Label htmlFor="dataset-title">Title *</Label>
        <Input id="dataset-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} aria-invalid={errorOf('title') ? true : undefined} />
        {error('title')}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="dataset-description">Description</Label>
        <textarea id="dataset-description" rows={4} value={description} onChange={(e) => setDescription(e.target.value)} className="rounded-md border border-input bg-background px-3 py-2 text-sm" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="dataset-creators">Creators</Label>
        <textarea
          id="dataset-creators"
          rows={3}
          value={creators}
          onChange={(e) => setCreators(e.target.value)}
          aria-describedby="dataset-creators-hint"
          className="rounded-md border border-input bg-background px-3 py-2 text-sm"
        />
        <p id="dataset-creators-hint" className="text-xs text-muted-foreground">
          One per line: name; affiliation; ORCID iD (affiliation and ORCID optional). Needed before publishing.
        </p>
        {error('creators')}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid min-w-0 gap-1.5">
          <Label htmlFor="dataset-keywords">Keywords</Label>
          <Input id="dataset-keywords" value={keywords} onChange={(e) => setKeywords(e.target.value)} placeholder="commons, peer production" />
        </div>
        {/* min-w-0 + w-full: a native select is as wide as its longest option (the SPDX names are
            long), which made the page wider than a phone's screen and misplaced every tap. */}
        <div className="grid min-w-0 gap-1.5">
          <Label htmlFor="dataset-licence">Licence</Label>
          <select
            id="dataset-licence"
            value={licence}
            onChange={(e) => setLicence(e.target.value)}
            className="h-10 w-full min-w-0 rounded-md border border-input bg-background px-3 text-sm"
          >
            {licences.map((l) => (
              <option key={l.id} value={l.id}>
                {l.id} — {l.name}
              </option>
            ))}
          </select>
          {error('licence')}
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="dataset-provenance">Provenance</Label>
        <textarea id="dataset-provenance" rows={2} value={provenance} onChange={(e) => setProvenance(e.target.value)} className="rounded-md border border-input bg-background px-3 py-2 text-sm" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="dataset-caseIds">Related directory cases</Label>
        <Input id="dataset-caseIds" value={caseIds} onChange={(e) => setCaseIds(e.target.value)} placeholder="Case numbers, e.g. 12, 40" aria-invalid={errorOf('caseIds') ? true : undefined} />
        {error('caseIds')}
      </div>
      {failure && !failure.fieldErrors ? <Alert variant="destructive" title={failure.message} /> : null}
      {failure?.fieldErrors?.metadata ? <Alert variant="destructive" title={failure.fieldErrors.metadata[0] ?? 'Check the fields'} /> : null}
      {saved ? <Alert variant="success" title="Saved" /> : null}
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : version ? 'Save metadata' : 'Create the draft'}
        </Button>
      </div>
    </form>
  );
}
