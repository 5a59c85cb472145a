'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { MessageCirclePlus, MessageSquare } from 'lucide-react';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Button } from '~/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '~/components/ui/dialog';
import { Input } from '~/components/ui/input';

/** Opens (or creates) the direct conversation with a member and goes there. */
function useOpenDirect(slug: string) {
  const trpc = useTRPC();
  const router = useRouter();
  return useMutation(trpc.chat.openDirect.mutationOptions({ onSuccess: (channel) => router.push(`/communities/${slug}/chat/${channel.id}`) }));
}

/** "Message" next to a member in the member list. */
export function MessageMemberButton({ slug, communityId, userId, name }: { slug: string; communityId: string; userId: string; name: string }) {
  const open = useOpenDirect(slug);
  const error = open.error ? errorDetails(open.error) : null;
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button size="sm" variant="outline" className="min-h-9" disabled={open.isPending} onClick={() => open.mutate({ communityId, userId })} aria-label={`Message ${name}`}>
        <MessageSquare className="size-4" aria-hidden /> Message
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          {error.message}
        </span>
      ) : null}
    </span>
  );
}

/** "New message" in the chat sidebar: pick a member of this community to talk to directly. */
export function NewDirectMessageDialog({ slug, communityId }: { slug: string; communityId: string }) {
  const trpc = useTRPC();
  const [isOpen, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const candidates = useQuery({ ...trpc.chat.directCandidates.queryOptions({ communityId }), enabled: isOpen, staleTime: 60_000 });
  const open = useOpenDirect(slug);
  const error = open.error ? errorDetails(open.error) : null;
  const people = (candidates.data?.items ?? []).filter((p) => p.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" className="min-h-9">
          <MessageCirclePlus className="size-4" aria-hidden /> New message
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New direct message</DialogTitle>
          <DialogDescription>Talk privately with another member of this community. Only the two of you can read it.</DialogDescription>
        </DialogHeader>
        <Input aria-label="Find a member" placeholder="Find a member" value={filter} onChange={(e) => setFilter(e.target.value)} maxLength={80} autoFocus />
        {candidates.isPending ? <p className="text-sm text-muted-foreground">Loading members…</p> : null}
        {candidates.data && people.length === 0 ? <p className="text-sm text-muted-foreground">No member matches.</p> : null}
        <ul className="max-h-72 divide-y overflow-y-auto rounded-md border" aria-label="Members">
          {people.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="flex min-h-11 w-full items-center px-3 py-2 text-left text-sm hover:bg-muted disabled:opacity-50"
                disabled={open.isPending}
                onClick={() => open.mutate({ communityId, userId: p.id })}
              >
                {p.name}
              </button>
            </li>
          ))}
        </ul>
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            {error.message}
          </p>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
