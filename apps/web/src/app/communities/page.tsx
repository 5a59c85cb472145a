import type { Metadata } from 'next';
import Link from 'next/link';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { SectionStatus } from '~/components/roadmap/section-status';

export const metadata: Metadata = { title: 'Communities' };

export default function CommunitiesPage() {
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Collaboration platform"
        title="Communities"
        description="Where commons-based peer production communities organise their work: projects, shared documents, needs and conversations, in one place."
      />
      <SectionStatus
        planned={[
          'Communities, public or invite-only, with owners, admins and members, and invitation links that expire.',
          'Projects inside each community, shared publicly, by link or by invitation, with featured projects surfaced first.',
          'Documents edited together in real time, with saved versions and comments.',
          'Needs: a task list per project with status, effort, goals and assignments, separate from the documents.',
          'Chat channels per community and project, with unread counts and notifications.',
          'A contribution record that shows how participation is shared across core, occasional and peripheral members.',
        ]}
        availableNow={[
          <>
            Accounts with member, researcher and staff roles — <Link className="font-medium text-primary hover:underline" href="/sign-up">create one</Link>.
          </>,
          <>
            Personal API tokens on your <Link className="font-medium text-primary hover:underline" href="/account">account page</Link>.
          </>,
          <>
            The REST API, documented in the <Link className="font-medium text-primary hover:underline" href="/docs/api">API reference</Link>.
          </>,
        ]}
        footnote="No communities can be created yet; this page will list the communities you belong to and the public ones you can join."
      />
    </PageContainer>
  );
}
