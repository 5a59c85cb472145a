'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { FileText, Target } from 'lucide-react';
import type { inferRouterOutputs } from '@trpc/server';
import type { ChatMessageWire } from '~/server/realtime/contracts';
import type { AppRouter } from '~/server/trpc/root';
import { useTRPC } from '~/lib/trpc/react';

export type LinkCard = inferRouterOutputs<AppRouter>['chat']['linkCards']['items'][number]['cards'][number];

// Cheap client-side hint; the server decides what is a link to a document or need and what the reader may see.
const MAY_HAVE_CARD = /\/communities\/[^/\s]+\/(?:projects\/[^/\s]+\/documents|needs)\/[0-9a-fA-F-]{36}/;

/** Cards for the messages that link to documents or needs, fetched with the reader's session. */
export function useLinkCards(messages: ChatMessageWire[]): Map<string, LinkCard[]> {
  const trpc = useTRPC();
  // The newest 50 linking messages; an edit that adds a link adds its id, so the key follows.
  const ids = useMemo(
    () =>
      messages
        .filter((m) => !m.deletedAt && MAY_HAVE_CARD.test(m.body))
        .slice(-50)
        .map((m) => m.id),
    [messages],
  );
  const query = useQuery(trpc.chat.linkCards.queryOptions({ messageIds: ids }, { enabled: ids.length > 0, staleTime: 60_000 }));
  return useMemo(() => new Map((query.data?.items ?? []).map((i) => [i.messageId, i.cards])), [query.data]);
}

const NEED_STATUS: Record<string, string> = {
  proposed: 'Proposed',
  open: 'Open for pledges',
  funded: 'Funded',
  in_progress: 'In progress',
  done: 'Done',
  verified: 'Verified',
  cancelled: 'Cancelled',
};

export function LinkCards({ cards }: { cards: LinkCard[] | undefined }) {
  if (!cards || cards.length === 0) return null;
  return (
    <div className="mt-1 grid gap-2">
      {cards.map((card) => {
        const percent = card.kind === 'need' && card.goal > 0 ? Math.min(100, Math.round((card.pledged / card.goal) * 100)) : 0;
        return (
          <Link key={`${card.kind}:${card.id}`} href={card.url} className="block max-w-md rounded-md border bg-card p-3 hover:bg-muted/50" data-testid="link-card">
            <span className="flex items-center gap-2 text-xs text-muted-foreground">
              {card.kind === 'document' ? <FileText className="size-3" aria-hidden /> : <Target className="size-3" aria-hidden />}
              {card.kind === 'document' ? 'Document' : 'Need'} · {card.projectTitle}
            </span>
            <span className="mt-1 block font-medium">{card.title}</span>
            {card.kind === 'need' ? (
              <span className="mt-2 grid gap-1">
                <span className="flex justify-between text-xs text-muted-foreground">
                  <span>{NEED_STATUS[card.status] ?? card.status}</span>
                  <span>
                    {card.pledged} / {card.goal} credits
                  </span>
                </span>
                <span className="h-1.5 overflow-hidden rounded-full bg-muted" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label="Funded">
                  <span className="block h-full bg-primary" style={{ width: `${percent}%` }} />
                </span>
              </span>
            ) : (
              <span className="mt-1 block text-xs text-muted-foreground">Edited {new Date(card.editedAt).toLocaleDateString()}</span>
            )}
          </Link>
        );
      })}
    </div>
  );
}
