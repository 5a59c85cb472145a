'use client';

import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Button } from '~/components/ui/button';

/** Join (public), request to join (private), cancel a request, or leave. */
export function MembershipButton({ slug, state }: { slug: string; state: 'join' | 'request' | 'requested' | 'member' | 'signed-out' }) {
  const trpc = useTRPC();
  const router = useRouter();
  const join = useMutation(trpc.community.join.mutationOptions({ onSuccess: () => router.refresh() }));
  const leave = useMutation(trpc.community.leave.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = join.error ?? leave.error;
  if (state === 'signed-out') {
    return (
      <Button asChild variant="outline">
        <a href={`/sign-in?next=/communities/${slug}`}>Sign in to join</a>
      </Button>
    );
  }
  return (
    <div className="grid gap-1">
      {state === 'join' || state === 'request' ? (
        <Button onClick={() => join.mutate({ slug })} disabled={join.isPending}>
          {state === 'join' ? 'Join community' : 'Ask to join'}
        </Button>
      ) : (
        <Button variant="outline" onClick={() => leave.mutate({ community: slug })} disabled={leave.isPending}>
          {state === 'requested' ? 'Cancel request' : 'Leave'}
        </Button>
      )}
      {error ? <p role="alert" className="text-sm text-destructive">{errorDetails(error).message}</p> : null}
    </div>
  );
}
