'use client';

import Link from 'next/link';
import { relativeTime } from './relative-time';

export interface NotificationItemData {
  id: string;
  text: string;
  href: string | null;
  excerpt: string | null;
  read: boolean;
  createdAt: Date;
}

/** One row: the whole row is the tap target (at least 56 px high); opening it marks it read. */
export function NotificationItem({ item, now, onOpen }: { item: NotificationItemData; now: Date; onOpen: (id: string) => void }) {
  const body = (
    <>
      <span aria-hidden="true" className={`mt-1.5 size-2.5 shrink-0 rounded-full ${item.read ? 'bg-transparent' : 'bg-primary'}`} />
      <span className="grid min-w-0 flex-1 gap-0.5">
        <span className={`text-sm text-pretty ${item.read ? 'text-muted-foreground' : 'font-medium'}`}>{item.text}</span>
        {item.excerpt ? <span className="line-clamp-2 text-sm text-muted-foreground">{item.excerpt}</span> : null}
        <time className="text-xs text-muted-foreground" dateTime={item.createdAt.toISOString()}>
          {relativeTime(item.createdAt, now)}
        </time>
      </span>
      {item.read ? null : <span className="sr-only">(unread)</span>}
    </>
  );
  const className = 'flex min-h-14 w-full items-start gap-3 px-4 py-3 text-left transition-colors hover:bg-accent focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring';
  return (
    <li data-testid="notification-item" data-read={item.read ? 'true' : 'false'}>
      {item.href ? (
        <Link href={item.href} className={className} onClick={() => onOpen(item.id)}>
          {body}
        </Link>
      ) : (
        <button type="button" className={className} onClick={() => onOpen(item.id)} disabled={item.read}>
          {body}
        </button>
      )}
    </li>
  );
}
