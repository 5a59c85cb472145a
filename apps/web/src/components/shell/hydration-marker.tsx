'use client';

import { useEffect } from 'react';

/**
 * Marks `<html data-hydrated>` once React has hydrated the shell. Browser tests wait for it before
 * they click controls whose handlers only exist after hydration (menus, selects, dialogs); CSS may
 * use it too. It changes nothing a user sees.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
