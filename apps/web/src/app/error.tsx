'use client';

import { StatusPage } from '~/components/status/status-page';
import { Button } from '~/components/ui/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="500"
      title="Something went wrong"
      actions={
        <Button onClick={reset} variant="default">
          Try again
        </Button>
      }
    >
      <p>The page could not be shown. Trying again usually helps; if it keeps happening, the service may be restarting.</p>
      {error.digest ? <p className="mt-3 font-mono text-xs">Reference: {error.digest}</p> : null}
    </StatusPage>
  );
}
