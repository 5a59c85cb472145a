'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Hash, MessagesSquare, User } from 'lucide-react';
import { getAppSocket } from '~/lib/realtime/socket-client';
import { NewDirectMessageDialog } from './start-direct-message';

export interface ChannelListItem {
  id: string;
  kind: 'general' | 'project' | 'custom' | 'direct';
  name: string;
  unread: number;
}

const ICONS = { general: Hash, custom: Hash, project: MessagesSquare, direct: User } as const;

function ChannelLinks({ slug, channels, label, testId }: { slug: string; channels: ChannelListItem[]; label: string; testId: string }) {
  return (
    <ul className="divide-y rounded-lg border" aria-label={label}>
      {channels.map((c) => {
        const Icon = ICONS[c.kind];
        return (
          <li key={c.id}>
            <Link href={`/communities/${slug}/chat/${c.id}`} className="flex min-h-12 items-center gap-3 px-4 py-3 hover:bg-muted/50" data-testid={testId}>
              <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
              <span className={c.unread > 0 ? 'flex-1 truncate font-semibold' : 'flex-1 truncate'}>{c.name}</span>
              {c.unread > 0 ? (
                <span className="rounded-full bg-primary px-2 py-0.5 text-xs font-semibold text-primary-foreground" data-testid="unread-badge" aria-label={`${c.unread} unread`}>
                  {c.unread}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The community's channels and the viewer's direct conversations, with live unread counts (joins
 * each channel's room; joins are checked).
 */
export function ChannelList({ slug, communityId, viewerId, initial }: { slug: string; communityId: string; viewerId: string; initial: ChannelListItem[] }) {
  const router = useRouter();
  const [channels, setChannels] = useState(initial);
  // A refreshed server list (e.g. a new conversation) replaces the live one.
  useEffect(() => setChannels(initial), [initial]);

  useEffect(() => {
    let disposed = false;
    const ids = initial.map((c) => c.id);
    const known = new Set(ids);
    const onMessage = (m: { channelId: string; authorId: string; threadRootId: string | null }) => {
      // Only direct messages reach a list that has not joined their channel: someone started a conversation.
      if (!known.has(m.channelId)) {
        known.add(m.channelId);
        router.refresh();
        return;
      }
      if (m.authorId === viewerId || m.threadRootId) return;
      setChannels((cs) => cs.map((c) => (c.id === m.channelId ? { ...c, unread: c.unread + 1 } : c)));
    };
    void getAppSocket().then((socket) => {
      if (disposed) return;
      const join = () => ids.forEach((channelId) => socket.emit('chat:join', { channelId }, () => undefined));
      socket.on('chat:message', onMessage);
      socket.on('connect', join);
      if (socket.connected) join();
    });
    return () => {
      disposed = true;
      void getAppSocket().then((socket) => {
        socket.off('chat:message', onMessage);
        ids.forEach((channelId) => socket.emit('chat:leave', { channelId }));
      });
    };
  }, [initial, viewerId, router]);

  const direct = channels.filter((c) => c.kind === 'direct');
  return (
    <div className="grid gap-6">
      <section className="grid gap-2" aria-labelledby="channels-heading">
        <h2 id="channels-heading" className="text-sm font-semibold text-muted-foreground">
          Channels
        </h2>
        <ChannelLinks slug={slug} channels={channels.filter((c) => c.kind !== 'direct')} label="Channels" testId="channel-link" />
      </section>
      <section className="grid gap-2" aria-labelledby="direct-heading">
        <div className="flex items-center justify-between gap-2">
          <h2 id="direct-heading" className="text-sm font-semibold text-muted-foreground">
            Direct messages
          </h2>
          <NewDirectMessageDialog slug={slug} communityId={communityId} />
        </div>
        {direct.length > 0 ? (
          <ChannelLinks slug={slug} channels={direct} label="Direct messages" testId="direct-link" />
        ) : (
          <p className="text-sm text-muted-foreground">No conversations yet. Start one with any member.</p>
        )}
      </section>
    </div>
  );
}
