import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusPage } from '~/components/status/status-page';
import { Button } from '~/components/ui/button';

export const metadata: Metadata = { title: 'Sign in required' };

export default function Unauthorized() {
  return (
    <StatusPage
      code="401"
      title="Sign in to see this page"
      actions={
        <>
          <Button asChild>
            <Link href="/sign-in">Sign in</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/sign-up">Create an account</Link>
          </Button>
        </>
      }
    >
      <p>This page belongs to a signed-in account.</p>
    </StatusPage>
  );
}
