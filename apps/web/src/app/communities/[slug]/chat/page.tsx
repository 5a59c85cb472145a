import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { ChannelList } from '../../_components/chat/channel-list';
import { ChatSearch } from '../../_components/chat/chat-search';
import { CreateChannelForm } from '../../_components/chat/create-channel-form';
import { MembershipButton } from '../../_components/membership-button';
import { orNotFound, serverCaller } from '../../_lib/server-caller';

export const metadata: Metadata = { title: 'Chat' };
export const dynamic = 'force-dynamic';

export default async function CommunityChatPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ project?: string }> }) {
  const { slug } = await params;
  const { project } = await searchParams;
  const { viewer, api } = await serverCaller();
  if (!viewer) redirect(`/sign-in?next=/communities/${slug}/chat`);
  const community = await orNotFound(api.community.get({ slug }));
  const member = community.membership?.status === 'active';
  const channels = member ? (await api.chat.channels({ communityId: community.id })).items : [];
  // A project's page links here with ?project=<id>: open its channel when the viewer may read it.
  const projectChannel = project ? channels.find((c) => c.projectId === project) : undefined;
  if (projectChannel) redirect(`/communities/${slug}/chat/${projectChannel.id}`);
  return (
    <PageContainer>
      <PageHeader
        eyebrow={community.name}
        title="Chat"
        description={
          <Link className="text-primary hover:underline" href={`/communities/${slug}`}>
            Back to the community
          </Link>
        }
      />
      {member ? (
        <div className="grid gap-8 lg:grid-cols-[1fr_22rem] lg:items-start">
          <div className="grid gap-4">
            <ChannelList slug={slug} communityId={community.id} viewerId={viewer.id} initial={channels.map((c) => ({ id: c.id, kind: c.kind, name: c.name, unread: c.unread }))} />
            {channels.some((c) => c.kind === 'general' && c.canModerate) ? <CreateChannelForm slug={slug} communityId={community.id} /> : null}
          </div>
          <ChatSearch slug={slug} channels={channels.map((c) => ({ id: c.id, name: c.kind === 'direct' ? `@${c.name}` : c.name }))} />
        </div>
      ) : (
        <div className="grid max-w-md gap-3">
          <p className="text-muted-foreground">Chat is for members of {community.name}.</p>
          {community.membership?.status === 'requested' ? (
            <p className="text-sm">Your request to join is waiting for an admin.</p>
          ) : (
            <MembershipButton slug={slug} state={community.visibility === 'public' ? 'join' : 'request'} />
          )}
        </div>
      )}
    </PageContainer>
  );
}
