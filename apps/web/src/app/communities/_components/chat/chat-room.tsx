'use client';

import Link from 'next/link';
import { Fragment, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, Ellipsis, MessageSquareReply, Paperclip, Pencil, SmilePlus, Trash2, WifiOff } from 'lucide-react';
import type { ChatMessageWire } from '~/server/realtime/contracts';
import { useTRPC } from '~/lib/trpc/react';
import { Button } from '~/components/ui/button';
import { MakeNeedFromMessage } from '~/components/funding/make-need-from-message';
import { clockTime } from '../../_lib/format';
import { DraftAttachments, MessageAttachments, uploadChatFile, type ChatAttachment } from './chat-attachments';
import { LinkCards, useLinkCards, type LinkCard } from './chat-link-cards';
import { ChatMessageBody } from './chat-message-body';
import { useChatChannel, type ChatChannelState } from './use-chat-channel';

const QUICK_REACTIONS = ['👍', '❤️', '🎉', '😄'];

export interface ChatRoomProps {
  slug: string;
  channel: { id: string; kind: 'general' | 'project' | 'custom' | 'direct'; name: string; canPost: boolean; canModerate: boolean };
  viewer: { id: string; name: string };
  receipts: { userId: string; name: string; lastReadSeq: number }[];
}

function MessageItem({
  message,
  chat,
  viewer,
  canModerate,
  canPost,
  onOpenThread,
  cards,
}: {
  message: ChatMessageWire;
  cards?: LinkCard[] | undefined;
  chat: ChatChannelState;
  viewer: { id: string };
  canModerate: boolean;
  canPost: boolean;
  onOpenThread?: (id: string) => void;
}) {
  const [selected, setSelected] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const mine = message.authorId === viewer.id;
  const deleted = message.deletedAt !== null;
  return (
    <li className="group rounded-md px-2 py-1.5 hover:bg-muted/40" data-testid="chat-message" data-message-id={message.id}>
      <div className="flex items-baseline gap-2">
        <span className="text-sm font-semibold">{message.authorName}</span>
        <time className="text-xs text-muted-foreground" dateTime={message.createdAt}>
          {clockTime(new Date(message.createdAt))}
        </time>
        {message.editedAt && !deleted ? <span className="text-xs text-muted-foreground">(edited)</span> : null}
      </div>
      {editing !== null ? (
        <form
          className="grid gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void chat.edit(message.id, editing).then((ok) => ok && setEditing(null));
          }}
        >
          <textarea aria-label="Edit message" className="min-h-16 w-full rounded-md border bg-background p-2 text-sm" value={editing} onChange={(e) => setEditing(e.target.value)} maxLength={4000} />
          <div className="flex gap-2">
            <Button size="sm" type="submit">
              Save
            </Button>
            <Button size="sm" variant="ghost" type="button" onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : deleted ? (
        <p className="text-sm italic text-muted-foreground">Message deleted</p>
      ) : (
        <>
          <div className="flex items-start gap-1">
            {/* A tap on the text opens the actions (phones); the button beside it is the way for
                keyboards and screen readers, and keeps the text (and its links) out of a button. */}
            <div className="min-h-6 min-w-0 flex-1" onClick={() => setSelected((s) => !s)}>
              {message.body ? <ChatMessageBody body={message.body} /> : <span className="text-xs text-muted-foreground">{message.attachments.length === 1 ? 'shared a file' : `shared ${message.attachments.length} files`}</span>}
            </div>
            <Button type="button" size="sm" variant="ghost" className="size-8 shrink-0 p-0 text-muted-foreground" onClick={() => setSelected((s) => !s)} aria-expanded={selected} aria-label="Message actions">
              <Ellipsis className="size-4" aria-hidden />
            </Button>
          </div>
          <MessageAttachments attachments={message.attachments} />
          <LinkCards cards={cards} />
        </>
      )}
      {message.reactions.length > 0 ? (
        <div className="mt-1 flex flex-wrap gap-1">
          {message.reactions.map((r) => {
            const reacted = r.userIds.includes(viewer.id);
            return (
              <button
                key={r.emoji}
                type="button"
                disabled={!canPost}
                className={`rounded-full border px-2 text-xs ${reacted ? 'border-primary bg-primary/10' : ''}`}
                onClick={() => void chat.react(message.id, r.emoji, !reacted)}
                data-testid="reaction"
              >
                {r.emoji} {r.userIds.length}
              </button>
            );
          })}
        </div>
      ) : null}
      {onOpenThread && message.replyCount > 0 ? (
        <button type="button" className="mt-1 text-xs font-medium text-primary hover:underline" onClick={() => onOpenThread(message.id)}>
          {message.replyCount} {message.replyCount === 1 ? 'reply' : 'replies'}
        </button>
      ) : null}
      {selected && !deleted && editing === null ? (
        <div className="mt-1 flex flex-wrap gap-1" role="toolbar" aria-label="Message actions">
          {canPost
            ? QUICK_REACTIONS.map((emoji) => (
                <Button key={emoji} size="sm" variant="ghost" aria-label={`React ${emoji}`} onClick={() => void chat.react(message.id, emoji, true).then(() => setSelected(false))}>
                  <SmilePlus className="size-3" aria-hidden /> {emoji}
                </Button>
              ))
            : null}
          {onOpenThread && canPost ? (
            <Button size="sm" variant="ghost" onClick={() => onOpenThread(message.id)}>
              <MessageSquareReply className="size-3" aria-hidden /> Reply in thread
            </Button>
          ) : null}
          {canPost ? <MakeNeedFromMessage messageId={message.id} channelId={message.channelId} body={message.body} /> : null}
          {mine && canPost ? (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setEditing(message.body);
                setSelected(false);
              }}
            >
              <Pencil className="size-3" aria-hidden /> Edit
            </Button>
          ) : null}
          {mine || canModerate ? (
            <Button size="sm" variant="ghost" onClick={() => void chat.remove(message.id)}>
              <Trash2 className="size-3" aria-hidden /> Delete
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function Composer({ chat, channelId, threadRootId, label, autoFocus }: { chat: ChatChannelState; channelId: string; threadRootId: string | null; label: string; autoFocus: boolean }) {
  const trpc = useTRPC();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<ChatAttachment[]>([]);
  const [uploading, setUploading] = useState<string[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  // The mention list is a listbox driven from the textarea (focus never leaves it): arrows move
  // the highlighted option, Enter or Tab picks it, Escape closes the list until the text changes.
  const [activeMention, setActiveMention] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const listId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const attach = async (list: FileList | null) => {
    setUploadError(null);
    for (const file of [...(list ?? [])]) {
      if (files.length + uploading.length >= 10) {
        setUploadError('At most 10 files per message.');
        break;
      }
      setUploading((u) => [...u, file.name]);
      try {
        const uploaded = await uploadChatFile(channelId, file);
        setFiles((f) => [...f, uploaded]);
      } catch (error) {
        setUploadError(`${file.name}: ${error instanceof Error ? error.message : 'could not be uploaded.'}`);
      } finally {
        setUploading((u) => u.filter((n) => n !== file.name));
      }
    }
    if (fileInput.current) fileInput.current.value = '';
  };
  const mentionQuery = /(?:^|\s)@([\p{L}\p{N}_-]{0,30})$/u.exec(body)?.[1];
  const candidates = useQuery({ ...trpc.chat.mentionCandidates.queryOptions({ channelId }), enabled: mentionQuery !== undefined, staleTime: 60_000 });
  const suggestions = mentionQuery === undefined ? [] : (candidates.data?.items ?? []).filter((c) => c.name.toLowerCase().includes(mentionQuery.toLowerCase())).slice(0, 6);
  const mentionOpen = suggestions.length > 0 && dismissedAt !== body;
  const active = Math.min(activeMention, suggestions.length - 1);
  const pickMention = (s: { id: string; name: string }) => setBody((b) => b.replace(/@[\p{L}\p{N}_-]{0,30}$/u, `@[${s.name}](${s.id}) `));
  const submit = () => {
    const text = body.trim();
    if ((!text && files.length === 0) || uploading.length > 0) return;
    chat.send(text, threadRootId, files);
    setBody('');
    setFiles([]);
    setUploadError(null);
  };
  return (
    <div className="border-t bg-background">
      <DraftAttachments items={files} uploading={uploading} onRemove={(id) => setFiles((f) => f.filter((a) => a.id !== id))} />
      {uploadError ? (
        <p role="alert" className="px-3 pt-2 text-xs text-destructive">
          {uploadError}
        </p>
      ) : null}
      <form
        className="relative flex items-end gap-2 p-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {mentionOpen ? (
          <ul id={listId} className="absolute bottom-full left-2 z-10 mb-1 w-64 rounded-md border bg-card p-1 text-card-foreground shadow" role="listbox" aria-label="Mention someone">
            {suggestions.map((s, i) => (
              <li
                key={s.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer rounded px-2 py-1.5 text-sm hover:bg-muted ${i === active ? 'bg-accent text-accent-foreground' : ''}`}
                // Keeps focus (and the caret) in the textarea.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pickMention(s)}
              >
                {s.name}
              </li>
            ))}
          </ul>
        ) : null}
        <input ref={fileInput} type="file" multiple className="sr-only" tabIndex={-1} aria-label="Attach files" data-testid="attach-input" onChange={(e) => void attach(e.target.files)} />
        <Button
          type="button"
          variant="ghost"
          className="min-h-11 px-3"
          aria-label="Attach a file"
          disabled={!chat.connected}
          title={chat.connected ? 'Attach images or files (up to 10 MB each)' : 'Files can be attached when you are online'}
          onClick={() => fileInput.current?.click()}
        >
          <Paperclip className="size-4" aria-hidden />
        </Button>
        <textarea
          aria-label={label}
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-controls={mentionOpen ? listId : undefined}
          aria-activedescendant={mentionOpen ? `${listId}-${active}` : undefined}
          rows={1}
          maxLength={4000}
          className="max-h-40 min-h-11 flex-1 resize-none rounded-md border bg-background px-3 py-2.5 text-base sm:text-sm"
          placeholder="Write a message — **bold**, `code`, @name"
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setActiveMention(0);
            chat.setTyping(e.target.value.length > 0);
          }}
          onBlur={() => chat.setTyping(false)}
          onKeyDown={(e) => {
            if (mentionOpen && !e.nativeEvent.isComposing) {
              const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
              if (step !== 0 || ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) || e.key === 'Escape') e.preventDefault();
              if (step !== 0) return setActiveMention((active + step + suggestions.length) % suggestions.length);
              if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) return pickMention(suggestions[active]!);
              if (e.key === 'Escape') return setDismissedAt(body);
            }
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <Button type="submit" className="min-h-11" disabled={uploading.length > 0}>
          Send
        </Button>
      </form>
    </div>
  );
}

function PendingList({ items, connected }: { items: { clientId: string; body: string; attachmentNames?: string[] }[]; connected: boolean }) {
  if (items.length === 0) return null;
  return (
    <ul aria-label="Waiting to be sent" className="grid gap-1 px-2 opacity-60">
      {items.map((p) => (
        <li key={p.clientId} className="rounded-md px-2 py-1" data-testid="pending-message">
          {p.body ? <ChatMessageBody body={p.body} /> : null}
          {p.attachmentNames?.length ? <p className="text-xs">📎 {p.attachmentNames.join(', ')}</p> : null}
          <span className="text-xs text-muted-foreground">{connected ? 'Sending…' : 'Queued — sends when you are back online'}</span>
        </li>
      ))}
    </ul>
  );
}

/** A channel: history with infinite scroll up, "new messages" divider, threads, composer with offline queue. */
export function ChatRoom({ slug, channel, viewer, receipts }: ChatRoomProps) {
  const chat = useChatChannel(channel.id, viewer, receipts);
  const [thread, setThread] = useState<string | null>(null);
  // Opening or leaving a thread replaces the button that did it: focus goes to the new composer
  // instead of being lost to the page (not on the first render, which would steal it on arrival).
  const switchedView = useRef(false);
  useEffect(() => {
    switchedView.current = true;
  }, []);
  const scroller = useRef<HTMLDivElement>(null);
  const topSentinel = useRef<HTMLDivElement>(null);
  const heightBeforeOlder = useRef<number | null>(null);
  const stickToBottom = useRef(true);
  const { messages, loadOlder, hasOlder, loadThread } = chat;
  const title = channel.kind === 'direct' ? channel.name : `# ${channel.name}`;

  // Infinite scroll up: load the previous page when the top comes into view, keeping the position.
  useEffect(() => {
    const el = topSentinel.current;
    if (!el || !hasOlder) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && scroller.current) {
        heightBeforeOlder.current = scroller.current.scrollHeight;
        void loadOlder();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasOlder, loadOlder]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (heightBeforeOlder.current !== null && el.scrollHeight !== heightBeforeOlder.current) {
      el.scrollTop += el.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    } else if (stickToBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [messages, chat.pending.length]);

  useEffect(() => {
    if (thread) void loadThread(thread);
  }, [thread, loadThread]);

  const firstUnread = chat.dividerSeq === null ? undefined : messages.find((m) => m.seq > chat.dividerSeq! && m.authorId !== viewer.id)?.id;
  const lastMine = [...messages].reverse().find((m) => m.authorId === viewer.id && !m.deletedAt);
  const seenBy = lastMine ? [...chat.readBy].filter(([userId, r]) => userId !== viewer.id && r.lastReadSeq >= lastMine.seq).map(([, r]) => r.name) : [];
  const root = thread ? messages.find((m) => m.id === thread) : undefined;
  const replies = root ? chat.repliesOf(root.id) : [];
  const cards = useLinkCards(replies.length > 0 ? [...messages, ...replies] : messages);
  const othersOnline = chat.online.filter((id) => id !== viewer.id).length;

  return (
    <div className="flex h-[calc(100dvh-9rem)] min-h-96 flex-col overflow-hidden rounded-lg border md:h-[calc(100dvh-7rem)]">
      <header className="flex items-center gap-2 border-b px-3 py-2">
        {thread ? (
          <Button size="sm" variant="ghost" onClick={() => setThread(null)} aria-label="Back to the channel">
            <ArrowLeft className="size-4" aria-hidden />
          </Button>
        ) : (
          <Button asChild size="sm" variant="ghost" aria-label="All channels">
            <Link href={`/communities/${slug}/chat`}>
              <ArrowLeft className="size-4" aria-hidden />
            </Link>
          </Button>
        )}
        <h1 className="flex-1 truncate font-semibold">{thread ? 'Thread' : title}</h1>
        <span className="text-xs text-muted-foreground" data-testid="presence">
          {othersOnline > 0 ? `${othersOnline} online` : 'only you here'}
        </span>
      </header>
      {!chat.connected ? (
        <p className="flex items-center gap-2 bg-muted px-3 py-1 text-xs" role="status">
          <WifiOff className="size-3" aria-hidden /> Offline — messages you write are kept and sent when you reconnect.
        </p>
      ) : null}
      {chat.error ? (
        <p role="alert" className="flex items-center justify-between bg-destructive/10 px-3 py-1 text-xs text-destructive">
          {chat.error}
          <button type="button" className="underline" onClick={chat.clearError}>
            Dismiss
          </button>
        </p>
      ) : null}
      <div
        ref={scroller}
        className="flex-1 overflow-y-auto py-2"
        onScroll={(e) => {
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
      >
        {thread && root ? (
          <ul className="grid gap-1 px-1" aria-label="Thread">
            <MessageItem message={root} chat={chat} viewer={viewer} canModerate={channel.canModerate} canPost={channel.canPost} cards={cards.get(root.id)} />
            <li className="px-2 text-xs text-muted-foreground">{root.replyCount} replies</li>
            {replies.map((m) => (
              <MessageItem key={m.id} message={m} chat={chat} viewer={viewer} canModerate={channel.canModerate} canPost={channel.canPost} cards={cards.get(m.id)} />
            ))}
          </ul>
        ) : (
          <>
            <div ref={topSentinel} className="h-1" />
            {chat.loadingOlder ? <p className="py-2 text-center text-xs text-muted-foreground">Loading earlier messages…</p> : null}
            {!hasOlder && messages.length > 0 ? <p className="py-2 text-center text-xs text-muted-foreground">This is the start of {channel.kind === 'direct' ? `your conversation with ${channel.name}` : `#${channel.name}`}.</p> : null}
            {messages.length === 0 && chat.connected ? <p className="py-8 text-center text-sm text-muted-foreground">No messages yet. Say hello!</p> : null}
            <ul className="grid gap-1 px-1" aria-label="Messages">
              {messages.map((m) => (
                <Fragment key={m.id}>
                  {m.id === firstUnread ? (
                    // A list may only hold list items (axe `list`): the separator sits inside one.
                    <li>
                      <div className="flex items-center gap-2 px-2 text-xs font-semibold text-destructive" data-testid="new-messages-divider" role="separator" aria-label="New messages">
                        <span className="h-px flex-1 bg-destructive/40" /> New messages <span className="h-px flex-1 bg-destructive/40" />
                      </div>
                    </li>
                  ) : null}
                  <MessageItem message={m} chat={chat} viewer={viewer} canModerate={channel.canModerate} canPost={channel.canPost} onOpenThread={setThread} cards={cards.get(m.id)} />
                </Fragment>
              ))}
            </ul>
            {seenBy.length > 0 ? (
              <p className="px-3 text-right text-xs text-muted-foreground" data-testid="seen-by">
                Seen by {seenBy.join(', ')}
              </p>
            ) : null}
          </>
        )}
        <PendingList items={chat.pending.filter((p) => (p.threadRootId ?? null) === thread)} connected={chat.connected} />
      </div>
      <p className="h-5 px-3 text-xs text-muted-foreground" aria-live="polite" data-testid="typing">
        {chat.typing.length > 0 ? `${chat.typing.map((t) => t.name).join(', ')} ${chat.typing.length === 1 ? 'is' : 'are'} typing…` : ''}
      </p>
      {channel.canPost ? (
        <Composer key={thread ?? 'channel'} autoFocus={switchedView.current} chat={chat} channelId={channel.id} threadRootId={thread} label={thread ? 'Reply in thread' : channel.kind === 'direct' ? `Message @${channel.name}` : `Message #${channel.name}`} />
      ) : (
        <p className="border-t p-3 text-sm text-muted-foreground">
          {channel.kind === 'direct' ? 'You no longer share a community with this person, so the conversation is read-only.' : 'This channel is read-only for you.'}
        </p>
      )}
    </div>
  );
}
