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

type Vocabulary = 'organisationType' | 'legalEntity' | 'activityType' | 'collaborationType' | 'resourceType' | 'licence' | 'scope' | 'language';

/** Staff add a term to one controlled vocabulary (matched case-insensitively against the others). */
export function AddTermForm({ vocabularies }: { vocabularies: { value: Vocabulary; label: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [vocabulary, setVocabulary] = useState<Vocabulary>(vocabularies[0]!.value);
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const addTerm = useMutation(
    trpc.directoryCuration.addTerm.mutationOptions({
      onSuccess: (term) => {
        setAdded(`Added “${term.label}” to ${vocabularies.find((v) => v.value === term.vocabulary)?.label ?? term.vocabulary}.`);
        setLabel('');
        router.refresh();
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    if (label.trim() === '') {
      setLabelError('Give the term a label.');
      return;
    }
    setLabelError(null);
    addTerm.mutate({ vocabulary, label });
  }

  const failure = addTerm.error ? errorDetails(addTerm.error) : null;
  return (
    <form onSubmit={submit} noValidate className="grid gap-3 rounded-lg border bg-card p-4 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto] sm:items-end" aria-label="Add a term">
      <div className="grid min-w-0 gap-1.5">
        <Label htmlFor="term-vocabulary">Vocabulary</Label>
        <select
          id="term-vocabulary"
          value={vocabulary}
          onChange={(e) => setVocabulary(e.target.value as Vocabulary)}
          className="h-10 w-full min-w-0 rounded-md border border-input bg-background px-3 text-sm"
        >
          {vocabularies.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </select>
      </div>
      <div className="grid min-w-0 gap-1.5">
        <Label htmlFor="term-label">New term</Label>
        <Input
          id="term-label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={200}
          aria-invalid={labelError ? true : undefined}
          aria-describedby={labelError ? 'term-label-error' : undefined}
        />
      </div>
      <Button type="submit" disabled={addTerm.isPending}>
        {addTerm.isPending ? 'Adding…' : 'Add term'}
      </Button>
      {labelError ? (
        <p id="term-label-error" className="text-sm font-medium text-destructive sm:col-span-3">
          {labelError}
        </p>
      ) : null}
      {failure ? <Alert className="sm:col-span-3" variant="destructive" title={failure.fieldErrors?.label?.[0] ?? failure.message} /> : null}
      {added ? <Alert className="sm:col-span-3" variant="success" title={added} /> : null}
    </form>
  );
}
