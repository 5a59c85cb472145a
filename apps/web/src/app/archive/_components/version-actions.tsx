'use client';

import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';

export function PublishButton({ id, n }: { id: string; n: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const publish = useMutation(trpc.archive.publish.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="grid gap-2">
      <div>
        <Button
          onClick={() => {
            if (window.confirm(`Publish version ${n}? Its metadata and files can never change afterwards.`)) publish.mutate({ id, n });
          }}
          disabled={publish.isPending}
        >
          {publish.isPending ? 'Publishing…' : `Publish version ${n}`}
        </Button>
      </div>
      {publish.error ? <Alert variant="destructive" title={errorDetails(publish.error).message} /> : null}
    </div>
  );
}

export function NewVersionButton({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.archive.createVersion.mutationOptions({
      onSuccess: (v) => {
        router.push(`/archive/${v.datasetId}?version=${v.n}`);
        router.refresh();
      },
    }),
  );
  return (
    <div className="grid gap-2">
      <div>
        <Button variant="outline" onClick={() => create.mutate({ id })} disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create a new version'}
        </Button>
      </div>
      {create.error ? <Alert variant="destructive" title={errorDetails(create.error).message} /> : null}
    </div>
  );
}
