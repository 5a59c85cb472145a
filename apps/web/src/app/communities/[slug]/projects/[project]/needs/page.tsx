import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card';
import { CONTRIBUTION_LABELS, dateTime } from '../../../../_components/funding/funding-format';
import { NeedCard } from '../../../../_components/funding/need-card';
import { CreateNeedForm, type NeedSourceInput } from '../../../../_components/funding/need-controls';
import { orNotFound, serverCaller } from '../../../../_lib/server-caller';

export const metadata: Metadata = { title: 'Needs' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; project: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Other parts link here to turn a document selection or a chat message into a need (see
// components/funding/make-need-link.ts): …/needs?fromDocument=<documentId>&quote=… or
// …/needs?fromMessage=<messageId>&channel=<channelId>&quote=… The server checks the source again.
const ZFrom = z.object({
  fromDocument: z.uuid().optional(),
  fromMessage: z.uuid().optional(),
  channel: z.uuid().optional(),
  quote: z.string().trim().min(1).max(2000).optional(),
});

function sourceFrom(params: Record<string, string | string[] | undefined>, base: { slug: string; project: string }): { source: NeedSourceInput; href: string | null } | undefined {
  const parsed = ZFrom.safeParse(params);
  if (!parsed.success || !parsed.data.quote) return undefined;
  const { fromDocument, fromMessage, channel, quote } = parsed.data;
  if (fromDocument) return { source: { kind: 'document', documentId: fromDocument, quote }, href: `/communities/${base.slug}/projects/${base.project}/documents/${fromDocument}` };
  if (fromMessage) return { source: { kind: 'chat', messageId: fromMessage, quote }, href: channel ? `/communities/${base.slug}/chat/${channel}?message=${fromMessage}` : null };
  return undefined;
}

const SECTIONS = [
  ['funding', 'Being funded', 'Featured first, then needs close to their goal ("almost there"), then by support.'],
  ['working', 'In progress', null],
  ['finished', 'Done', null],
] as const;

export default async function ProjectNeedsPage({ params, searchParams }: Props) {
  const { slug, project: projectSlug } = await params;
  const from = sourceFrom(await searchParams, { slug, project: projectSlug });
  const { api } = await serverCaller();
  const project = await orNotFound(api.project.bySlug({ community: slug, slug: projectSlug }));
  const [{ items, canCreate }, activity] = await Promise.all([api.need.list({ projectId: project.id }), api.funding.projectActivity({ projectId: project.id })]);
  return (
    <PageContainer>
      <PageHeader
        eyebrow={project.title}
        title="Needs"
        description={
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            <Link className="text-primary hover:underline" href={`/communities/${slug}/projects/${projectSlug}`}>
              Back to the project
            </Link>
            <Link className="text-primary hover:underline" href={`/communities/${slug}/funding`}>
              Funding round
            </Link>
          </p>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem] lg:items-start">
        <div className="grid min-w-0 gap-8">
          {from && canCreate ? (
            // Made from a document selection or a chat message: the prefilled form comes first (on a phone too).
            <Card>
              <CardHeader>
                <CardTitle>Make a need</CardTitle>
              </CardHeader>
              <CardContent>
                <CreateNeedForm projectId={project.id} communitySlug={slug} source={from.source} sourceHref={from.href} />
              </CardContent>
            </Card>
          ) : null}
          {from && !canCreate ? (
            <p role="status" className="rounded-md border p-3 text-sm">
              Only the project&apos;s participants can add needs.{' '}
              <Link className="text-primary hover:underline" href={`/communities/${slug}/projects/${projectSlug}`}>
                Join the project
              </Link>{' '}
              first, then make the need again.
            </p>
          ) : null}
          {items.length === 0 ? <p className="text-muted-foreground">No needs yet. {canCreate ? 'Propose the first one.' : ''}</p> : null}
          {SECTIONS.map(([section, title, hint]) => {
            const list = items.filter((n) => n.section === section);
            if (list.length === 0) return null;
            return (
              <section key={section} aria-label={title} className="grid gap-3">
                <h2 className="text-lg font-semibold">{title}</h2>
                {hint ? <p className="-mt-2 text-sm text-muted-foreground">{hint}</p> : null}
                <ol className="grid gap-3">
                  {list.map((need) => (
                    <li key={need.id}>
                      <NeedCard need={need} href={`/communities/${slug}/needs/${need.id}`} />
                    </li>
                  ))}
                </ol>
              </section>
            );
          })}
        </div>
        <div className="grid min-w-0 gap-6">
          {canCreate && !from ? (
            <Card>
              <CardHeader>
                <CardTitle>Propose a need</CardTitle>
              </CardHeader>
              <CardContent>
                <CreateNeedForm projectId={project.id} communitySlug={slug} />
              </CardContent>
            </Card>
          ) : null}
          <section aria-label="Who did what" className="grid gap-2 text-sm">
            <h2 className="text-lg font-semibold">Who did what</h2>
            {activity.length === 0 ? <p className="text-muted-foreground">Nothing recorded yet.</p> : null}
            <ol className="grid gap-1">
              {activity.slice(0, 30).map((a, i) => (
                <li key={i}>
                  <span className="font-medium">{a.userName}</span> {CONTRIBUTION_LABELS[a.kind] ?? a.kind}
                  {a.needTitle ? <span className="font-medium"> {a.needTitle}</span> : null}
                  <span className="text-xs text-muted-foreground"> · {dateTime(a.at)}</span>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </PageContainer>
  );
}
