'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Download, X } from 'lucide-react';
import { resetUnreadNotifications } from '~/lib/realtime/unread-notifications';
import { INSTALL_EVENT, type InstallPromptEvent } from './pwa-install-capture';

const SW_URL = '/serwist/sw.js';
const DISMISSED_KEY = 'p2pv.install-dismissed';
const OWNER_KEY = 'p2pv.device-owner';
/** Runtime caches that hold pages as one account saw them (see src/sw/sw.ts). */
const ACCOUNT_CACHES = ['pages', 'pages-rsc'];
const warmed = new Set<string>();

/** Asks the service worker to keep this page for offline use (it was loaded before the worker ran). */
async function keepForOffline(href: string): Promise<void> {
  const url = new URL(href);
  url.hash = '';
  if (warmed.has(url.href)) return;
  warmed.add(url.href);
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [[url.href, { headers: { accept: 'text/html' } }]] } });
}

/**
 * Registers the service worker (production builds only: in development it would cache stale code),
 * keeps visited pages for offline use, and offers "Install app" on phones.
 */
export function Pwa({ serviceWorker, viewerId }: { serviceWorker: boolean; viewerId: string | null }) {
  const pathname = usePathname();
  const [prompt, setPrompt] = useState<InstallPromptEvent | null>(null);

  // Signing out or switching accounts (a soft navigation): pages kept for offline use and the live
  // socket belong to the previous account, so they go.
  useEffect(() => {
    const owner = viewerId ?? '';
    const previous = localStorage.getItem(OWNER_KEY);
    if (previous === owner) return;
    localStorage.setItem(OWNER_KEY, owner);
    if (previous !== null) {
      resetUnreadNotifications();
      if ('caches' in window) void Promise.all(ACCOUNT_CACHES.map((name) => caches.delete(name)));
    }
  }, [viewerId]);

  useEffect(() => {
    if (!serviceWorker || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register(SW_URL, { scope: '/', type: 'module' }).catch((error: unknown) => console.warn('service worker registration failed', error));
  }, [serviceWorker]);

  useEffect(() => {
    if (!serviceWorker || !('serviceWorker' in navigator)) return;
    void keepForOffline(window.location.href);
  }, [serviceWorker, pathname]);

  useEffect(() => {
    const take = () => {
      const captured = window.__p2pvInstallPrompt ?? null;
      if (captured && localStorage.getItem(DISMISSED_KEY) !== '1') setPrompt(captured);
    };
    take();
    const installed = () => setPrompt(null);
    window.addEventListener(INSTALL_EVENT, take);
    window.addEventListener('appinstalled', installed);
    return () => {
      window.removeEventListener(INSTALL_EVENT, take);
      window.removeEventListener('appinstalled', installed);
    };
  }, []);

  if (!prompt) return null;
  const install = async () => {
    await prompt.prompt();
    const { outcome } = await prompt.userChoice;
    window.__p2pvInstallPrompt = undefined;
    if (outcome === 'dismissed') localStorage.setItem(DISMISSED_KEY, '1');
    setPrompt(null);
  };
  const dismiss = () => {
    localStorage.setItem(DISMISSED_KEY, '1');
    setPrompt(null);
  };
  return (
    <div
      role="region"
      aria-label="Install the app"
      data-testid="install-app"
      className="fixed inset-x-3 bottom-[calc(4.5rem+env(safe-area-inset-bottom))] z-40 flex items-center gap-3 rounded-xl border bg-card p-3 shadow-lg md:hidden"
    >
      <p className="flex-1 text-sm">Install P2Pvalue on your phone: it opens like an app, even offline.</p>
      <button type="button" onClick={() => void install()} className="inline-flex h-11 items-center gap-2 rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground">
        <Download className="size-4" aria-hidden="true" />
        Install app
      </button>
      <button type="button" onClick={dismiss} aria-label="Not now" className="inline-flex size-11 items-center justify-center rounded-md text-muted-foreground hover:bg-accent">
        <X className="size-4" aria-hidden="true" />
      </button>
    </div>
  );
}
