import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import '~/styles/globals.css';
import { BottomNav } from '~/components/shell/bottom-nav';
import { HydrationMarker } from '~/components/shell/hydration-marker';
import { PwaInstallCapture } from '~/components/shell/pwa-install-capture';
import { PwaLazy } from '~/components/shell/pwa-lazy';
import { SiteFooter } from '~/components/shell/site-footer';
import { SiteHeader } from '~/components/shell/site-header';
import { SkipLink } from '~/components/shell/skip-link';
import { ThemeProvider } from '~/components/shell/theme-provider';
import { getViewer } from '~/lib/server/viewer';
import { env } from '~/env';

export const metadata: Metadata = {
  title: { default: 'P2Pvalue', template: '%s · P2Pvalue' },
  description: 'Collaboration, a directory and simulations for commons-based peer production communities.',
  applicationName: 'P2Pvalue',
  appleWebApp: { capable: true, title: 'P2Pvalue', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfdfc' },
    { media: '(prefers-color-scheme: dark)', color: '#151c1f' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  // the custom server's per-request script nonce (see server/http/security-headers.ts)
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="flex min-h-dvh flex-col">
        <ThemeProvider nonce={nonce}>
            <SkipLink />
            <SiteHeader viewer={viewer} />
            <main id="main" tabIndex={-1} className="flex-1 outline-none">
              {children}
            </main>
            <SiteFooter />
            {/* Keeps the end of every page clear of the fixed phone tab bar. */}
            <div className="h-16 md:hidden" aria-hidden="true" />
            <BottomNav signedIn={viewer !== null} />
            <PwaInstallCapture nonce={nonce} />
            <HydrationMarker />
            <PwaLazy serviceWorker={env.NODE_ENV === 'production'} viewerId={viewer?.id ?? null} />
        </ThemeProvider>
      </body>
    </html>
  );
}
