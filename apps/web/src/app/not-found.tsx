import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusPage } from '~/components/status/status-page';
import { Button } from '~/components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="This page does not exist"
      actions={
        <>
          <Button asChild>
            <Link href="/">Go to the home page</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/docs/api">API reference</Link>
          </Button>
        </>
      }
    >
      <p>The address may be mistyped, or the page may have moved. Check the link you followed, or start again from the home page.</p>
    </StatusPage>
  );
}
