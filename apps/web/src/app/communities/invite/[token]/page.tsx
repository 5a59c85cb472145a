import type { Metadata } from 'next';
import Link from 'next/link';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { AcceptInviteButton } from '../../_components/accept-invite-button';
import { orNotFound, serverCaller } from '../../_lib/server-caller';

export const metadata: Metadata = { title: 'Invitation' };
export const dynamic = 'force-dynamic';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { viewer, api } = await serverCaller();
  const preview = await orNotFound(api.community.previewInvite({ token }));
  return (
    <PageContainer className="max-w-xl">
      <PageHeader eyebrow="Invitation" title={`Join ${preview.community.name}`} description={preview.community.description || undefined} />
      {!preview.valid ? (
        <Alert variant="destructive">{preview.reason}</Alert>
      ) : viewer ? (
        <AcceptInviteButton token={token} />
      ) : (
        <Button asChild>
          <Link href={`/sign-in?next=/communities/invite/${encodeURIComponent(token)}`}>Sign in to accept</Link>
        </Button>
      )}
    </PageContainer>
  );
}
