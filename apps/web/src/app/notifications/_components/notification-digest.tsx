'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Skeleton } from '~/components/ui/skeleton';

/** The daily digest shown in the app: the last 24 hours grouped by what happened. */
export function NotificationDigestView() {
  const trpc = useTRPC();
  const digest = useQuery(trpc.notification.digest.queryOptions());
  if (digest.isPending) return <Skeleton className="h-40" aria-busy="true" aria-label="Loading the digest" />;
  if (digest.isError) {
    return (
      <Alert variant="destructive" title="The digest could not be loaded">
        {errorDetails(digest.error).message}
      </Alert>
    );
  }
  const { groups, total, unread } = digest.data;
  if (total === 0) {
    return <p className="rounded-lg border border-dashed px-4 py-10 text-center text-sm text-muted-foreground">Nothing happened in the last 24 hours.</p>;
  }
  return (
    <div className="grid gap-4" data-testid="notification-digest">
      <p className="text-sm text-muted-foreground">
        {total} notification{total === 1 ? '' : 's'} in the last 24 hours, {unread} unread.
      </p>
      {groups.map((group) => (
        <section key={group.kind} className="rounded-lg border bg-card p-4" aria-labelledby={`digest-${group.kind}`}>
          <h2 id={`digest-${group.kind}`} className="flex items-baseline justify-between gap-2 text-base font-semibold">
            {group.label}
            <span className="text-sm font-normal text-muted-foreground">
              {group.count}
              {group.unread > 0 ? ` · ${group.unread} unread` : ''}
            </span>
          </h2>
          <ul className="mt-2 grid gap-1.5 text-sm">
            {group.latest.map((n) => (
              <li key={n.id}>
                {n.href ? (
                  <Link className="inline-flex min-h-10 items-center text-primary hover:underline" href={n.href}>
                    {n.text}
                  </Link>
                ) : (
                  <span className="inline-flex min-h-10 items-center">{n.text}</span>
                )}
              </li>
            ))}
          </ul>
          {group.count > group.latest.length ? <p className="mt-1 text-xs text-muted-foreground">and {group.count - group.latest.length} more</p> : null}
        </section>
      ))}
    </div>
  );
}
