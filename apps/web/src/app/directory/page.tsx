import type { Metadata } from 'next';
import Link from 'next/link';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { SectionStatus } from '~/components/roadmap/section-status';

export const metadata: Metadata = { title: 'Directory' };

export default function DirectoryPage() {
  return (
    <PageContainer>
      <PageHeader
        eyebrow="CBPP directory"
        title="Directory"
        description="An open directory of commons-based peer production cases: what each community produces, how its members collaborate and under which licence they share."
      />
      <SectionStatus
        planned={[
          'The 380 cases of the 2016 P2Pvalue directory, imported with their descriptions, homepages, public contacts and classification.',
          'Full-text search and filters by type of activity, kind of collaboration, common resource, licence, scope and language.',
          'A page for each case, and proposed edits that staff review before they are published.',
          'A one-click CSV download and a read-only REST API with the same filters.',
          'Versioned research datasets linked to the cases they describe.',
        ]}
        availableNow={[
          'The original 2016 export (380 cases, 21 fields) is part of the project and is what the directory will be seeded from.',
          <>
            The REST API and its <Link className="font-medium text-primary hover:underline" href="/docs/api">reference</Link>; directory endpoints will appear there when the section opens.
          </>,
        ]}
        footnote="Directory user names from 2016 are kept as provenance only and will not be shown as personal profiles."
      />
    </PageContainer>
  );
}
