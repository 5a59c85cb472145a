'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { Hash, MessagesSquare, User } from 'lucide-react';
import { getAppSocket } from '~/lib/realtime/socket-client';

export interface ChannelListItem {
  id: string;
  kind: 'general' | 'project' | 'custom' | 'direct';
  name: string;
  unread: number;
}

const ICONS = { general: Hash, custom: Hash, project: MessagesSquare, direct: User } as const;

/** The community's channels with live unread counts (joins each channel's room; joins are checked). */
export function ChannelList({ slug, viewerId, initial }: { slug: string; viewerId: string; initial: ChannelListItem[] }) {
  const [channels, setChannels] = useState(initial);

  useEffect(() => {
    let disposed = false;
    const ids = initial.map((c) => c.id);
    const onMessage = (m: { channelId: string; authorId: string; threadRootId: string | null }) => {
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
  }, [initial, viewerId]);

  return (
    <ul className="divide-y rounded-lg border" aria-label="Channels">
      {channels.map((c) => {
        const Icon = ICONS[c.kind];
        return (
          <li key={c.id}>
            <Link href={`/communities/${slug}/chat/${c.id}`} className="flex min-h-12 items-center gap-3 px-4 py-3 hover:bg-muted/50" data-testid="channel-link">
              <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
              <span className={c.unread > 0 ? 'flex-1 font-semibold' : 'flex-1'}>{c.name}</span>
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
