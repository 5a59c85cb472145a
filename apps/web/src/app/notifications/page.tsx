import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageContainer } from '~/components/shell/page-header';
import { getViewer } from '~/lib/server/viewer';
import { NotificationCentre } from './_components/notification-centre';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?next=/notifications');
  return (
    <PageContainer className="max-w-2xl py-6 sm:py-10">
      <NotificationCentre />
    </PageContainer>
  );
}
