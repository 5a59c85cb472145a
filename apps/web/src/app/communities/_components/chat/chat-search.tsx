'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Input } from '~/components/ui/input';
import { Button } from '~/components/ui/button';
import { ChatMessageBody } from './chat-message-body';

/** Full-text search across the channels the viewer can read, optionally in one channel. */
export function ChatSearch({ slug, channels }: { slug: string; channels: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState('');
  const [channelId, setChannelId] = useState('');
  const [query, setQuery] = useState<{ query: string; channelId?: string } | null>(null);
  const results = useQuery({ ...trpc.chat.search.queryOptions(query ?? { query: 'x' }), enabled: query !== null });
  const names = new Map(channels.map((c) => [c.id, c.name]));
  return (
    <section aria-label="Search messages" className="grid gap-3">
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) setQuery({ query: draft.trim(), ...(channelId ? { channelId } : {}) });
        }}
      >
        <Input aria-label="Search messages" placeholder="Search messages" value={draft} onChange={(e) => setDraft(e.target.value)} className="min-w-0 flex-1" maxLength={200} />
        <select aria-label="In channel" className="h-9 rounded-md border bg-background px-2 text-sm" value={channelId} onChange={(e) => setChannelId(e.target.value)}>
          <option value="">All channels</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <Button type="submit" variant="outline">
          <Search className="size-4" aria-hidden /> Search
        </Button>
      </form>
      {results.error ? <p role="alert" className="text-sm text-destructive">{errorDetails(results.error).message}</p> : null}
      {query && results.data ? (
        results.data.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No messages match.</p>
        ) : (
          <ul className="grid gap-2" aria-label="Search results">
            {results.data.items
              .filter((m) => names.has(m.channelId))
              .map((m) => (
                <li key={m.id}>
                  <Link href={`/communities/${slug}/chat/${m.channelId}`} className="block rounded-md border p-3 hover:bg-muted/50">
                    <span className="text-xs text-muted-foreground">
                      #{names.get(m.channelId)} · {m.authorName}
                    </span>
                    <ChatMessageBody body={m.body} />
                  </Link>
                </li>
              ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
