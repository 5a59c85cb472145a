import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Badge } from '~/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card';
import { MessageMemberButton } from '../../_components/chat/start-direct-message';
import { InvitePanel, MemberRoleControls, RequestControls } from '../../_components/members-admin';
import { orNotFound, serverCaller } from '../../_lib/server-caller';

export const metadata: Metadata = { title: 'Members' };
export const dynamic = 'force-dynamic';

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { viewer, api } = await serverCaller();
  const community = await orNotFound(api.community.get({ slug }));
  if (!community.permissions.canViewContents) notFound();
  const { members, requests } = await orNotFound(api.community.members({ slug }));
  const manage = community.permissions.canManageMembers;
  const canGrantOwner = community.permissions.isOwner || viewer?.role === 'staff';
  return (
    <PageContainer>
      <PageHeader
        eyebrow={community.name}
        title="Members"
        description={
          <Link className="text-primary hover:underline" href={`/communities/${slug}`}>
            Back to the community
          </Link>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_24rem] lg:items-start">
        <section aria-label="Members" className="grid gap-2">
          <ul className="divide-y rounded-lg border">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div>
                  <Link className="font-medium hover:underline" href={`/communities/${slug}/members/${encodeURIComponent(m.userId)}`}>
                    {m.name}
                  </Link> <Badge variant="outline">{m.role}</Badge>
                  {m.email ? <div className="text-xs text-muted-foreground">{m.email}</div> : null}
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {viewer && m.userId !== viewer.id && community.membership?.status === 'active' ? <MessageMemberButton slug={slug} communityId={community.id} userId={m.userId} name={m.name} /> : null}
                  {manage && m.userId !== viewer?.id ? <MemberRoleControls slug={slug} userId={m.userId} role={m.role} canGrantOwner={canGrantOwner} /> : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
        {manage ? (
          <div className="grid gap-6">
            {requests.length > 0 ? (
              <Card>
                <CardHeader>
                  <CardTitle>Requests to join</CardTitle>
                </CardHeader>
                <CardContent>
                  <ul className="grid gap-3">
                    {requests.map((r) => (
                      <li key={r.userId} className="flex flex-wrap items-center justify-between gap-2">
                        <span>
                          {r.name} <span className="text-xs text-muted-foreground">{r.email}</span>
                        </span>
                        <RequestControls slug={slug} userId={r.userId} />
                      </li>
                    ))}
                  </ul>
                </CardContent>
              </Card>
            ) : null}
            <Card>
              <CardHeader>
                <CardTitle>Invitation links</CardTitle>
                <CardDescription>Anyone with a link joins as a member until it expires, runs out of uses or is revoked.</CardDescription>
              </CardHeader>
              <CardContent>
                <InvitePanel slug={slug} />
              </CardContent>
            </Card>
          </div>
        ) : null}
      </div>
    </PageContainer>
  );
}
