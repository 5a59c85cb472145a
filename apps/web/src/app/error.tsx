'use client';

import { StatusPage } from '~/components/status/status-page';
import { buttonVariants } from '~/components/ui/button-variants';

// The error boundary is part of every page's JavaScript, so it avoids the heavier Button/cn path.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="500"
      title="Something went wrong"
      actions={
        <button type="button" className={buttonVariants()} onClick={reset}>
          Try again
        </button>
      }
    >
      <p>The page could not be shown. Trying again usually helps; if it keeps happening, the service may be restarting.</p>
      {error.digest ? <p className="mt-3 font-mono text-xs">Reference: {error.digest}</p> : null}
    </StatusPage>
  );
}
