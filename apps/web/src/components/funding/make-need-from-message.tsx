'use client';

import { useState } from 'react';
import { useParams, useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { HandCoins } from 'lucide-react';
import { useTRPC } from '~/lib/trpc/react';
import { Button } from '~/components/ui/button';
import { makeNeedHref } from './make-need-link';

/**
 * "Make a need" in a chat message's actions: the member picks the project it belongs to (the
 * channel's own project first), then the project's new-need form opens prefilled with the message
 * and a link back to it.
 */
export function MakeNeedFromMessage({ messageId, channelId, body, projectId = null }: { messageId: string; channelId: string; body: string; projectId?: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { slug } = useParams<{ slug?: string }>();
  const [choosing, setChoosing] = useState(false);
  const projects = useQuery({ ...trpc.project.list.queryOptions({ community: slug ?? '' }), enabled: choosing && !!slug });
  // Projects where the member can add needs first, the channel's own project before the rest.
  const options = (projects.data?.items ?? [])
    .filter((p) => !p.archived && p.permissions.access === 'write')
    .sort((a, b) => Number(b.id === projectId) - Number(a.id === projectId) || Number(b.permissions.canEditDetails) - Number(a.permissions.canEditDetails) || a.title.localeCompare(b.title));
  const [picked, setPicked] = useState<string | null>(null);
  const project = options.find((p) => p.slug === picked) ?? options[0] ?? null;
  if (!slug) return null;

  if (!choosing) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setChoosing(true)}>
        <HandCoins className="size-3" aria-hidden /> Make a need
      </Button>
    );
  }
  return (
    <form
      className="flex w-full flex-wrap items-end gap-2 rounded-md border p-2 text-sm"
      aria-label="Make a need from this message"
      onSubmit={(e) => {
        e.preventDefault();
        const href = project ? makeNeedHref(slug, project.slug, { kind: 'chat', messageId, channelId, text: body }) : null;
        if (href) router.push(href);
      }}
    >
      <label className="grid min-w-0 flex-1 basis-48 gap-1">
        <span className="font-medium">Need for the project</span>
        <select
          className="h-9 w-full min-w-0 rounded-md border bg-background px-2"
          value={project?.slug ?? ''}
          onChange={(e) => setPicked(e.target.value)}
          disabled={options.length === 0}
        >
          {options.map((p) => (
            <option key={p.id} value={p.slug}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <Button size="sm" type="submit" disabled={!project}>
          Continue
        </Button>
        <Button size="sm" type="button" variant="ghost" onClick={() => setChoosing(false)}>
          Cancel
        </Button>
      </div>
      {projects.isSuccess && options.length === 0 ? <p className="w-full text-muted-foreground">No project here takes needs from you yet; join one first.</p> : null}
      {projects.isError ? (
        <p role="alert" className="w-full text-destructive">
          The projects could not be loaded.
        </p>
      ) : null}
    </form>
  );
}
