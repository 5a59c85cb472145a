'use client';

import dynamic from 'next/dynamic';

/** The service worker registration and install banner load after the page, in their own chunk. */
export const PwaLazy = dynamic(() => import('./pwa').then((m) => m.Pwa), { ssr: false });
