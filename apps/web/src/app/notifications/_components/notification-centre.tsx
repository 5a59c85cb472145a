'use client';

import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CheckCheck } from 'lucide-react';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { setUnreadNotifications, useUnreadNotifications } from '~/lib/realtime/unread-notifications';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { NotificationList } from './notification-list';
import { NotificationDigestView } from './notification-digest';
import { NotificationSettings } from './notification-settings';

const TABS = [
  { id: 'all', label: 'All' },
  { id: 'unread', label: 'Unread' },
  { id: 'digest', label: 'Last 24 h' },
  { id: 'settings', label: 'Settings' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function NotificationCentre() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Tab>('all');
  const unread = useUnreadNotifications();

  // A pushed change (a new notification, or reads on another device) refreshes what is shown.
  useEffect(() => {
    if (unread === null) return;
    void queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() });
  }, [unread, queryClient, trpc]);

  const markAll = useMutation(
    trpc.notification.markAllRead.mutationOptions({
      onSuccess: async (result) => {
        setUnreadNotifications(result.unread);
        await queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() });
      },
    }),
  );

  return (
    <div className="grid gap-4">
      <div className="flex items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Notifications</h1>
          <p className="text-sm text-muted-foreground" data-testid="unread-summary" aria-live="polite">
            {unread === null ? '\u00a0' : unread === 0 ? 'You are all caught up.' : `${unread} unread`}
          </p>
        </div>
        <Button variant="outline" className="h-11" onClick={() => markAll.mutate()} disabled={markAll.isPending || unread === 0} data-testid="mark-all-read">
          <CheckCheck aria-hidden="true" />
          Mark all read
        </Button>
      </div>
      {markAll.isError ? (
        <Alert variant="destructive" title="Nothing was marked read">
          {errorDetails(markAll.error).message}
        </Alert>
      ) : null}

      <div role="tablist" aria-label="Show" className="grid grid-cols-4 gap-1 rounded-lg bg-muted p-1">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="notification-panel"
            onClick={() => setTab(t.id)}
            className={`h-10 rounded-md text-sm font-medium transition-colors ${tab === t.id ? 'bg-background text-foreground shadow-xs' : 'text-muted-foreground hover:text-foreground'}`}
          >
            {t.label}
          </button>
        ))}
      </div>

      <div id="notification-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'all' || tab === 'unread' ? <NotificationList unreadOnly={tab === 'unread'} /> : tab === 'digest' ? <NotificationDigestView /> : <NotificationSettings />}
      </div>
    </div>
  );
}
