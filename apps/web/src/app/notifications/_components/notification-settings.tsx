'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Skeleton } from '~/components/ui/skeleton';

/** The daily digest setting and the channels the member muted (muting happens in chat). */
export function NotificationSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.notification.settings.queryOptions());
  const muted = useQuery(trpc.notification.mutedChannels.queryOptions());
  // The switch flips at once; a failed save puts it back (and says so below).
  const [dailyDigest, setDailyDigest] = useState<boolean | null>(null);
  const save = useMutation(
    trpc.notification.saveSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.notification.settings.queryKey(), data),
      onSettled: () => setDailyDigest(null),
    }),
  );
  const unmute = useMutation(
    trpc.notification.setChannelMuted.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notification.mutedChannels.queryKey() }) }),
  );
  const error = save.error ?? unmute.error ?? settings.error ?? muted.error;

  return (
    <div className="grid gap-4">
      {error ? (
        <Alert variant="destructive" title="Settings could not be loaded or saved">
          {errorDetails(error).message}
        </Alert>
      ) : null}
      <section className="rounded-lg border bg-card p-4">
        <h2 className="text-base font-semibold">Daily digest</h2>
        {settings.isPending ? (
          <Skeleton className="mt-3 h-11" />
        ) : (
          <label className="mt-2 flex min-h-11 cursor-pointer items-center justify-between gap-4 text-sm">
            <span className="text-muted-foreground">Gather the day’s notifications in one digest (shown under “Last 24 h”; e-mail is not sent yet).</span>
            <input
              type="checkbox"
              role="switch"
              data-testid="daily-digest"
              className="size-6 shrink-0 accent-primary"
              checked={dailyDigest ?? settings.data?.dailyDigest ?? false}
              onChange={(event) => {
                setDailyDigest(event.target.checked);
                save.mutate({ dailyDigest: event.target.checked });
              }}
            />
          </label>
        )}
      </section>
      <section className="rounded-lg border bg-card p-4">
        <h2 className="text-base font-semibold">Muted channels</h2>
        {muted.isPending ? (
          <Skeleton className="mt-3 h-11" />
        ) : (muted.data?.channels.length ?? 0) === 0 ? (
          <p className="mt-2 text-sm text-muted-foreground">No muted channels. Mute a noisy channel from its menu in chat; mentions still reach you.</p>
        ) : (
          <ul className="mt-2 divide-y">
            {muted.data?.channels.map(({ channelId, label }) => (
              <li key={channelId} className="flex min-h-12 items-center justify-between gap-3 text-sm" data-testid="muted-channel">
                <span className="truncate">{label}</span>
                <Button variant="outline" className="h-10" disabled={unmute.isPending} onClick={() => unmute.mutate({ channelId, muted: false })}>
                  Unmute
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
