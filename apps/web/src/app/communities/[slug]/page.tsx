import type { Metadata } from 'next';
import Link from 'next/link';
import { Activity, Coins, Heart, MessagesSquare, Star, Users } from 'lucide-react';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Badge } from '~/components/ui/badge';
import { Button } from '~/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card';
import { CreateProjectForm } from '../_components/create-project-form';
import { MembershipButton } from '../_components/membership-button';
import { NeedCard } from '../_components/funding/need-card';
import { ACTIVITY_LABELS, SHARE_MODE_LABELS, timeAgo } from '../_lib/format';
import { orNotFound, serverCaller } from '../_lib/server-caller';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { api } = await serverCaller();
  const community = await api.community.get({ slug: (await params).slug }).catch(() => null);
  return { title: community?.name ?? 'Community' };
}

export default async function CommunityHomePage({ params }: Props) {
  const { slug } = await params;
  const { viewer, api } = await serverCaller();
  const community = await orNotFound(api.community.get({ slug }));
  const [{ items: projects }, activity] = community.permissions.canViewContents
    ? await Promise.all([api.project.list({ community: slug }), api.community.activity({ slug })])
    : [{ items: [] }, []];
  const featuredNeeds = community.permissions.canViewContents ? await api.need.featured({ community: slug }) : [];
  const state = !viewer
    ? 'signed-out'
    : community.membership?.status === 'active'
      ? 'member'
      : community.membership?.status === 'requested'
        ? 'requested'
        : community.visibility === 'public'
          ? 'join'
          : 'request';

  return (
    <PageContainer>
      <PageHeader
        eyebrow={community.visibility === 'private' ? 'Private community' : 'Community'}
        title={community.name}
        description={community.description || undefined}
        actions={
          <>
            {community.permissions.canViewContents ? (
              <Button asChild variant="outline">
                <Link href={`/communities/${slug}/members`}>
                  <Users className="size-4" aria-hidden /> Members
                </Link>
              </Button>
            ) : null}
            {viewer ? (
              <Button asChild variant="outline">
                <Link href={`/communities/${slug}/chat`}>
                  <MessagesSquare className="size-4" aria-hidden /> Chat
                </Link>
              </Button>
            ) : null}
            {community.permissions.canViewContents ? (
              <Button asChild variant="outline">
                <Link href={`/communities/${slug}/funding`}>
                  <Coins className="size-4" aria-hidden /> Funding
                </Link>
              </Button>
            ) : null}
            {community.permissions.isMember || viewer?.role === 'staff' ? (
              <Button asChild variant="outline">
                <Link href={`/communities/${slug}/health`}>
                  <Activity className="size-4" aria-hidden /> Health
                </Link>
              </Button>
            ) : null}
            {community.membership?.role === 'owner' && community.membership.status === 'active' ? null : <MembershipButton slug={slug} state={state} />}
          </>
        }
      />
      {!community.permissions.canViewContents ? (
        <p className="text-muted-foreground">{state === 'requested' ? 'Your request to join is waiting for an admin.' : 'Projects and members of this community are visible to its members.'}</p>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[1fr_20rem] lg:items-start">
          <div className="grid gap-8">
            {featuredNeeds.length > 0 ? (
              <section aria-label="Featured needs" className="grid gap-3">
                <h2 className="text-lg font-semibold">Featured needs</h2>
                <p className="-mt-2 text-sm text-muted-foreground">Nobody has taken these on yet: a good way in.</p>
                <ul className="grid gap-3">
                  {featuredNeeds.map((n) => (
                    <li key={n.id}>
                      <NeedCard need={n} href={`/communities/${slug}/needs/${n.id}`} subtitle={n.projectTitle} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section aria-label="Projects" className="grid gap-3">
              <h2 className="text-lg font-semibold">Projects</h2>
              {projects.length === 0 ? <p className="text-sm text-muted-foreground">No projects yet.</p> : null}
              <ul className="grid gap-3">
                {projects.map((p) => (
                  <li key={p.id}>
                    <Link href={`/communities/${slug}/projects/${p.slug}`} className="block rounded-lg border p-4 transition-colors hover:bg-muted/50">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{p.title}</span>
                        {p.featured ? (
                          <Badge>
                            <Star className="size-3" aria-hidden /> Featured
                          </Badge>
                        ) : null}
                        <Badge variant="outline">{SHARE_MODE_LABELS[p.shareMode]}</Badge>
                        {p.archived ? <Badge variant="secondary">Archived</Badge> : null}
                      </div>
                      {p.description ? <p className="mt-1 line-clamp-2 text-sm text-muted-foreground">{p.description}</p> : null}
                      <p className="mt-2 flex gap-3 text-xs text-muted-foreground">
                        <span className="inline-flex items-center gap-1">
                          <Heart className="size-3" aria-hidden /> {p.supporterCount}
                        </span>
                        <span>{p.memberCount} participants</span>
                        <span>active {timeAgo(p.lastActivityAt)}</span>
                      </p>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <div className="grid gap-6">
            {community.permissions.canCreateProject ? (
              <Card>
                <CardHeader>
                  <CardTitle>Start a project</CardTitle>
                </CardHeader>
                <CardContent>
                  <CreateProjectForm community={slug} />
                </CardContent>
              </Card>
            ) : null}
            <section aria-label="Recent activity" className="grid gap-2">
              <h2 className="text-lg font-semibold">Recent activity</h2>
              {activity.length === 0 ? <p className="text-sm text-muted-foreground">Nothing yet.</p> : null}
              <ul className="grid gap-2 text-sm">
                {activity.map((a, i) => (
                  <li key={i}>
                    <span className="font-medium">{a.userName}</span> {ACTIVITY_LABELS[a.kind] ?? a.kind}
                    {a.projectTitle ? <span className="font-medium"> {a.projectTitle}</span> : null}{' '}
                    <span className="text-muted-foreground">· {timeAgo(a.at)}</span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </div>
      )}
    </PageContainer>
  );
}
