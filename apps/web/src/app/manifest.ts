import type { MetadataRoute } from 'next';

/** The web app manifest (served at /manifest.webmanifest): what "Install app" puts on a phone. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'P2Pvalue',
    short_name: 'P2Pvalue',
    description: 'Collaboration, a directory and simulations for commons-based peer production communities.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#fbfdfc',
    theme_color: '#0f6e56',
    categories: ['productivity', 'social'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
    shortcuts: [
      { name: 'Notifications', url: '/notifications', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
      { name: 'Communities', url: '/communities', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
    ],
  };
}
