'use client';

import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { Button } from '~/components/ui/button';
import { errorDetails } from '~/lib/trpc/errors';
import { useTRPC } from '~/lib/trpc/react';

/** "Archive as data set" for a finished calibration (community admins and staff; the server checks again). */
export function TwinArchiveButton({ slug, calibrationId }: { slug: string; calibrationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const archive = useMutation(trpc.twin.archive.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="grid gap-1">
      <Button type="button" variant="outline" className="w-fit" disabled={archive.isPending || archive.isSuccess} onClick={() => archive.mutate({ slug, calibrationId })} data-testid="twin-archive">
        {archive.isPending ? 'Archiving…' : 'Archive as data set'}
      </Button>
      <p className="text-xs text-muted-foreground">
        Publishes the observed series, posterior, forecast and every run with its seed as a citable data set in the archive (public), linked to the community&apos;s directory case.
      </p>
      {archive.error ? (
        <p className="text-sm text-destructive" role="alert">
          {errorDetails(archive.error).message}
        </p>
      ) : null}
    </div>
  );
}
