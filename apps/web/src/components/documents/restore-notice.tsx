'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import type { RestoreEvent } from './restore-undo';

function timeOf(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : ` at ${at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

/**
 * Shown when a version was restored while this editor was open: says so, says why Ctrl+Z no longer
 * reaches earlier typing, and offers the restore's own undo to those who may write.
 */
export function RestoreNotice({ documentId, event, viewerId, canWrite, onDismiss }: { documentId: string; event: RestoreEvent; viewerId: string | null; canWrite: boolean; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const undo = useMutation(
    trpc.document.restoreVersion.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.document.versions.queryKey({ documentId }) }),
    }),
  );
  const who = viewerId !== null && event.byId === viewerId ? 'You restored' : 'Someone restored';
  return (
    <Alert title={`${who} the version “${event.label}”${timeOf(event.at)}.`} data-testid="restore-notice">
      <p>{event.clearedHistory ? 'Earlier edits can no longer be undone with Ctrl+Z: they belonged to the text before the restore.' : 'The document now shows that version.'}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        {canWrite ? (
          <Button size="sm" variant="outline" className="min-h-9" disabled={undo.isPending} onClick={() => undo.mutate({ documentId, versionId: event.beforeVersionId })}>
            Undo restore
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" className="min-h-9" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      {undo.error ? <p role="alert" className="text-destructive">{errorDetails(undo.error).message}</p> : null}
    </Alert>
  );
}
