'use client';

import { useEffect, useState } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { safeColor } from './caret-extension';

export interface Present {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

/** Who is here: one entry per connected client that announced a user (names shown as text only). */
export function usePresence(provider: HocuspocusProvider | null): Present[] {
  const [people, setPeople] = useState<Present[]>([]);
  useEffect(() => {
    const awareness = provider?.awareness;
    if (!awareness) return;
    const update = () => {
      const list: Present[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
        if (!user) return;
        list.push({ clientId, name: String(user.name ?? 'Someone').slice(0, 60), color: safeColor(user.color), self: clientId === awareness.clientID });
      });
      setPeople(list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name)));
    };
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [provider]);
  return people;
}
