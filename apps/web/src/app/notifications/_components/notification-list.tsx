'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { setUnreadNotifications } from '~/lib/realtime/unread-notifications';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Skeleton } from '~/components/ui/skeleton';
import { NotificationItem } from './notification-item';

const PAGE_SIZE = 20;

export function NotificationList({ unreadOnly }: { unreadOnly: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(
    trpc.notification.list.infiniteQueryOptions({ limit: PAGE_SIZE, unreadOnly }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSuccess: async (result) => {
        setUnreadNotifications(result.unread);
        await queryClient.invalidateQueries({ queryKey: trpc.notification.list.pathKey() });
      },
    }),
  );

  if (list.isPending) {
    return (
      <div className="grid gap-2" aria-busy="true" aria-label="Loading notifications">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-16" />
        ))}
      </div>
    );
  }
  if (list.isError) {
    return (
      <Alert variant="destructive" title="Notifications could not be loaded">
        <p>{errorDetails(list.error).message}</p>
        <Button variant="outline" size="sm" className="mt-2" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed px-4 py-10 text-center text-sm text-muted-foreground" data-testid="no-notifications">
        {unreadOnly ? 'Nothing unread.' : 'No notifications yet. Mentions, replies to your threads, invitations and role changes will show up here.'}
      </p>
    );
  }
  const now = new Date();
  return (
    <div className="grid gap-3">
      <ul className="divide-y overflow-hidden rounded-lg border bg-card" data-testid="notification-list">
        {items.map((item) => (
          <NotificationItem key={item.id} item={item} now={now} onOpen={(id) => (item.read ? undefined : markRead.mutate({ ids: [id] }))} />
        ))}
      </ul>
      {list.hasNextPage ? (
        <Button variant="outline" className="h-11" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </Button>
      ) : null}
    </div>
  );
}
