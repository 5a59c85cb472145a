import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusPage } from '~/components/status/status-page';
import { buttonVariants } from '~/components/ui/button-variants';

export const metadata: Metadata = { title: 'Members only' };

export default function HealthForbidden() {
  return (
    <StatusPage
      code="403"
      title="Members only"
      actions={
        <Link className={buttonVariants()} href="/communities">
          Browse communities
        </Link>
      }
    >
      <p data-testid="health-forbidden">The health of a community is visible to its members and to staff. Join the community to see how it is doing.</p>
    </StatusPage>
  );
}
