'use client';

import { useEffect, useState } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';

export type SyncState = { kind: 'connecting' } | { kind: 'saved' } | { kind: 'saving' } | { kind: 'offline'; unsavedSince: Date | null };

/**
 * What the editor shows about persistence: saved (the server has every change), saving (changes
 * in flight), offline (with the time of the oldest change the server has not confirmed; those
 * changes are kept in IndexedDB and merge on reconnect).
 */
export function useSyncState(provider: HocuspocusProvider | null): SyncState {
  const [state, setState] = useState<SyncState>({ kind: 'connecting' });
  useEffect(() => {
    if (!provider) return;
    let connected = false;
    let synced = false;
    let unsavedSince: Date | null = null;
    const update = () => {
      const online = typeof navigator === 'undefined' || navigator.onLine;
      const pending = provider.hasUnsyncedChanges;
      if (pending && !unsavedSince) unsavedSince = new Date();
      if (!pending && connected) unsavedSince = null;
      if (!connected || !online) setState({ kind: 'offline', unsavedSince });
      else if (!synced) setState({ kind: 'connecting' });
      else setState(pending ? { kind: 'saving' } : { kind: 'saved' });
    };
    const onStatus = ({ status }: { status: string }) => {
      connected = status === 'connected';
      if (!connected) synced = false;
      update();
    };
    const onSynced = ({ state: s }: { state: boolean }) => {
      synced = s;
      update();
    };
    // Local edits while disconnected do not count as "unsynced" in the provider until it can send
    // them; the document's update event catches them.
    const onLocalUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin !== provider && (!connected || !navigator.onLine) && !unsavedSince) unsavedSince = new Date();
      update();
    };
    provider.on('status', onStatus);
    provider.on('synced', onSynced);
    provider.on('unsyncedChanges', update);
    provider.document.on('update', onLocalUpdate);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    connected = provider.configuration.websocketProvider.status === 'connected';
    synced = provider.isSynced;
    update();
    return () => {
      provider.off('status', onStatus);
      provider.off('synced', onSynced);
      provider.off('unsyncedChanges', update);
      provider.document.off('update', onLocalUpdate);
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [provider]);
  return state;
}
