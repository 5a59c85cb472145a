'use client';

import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';

export function AcceptInviteButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.community.acceptInvite.mutationOptions({ onSuccess: (c) => router.push(`/communities/${c.slug}`) }));
  return (
    <div className="grid gap-2">
      <Button onClick={() => accept.mutate({ token })} disabled={accept.isPending}>
        Accept invitation
      </Button>
      {accept.error ? <Alert variant="destructive">{errorDetails(accept.error).message}</Alert> : null}
    </div>
  );
}
