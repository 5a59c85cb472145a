import { useEffect, useSyncExternalStore } from 'react';
import { closeAppSocket, getAppSocket } from './socket-client';

// The signed-in member's unread notification count, shared by every badge in the tab and kept live
// by the server's `notification:new` / `notification:unread` pushes.
let unread: number | null = null;
let started = false;
const listeners = new Set<() => void>();

function publish(value: number | null): void {
  if (value === unread) return;
  unread = value;
  for (const listener of listeners) listener();
}

/** Lets a page that just changed notifications show the new count before the push arrives. */
export function setUnreadNotifications(value: number): void {
  publish(Math.max(0, value));
}

function start(): void {
  if (started) return;
  started = true;
  void getAppSocket().then((socket) => {
    const refresh = () => {
      socket.emit('notification:unread', (result) => {
        if (result.ok) publish(result.data.unread);
      });
    };
    socket.on('connect', refresh); // also after every reconnect: pushes may have been missed
    socket.on('notification:new', (payload) => publish(payload.unread));
    socket.on('notification:unread', (payload) => publish(payload.unread));
    if (socket.connected) refresh();
  });
}

/** After a sign-out or a change of account: forget the count and reconnect as the new viewer. */
export function resetUnreadNotifications(): void {
  closeAppSocket();
  started = false;
  publish(null);
  if (listeners.size > 0) start();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The live unread count (null until known); connects the tab's socket on first use. */
export function useUnreadNotifications(): number | null {
  useEffect(start, []);
  return useSyncExternalStore(
    subscribe,
    () => unread,
    () => null,
  );
}
