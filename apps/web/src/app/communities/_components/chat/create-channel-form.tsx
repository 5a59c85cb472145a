'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Input } from '~/components/ui/input';
import { Button } from '~/components/ui/button';

/** Community admins add channels. */
export function CreateChannelForm({ slug, communityId }: { slug: string; communityId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState('');
  const create = useMutation(trpc.chat.createChannel.mutationOptions({ onSuccess: (c) => router.push(`/communities/${slug}/chat/${c.id}`) }));
  const error = create.error ? errorDetails(create.error) : null;
  return (
    <form
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ communityId, name });
      }}
    >
      <div className="flex gap-2">
        <Input aria-label="New channel name" placeholder="new-channel" value={name} onChange={(e) => setName(e.target.value)} maxLength={40} className="min-w-0 flex-1" />
        <Button type="submit" disabled={create.isPending || name.trim().length < 2}>
          Add channel
        </Button>
      </div>
      {error ? <p role="alert" className="text-sm text-destructive">{error.fieldErrors?.name?.[0] ?? error.message}</p> : null}
    </form>
  );
}
