import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { ChatRoom } from '../../../_components/chat/chat-room';
import { orNotFound, serverCaller } from '../../../_lib/server-caller';

export const metadata: Metadata = { title: 'Chat' };
export const dynamic = 'force-dynamic';

export default async function ChatChannelPage({ params }: { params: Promise<{ slug: string; channelId: string }> }) {
  const { slug, channelId } = await params;
  if (!z.uuid().safeParse(channelId).success) notFound();
  const { viewer, api } = await serverCaller();
  if (!viewer) redirect(`/sign-in?next=/communities/${slug}/chat/${channelId}`);
  const community = await orNotFound(api.community.get({ slug }));
  const { items } = await api.chat.channels({ communityId: community.id });
  const channel = items.find((c) => c.id === channelId);
  if (!channel) notFound();
  const { items: receipts } = await orNotFound(api.chat.readReceipts({ channelId }));
  return (
    <div className="mx-auto w-full max-w-3xl px-2 py-2 sm:px-4">
      <ChatRoom
        slug={slug}
        channel={{ id: channel.id, kind: channel.kind, name: channel.name, canPost: channel.canPost, canModerate: channel.canModerate }}
        viewer={{ id: viewer.id, name: viewer.name }}
        receipts={receipts}
      />
    </div>
  );
}
