'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Plus } from 'lucide-react';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';
import { Label } from '~/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '~/components/ui/select';

const EXPIRY_OPTIONS = [
  { value: 'never', label: 'Never' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
] as const;

interface CreatedToken {
  name: string;
  token: string;
  expiresAt: Date | null;
}

export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<string>('90');
  const [nameError, setNameError] = useState<string | null>(null);

  const create = useMutation(
    trpc.account.createApiToken.mutationOptions({
      onSuccess: async (created) => {
        onCreated({ name: created.name, token: created.token, expiresAt: created.expiresAt });
        setName('');
        await queryClient.invalidateQueries({ queryKey: trpc.account.listApiTokens.queryKey() });
      },
      onError: (error) => setNameError(errorDetails(error).fieldErrors?.name?.[0] ?? null),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Give the token a name, such as the script or machine that will use it.');
    if (trimmed.length > 64) return setNameError('Use at most 64 characters.');
    setNameError(null);
    create.mutate({ name: trimmed, ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }) });
  }

  const failure = create.error && !nameError ? errorDetails(create.error) : null;

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-4" aria-label="Create an API token">
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <div className="grid gap-2">
          <Label htmlFor="token-name">Token name</Label>
          <Input
            id="token-name"
            value={name}
            maxLength={64}
            placeholder="e.g. Research notebook"
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'token-name-error' : undefined}
          />
          {nameError ? (
            <p id="token-name-error" className="text-sm font-medium text-destructive" data-testid="token-name-error">
              {nameError}
            </p>
          ) : null}
        </div>
        <div className="grid gap-2">
          <Label htmlFor="token-expiry">Expires</Label>
          <Select value={expiry} onValueChange={setExpiry}>
            <SelectTrigger id="token-expiry" className="h-10">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {EXPIRY_OPTIONS.map((option) => (
                <SelectItem key={option.value} value={option.value}>
                  {option.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <Button type="submit" className="sm:mt-6" disabled={create.isPending}>
          <Plus aria-hidden="true" />
          {create.isPending ? 'Creating…' : 'Create token'}
        </Button>
      </div>
      {failure ? (
        <Alert variant="destructive" title="The token was not created">
          {failure.message}
        </Alert>
      ) : null}
    </form>
  );
}
