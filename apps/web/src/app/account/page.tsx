import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { ApiTokensPanel } from '~/components/account/api-tokens-panel';
import { ProfileCard } from '~/components/account/profile-card';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card';
import { getViewer } from '~/lib/server/viewer';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?next=/account');
  return (
    <PageContainer>
      <PageHeader title="Account" description="Your profile and the personal API tokens your scripts use." />
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr] lg:items-start">
        <ProfileCard name={viewer.name} email={viewer.email} role={viewer.role} />
        <Card>
          <CardHeader>
            <CardTitle>Personal API tokens</CardTitle>
            <CardDescription>
              A token acts as you in the REST API: send it as <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>. Give each
              script its own token, so you can revoke one without breaking the others.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ApiTokensPanel />
          </CardContent>
        </Card>
      </div>
    </PageContainer>
  );
}
