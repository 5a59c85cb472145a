import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { UserAdminPanel } from '~/components/admin/user-admin-panel';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card';
import { getViewer } from '~/lib/server/viewer';

export const metadata: Metadata = { title: 'Administration' };

export default async function AdminPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?next=/admin');
  // A real 403 status, not a friendly page with 200, so scripts and monitors see the refusal.
  if (viewer.role !== 'staff') forbidden();
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Staff only"
        title="Administration"
        description={
          <>
            Accounts on this site and the role each one holds. The simulation workers and their queue are on the{' '}
            <Link href="/admin/simulations" className="font-medium text-primary underline-offset-4 hover:underline">
              simulation queue
            </Link>{' '}
            page.
          </>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Accounts</CardTitle>
          <CardDescription>
            Members take part in communities; researchers can also use the research tools; staff can also administer the site. A change applies
            from the person’s next request.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <UserAdminPanel viewerId={viewer.id} />
        </CardContent>
      </Card>
    </PageContainer>
  );
}
