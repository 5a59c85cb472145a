import type { Metadata } from 'next';
import Link from 'next/link';
import { WifiOff } from 'lucide-react';
import { PageContainer } from '~/components/shell/page-header';

export const metadata: Metadata = { title: 'Offline' };

/** What the service worker shows for a page it has not kept, when there is no network. */
export default function OfflinePage() {
  return (
    <PageContainer className="max-w-xl">
      <div className="grid justify-items-center gap-4 py-10 text-center" data-testid="offline-page">
        <WifiOff className="size-10 text-muted-foreground" aria-hidden="true" />
        <h1 className="text-2xl font-semibold tracking-tight">You are offline</h1>
        <p className="text-muted-foreground text-pretty">
          This page has not been kept on this device. Pages you opened before still work; everything else comes back when you are online again.
        </p>
        {/* A plain link reloads through the service worker, which tries the network first. */}
        <Link href="/" className="inline-flex h-11 items-center rounded-md bg-primary px-5 text-sm font-medium text-primary-foreground" prefetch={false}>
          Go to the home page
        </Link>
      </div>
    </PageContainer>
  );
}
