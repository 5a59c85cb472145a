import type { Metadata } from 'next';
import Link from 'next/link';
import { FileText, Folder, NotebookPen } from 'lucide-react';
import { env } from '~/env';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Badge } from '~/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card';
import { NewDocumentForm, ProjectAdminControls, SupportButton } from '../../../_components/project-controls';
import { SHARE_MODE_LABELS, timeAgo } from '../../../_lib/format';
import { orNotFound, serverCaller } from '../../../_lib/server-caller';

export const metadata: Metadata = { title: 'Project' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; project: string }>; searchParams: Promise<{ key?: string }> };

export default async function ProjectPage({ params, searchParams }: Props) {
  const { slug, project: projectSlug } = await params;
  const linkKey = (await searchParams).key ?? null;
  const { viewer, api } = await serverCaller();
  const project = await orNotFound(api.project.bySlug({ community: slug, slug: projectSlug, linkKey }));
  const [{ items: documents, folders }, people] = await Promise.all([
    api.document.list({ project: project.id, linkKey }),
    api.project.people({ projectId: project.id, linkKey }),
  ]);
  const keyParam = linkKey ? `?key=${encodeURIComponent(linkKey)}` : '';
  const docHref = (id: string) => `/communities/${slug}/projects/${projectSlug}/documents/${id}${keyParam}`;
  const byFolder = new Map<string | null, typeof documents>();
  for (const d of documents) byFolder.set(d.folderId, [...(byFolder.get(d.folderId) ?? []), d]);
  const writable = project.permissions.access === 'write';

  return (
    <PageContainer>
      <PageHeader
        eyebrow={project.communityName}
        title={project.title}
        description={
          <>
            {project.description ? <p>{project.description}</p> : null}
            <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <Badge variant="outline">{SHARE_MODE_LABELS[project.shareMode]}</Badge>
              {project.featured ? <Badge>Featured</Badge> : null}
              {project.archived ? <Badge variant="secondary">Archived (read-only)</Badge> : null}
              <Link className="text-primary hover:underline" href={`/communities/${slug}`}>
                {project.communityName}
              </Link>
            </p>
          </>
        }
        actions={<SupportButton projectId={project.id} supported={project.isSupporter} count={project.supporterCount} linkKey={linkKey} disabled={!viewer} />}
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem] lg:items-start">
        <section aria-label="Documents" className="grid gap-4">
          <Link className="rounded-lg border px-4 py-3 text-sm font-medium hover:bg-muted/50" href={`/communities/${slug}/projects/${projectSlug}/needs`}>
            Needs: what this project needs done, ranked by support →
          </Link>
          {viewer ? (
            <Link className="rounded-lg border px-4 py-3 text-sm font-medium hover:bg-muted/50" href={`/communities/${slug}/chat?project=${project.id}`}>
              Chat: the project&apos;s channel →
            </Link>
          ) : null}
          <h2 className="text-lg font-semibold">Documents</h2>
          <DocList docs={byFolder.get(null) ?? []} href={docHref} />
          {folders.map((f) => (
            <div key={f.id} className="grid gap-2">
              <h3 className="flex items-center gap-2 text-sm font-medium">
                <Folder className="size-4" aria-hidden /> {f.name}
              </h3>
              <div className="pl-4">
                <DocList docs={byFolder.get(f.id) ?? []} href={docHref} />
              </div>
            </div>
          ))}
          {writable ? <NewDocumentForm projectId={project.id} folders={folders} /> : null}
        </section>
        <div className="grid gap-6">
          {viewer ? (
            <Card>
              <CardHeader>
                <CardTitle>Project</CardTitle>
              </CardHeader>
              <CardContent>
                <ProjectAdminControls
                  projectId={project.id}
                  shareMode={project.shareMode}
                  shareUrl={project.linkKey ? `${env.PUBLIC_URL}/communities/${slug}/projects/${projectSlug}?key=${project.linkKey}` : null}
                  canEdit={project.permissions.canEditDetails}
                  canFeature={project.permissions.canFeature}
                  featured={project.featured}
                  archived={project.archived}
                  isMember={project.isMember}
                  canJoin={writable && !project.archived}
                />
              </CardContent>
            </Card>
          ) : null}
          <section aria-label="Participants" className="grid gap-1 text-sm">
            <h2 className="text-lg font-semibold">Participants</h2>
            <p>{people.members.map((m) => m.name).join(', ') || 'Nobody yet.'}</p>
          </section>
          <section aria-label="Supporters" className="grid gap-1 text-sm">
            <h2 className="text-lg font-semibold">Supporters</h2>
            <p>{people.supporters.map((m) => m.name).join(', ') || 'Nobody yet.'}</p>
          </section>
        </div>
      </div>
    </PageContainer>
  );
}

function DocList({ docs, href }: { docs: { id: string; title: string; kind: 'pad' | 'doc'; editedAt: Date | null }[]; href: (id: string) => string }) {
  if (docs.length === 0) return <p className="text-sm text-muted-foreground">No documents.</p>;
  return (
    <ul className="grid gap-2">
      {docs.map((d) => (
        <li key={d.id}>
          <Link href={href(d.id)} className="flex items-center justify-between gap-2 rounded-md border px-3 py-2 hover:bg-muted/50">
            <span className="flex items-center gap-2">
              {d.kind === 'pad' ? <NotebookPen className="size-4" aria-hidden /> : <FileText className="size-4" aria-hidden />}
              {d.title}
            </span>
            <span className="text-xs text-muted-foreground">{d.editedAt ? `edited ${timeAgo(d.editedAt)}` : ''}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
