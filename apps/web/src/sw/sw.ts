// The service worker (bundled by @serwist/turbopack's route, src/app/serwist/[path]/route.ts).
// Precached: every build asset and the offline page. Pages are network-first and kept for offline
// use; the API, sockets and auth are never cached, so no member data outlives the session there.
import { CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, StaleWhileRevalidate, type PrecacheEntry, type RouteMatchCallbackOptions } from 'serwist';

declare const self: { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

export const OFFLINE_URL = '/offline';
const LIVE_PREFIXES = ['/api/', '/socket.io', '/collab', '/serwist/'];
const isLive = (pathname: string) => LIVE_PREFIXES.some((prefix) => pathname.startsWith(prefix));
const isPage = ({ request, url, sameOrigin }: RouteMatchCallbackOptions) =>
  sameOrigin &&
  !isLive(url.pathname) &&
  !url.pathname.startsWith('/_next/') &&
  request.headers.get('RSC') !== '1' &&
  (request.mode === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html'));

const day = 24 * 60 * 60;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    { matcher: ({ url, sameOrigin }) => sameOrigin && isLive(url.pathname), handler: new NetworkOnly() },
    // Hashed build files never change under the same name.
    { matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_next/static/'), handler: new CacheFirst({ cacheName: 'next-static', plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * day })] }) },
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.headers.get('RSC') === '1' && !isLive(url.pathname),
      handler: new NetworkFirst({ cacheName: 'pages-rsc', networkTimeoutSeconds: 4, plugins: [new ExpirationPlugin({ maxEntries: 48, maxAgeSeconds: 7 * day })] }),
    },
    { matcher: isPage, handler: new NetworkFirst({ cacheName: 'pages', networkTimeoutSeconds: 4, plugins: [new ExpirationPlugin({ maxEntries: 48, maxAgeSeconds: 7 * day })] }) },
    {
      matcher: ({ request, sameOrigin }) => sameOrigin && ['image', 'font', 'style', 'manifest'].includes(request.destination),
      handler: new StaleWhileRevalidate({ cacheName: 'assets', plugins: [new ExpirationPlugin({ maxEntries: 64, maxAgeSeconds: 30 * day })] }),
    },
  ],
  // A page that was never visited, opened without a network: the offline page instead.
  fallbacks: { entries: [{ url: OFFLINE_URL, matcher: ({ request }) => request.destination === 'document' }] },
});

// Web Worker scripts go straight to the network, registered before Serwist's fetch listener: a
// response from here drops the URL's #fragment, where Turbopack passes a worker its bootstrap
// config, so the simulation designer's preview worker would not start.
(globalThis as unknown as { addEventListener(type: 'fetch', listener: (event: { request: Request; stopImmediatePropagation(): void }) => void): void }).addEventListener('fetch', (event) => {
  if (event.request.destination === 'worker' || event.request.destination === 'sharedworker') event.stopImmediatePropagation();
});

serwist.addEventListeners();
