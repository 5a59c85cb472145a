import type { Metadata } from 'next';
import Link from 'next/link';
import { PageContainer } from '~/components/shell/page-header';
import { CollabEditor } from '../../../../../_components/editor/collab-editor';
import { orNotFound, serverCaller } from '../../../../../_lib/server-caller';
import '../../../../../_components/editor/editor.css';

export const metadata: Metadata = { title: 'Document' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; project: string; documentId: string }>; searchParams: Promise<{ key?: string }> };

export default async function DocumentPage({ params, searchParams }: Props) {
  const { slug, project, documentId } = await params;
  const linkKey = (await searchParams).key ?? null;
  const { viewer, api } = await serverCaller();
  const doc = await orNotFound(api.document.get({ id: documentId, linkKey }));
  const projectInfo = await orNotFound(api.project.get({ projectId: doc.projectId, linkKey }));
  const backHref = `/communities/${slug}/projects/${project}${linkKey ? `?key=${encodeURIComponent(linkKey)}` : ''}`;
  return (
    <PageContainer className="py-6 sm:py-8">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <Link className="hover:underline" href={`/communities/${slug}`}>
          {doc.community.name}
        </Link>{' '}
        /{' '}
        <Link className="hover:underline" href={backHref}>
          {doc.project.title}
        </Link>
      </nav>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{doc.title}</h1>
      {viewer || linkKey ? (
        // Share-link readers get the live editor too; the server makes their connection read-only.
        <CollabEditor
          documentId={doc.id}
          collabName={doc.collabName}
          canWrite={doc.access === 'write'}
          canComment={!!viewer && projectInfo.permissions.canComment}
          user={viewer ? { id: viewer.id, name: viewer.name } : null}
          linkKey={linkKey}
        />
      ) : (
        // Readers without an account get the server's text rendering: plain text, inert.
        <article className="rounded-lg border p-4">
          <pre className="font-sans text-sm whitespace-pre-wrap" data-testid="document-text">
            {doc.markdown}
          </pre>
        </article>
      )}
    </PageContainer>
  );
}
