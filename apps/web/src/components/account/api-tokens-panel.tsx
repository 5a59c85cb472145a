'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Skeleton } from '~/components/ui/skeleton';
import { useToaster } from '~/components/ui/toast';
import { ApiTokenTable } from './api-token-table';
import { CreateTokenForm } from './create-token-form';
import { NewTokenPanel } from './new-token-panel';

interface CreatedToken {
  name: string;
  token: string;
  expiresAt: Date | null;
}

export function ApiTokensPanel() {
  const trpc = useTRPC();
  const tokens = useQuery(trpc.account.listApiTokens.queryOptions());
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const { toast, toaster } = useToaster();

  return (
    <div className="grid gap-6">
      <CreateTokenForm onCreated={setCreated} />
      {created ? <NewTokenPanel {...created} onDismiss={() => setCreated(null)} /> : null}

      {tokens.isPending ? (
        <div className="grid gap-2" aria-busy="true" aria-label="Loading your tokens">
          <Skeleton className="h-10" />
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : tokens.isError ? (
        <Alert variant="destructive" title="Your tokens could not be loaded">
          <p>{errorDetails(tokens.error).message}</p>
          <Button variant="outline" size="sm" className="mt-2" onClick={() => void tokens.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : tokens.data.length === 0 ? (
        <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground" data-testid="no-tokens">
          You have no API tokens. Create one to call the <Link className="font-medium text-primary hover:underline" href="/docs/api">REST API</Link> from scripts.
        </p>
      ) : (
        <ApiTokenTable tokens={tokens.data} onRevoked={(name) => toast({ title: 'Token revoked', description: `“${name}” no longer works.` })} />
      )}
      {toaster}
    </div>
  );
}
