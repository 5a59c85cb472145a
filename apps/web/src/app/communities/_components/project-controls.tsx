'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { Heart } from 'lucide-react';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';

export function SupportButton({ projectId, supported, count, linkKey, disabled }: { projectId: string; supported: boolean; count: number; linkKey: string | null; disabled: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const support = useMutation(trpc.project.setSupport.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <Button variant={supported ? 'default' : 'outline'} aria-pressed={supported} disabled={disabled || support.isPending} onClick={() => support.mutate({ projectId, support: !supported, linkKey })}>
      <Heart className="size-4" aria-hidden /> {supported ? 'Supported' : 'Support'} · {count}
    </Button>
  );
}

export function ProjectAdminControls(props: {
  projectId: string;
  shareMode: 'public' | 'link' | 'invite';
  shareUrl: string | null;
  canEdit: boolean;
  canFeature: boolean;
  featured: boolean;
  archived: boolean;
  isMember: boolean;
  canJoin: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const update = useMutation(trpc.project.update.mutationOptions({ onSuccess }));
  const rotate = useMutation(trpc.project.rotateLink.mutationOptions({ onSuccess }));
  const feature = useMutation(trpc.project.setFeatured.mutationOptions({ onSuccess }));
  const archive = useMutation(trpc.project.setArchived.mutationOptions({ onSuccess }));
  const join = useMutation(trpc.project.join.mutationOptions({ onSuccess }));
  const leave = useMutation(trpc.project.leave.mutationOptions({ onSuccess }));
  const error = update.error ?? rotate.error ?? feature.error ?? archive.error ?? join.error ?? leave.error;
  const { projectId } = props;
  return (
    <div className="grid gap-3 text-sm">
      {props.canEdit ? (
        <label className="grid gap-1">
          <span className="font-medium">Shared</span>
          <select
            className="h-9 rounded-md border bg-background px-2"
            value={props.shareMode}
            onChange={(e) => update.mutate({ projectId, shareMode: e.target.value as 'public' | 'link' | 'invite' })}
          >
            <option value="public">Publicly</option>
            <option value="link">With people who have the link</option>
            <option value="invite">Only with invited participants</option>
          </select>
        </label>
      ) : null}
      {props.shareUrl && props.shareMode === 'link' ? (
        <div className="grid gap-1">
          <span className="font-medium">Share link</span>
          <Input readOnly value={props.shareUrl} onFocus={(e) => e.currentTarget.select()} aria-label="Share link" />
          <Button size="sm" variant="ghost" onClick={() => rotate.mutate({ projectId })}>
            Make a new link (the old one stops working)
          </Button>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {props.canJoin && !props.isMember ? (
          <Button size="sm" onClick={() => join.mutate({ projectId })}>
            Take part
          </Button>
        ) : null}
        {props.isMember ? (
          <Button size="sm" variant="outline" onClick={() => leave.mutate({ projectId })}>
            Leave project
          </Button>
        ) : null}
        {props.canFeature ? (
          <>
            <Button size="sm" variant="outline" onClick={() => feature.mutate({ projectId, featured: !props.featured })}>
              {props.featured ? 'Unfeature' : 'Feature'}
            </Button>
            <Button size="sm" variant="outline" onClick={() => archive.mutate({ projectId, archived: !props.archived })}>
              {props.archived ? 'Unarchive' : 'Archive'}
            </Button>
          </>
        ) : null}
      </div>
      {error ? <p role="alert" className="text-destructive">{errorDetails(error).message}</p> : null}
    </div>
  );
}

export function NewDocumentForm({ projectId, folders }: { projectId: string; folders: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [folderId, setFolderId] = useState('');
  const [folderName, setFolderName] = useState('');
  const create = useMutation(trpc.document.create.mutationOptions({ onSuccess: () => (setTitle(''), router.refresh()) }));
  const createFolder = useMutation(trpc.document.createFolder.mutationOptions({ onSuccess: () => (setFolderName(''), router.refresh()) }));
  const error = create.error ?? createFolder.error;
  return (
    <div className="grid gap-3">
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ projectId, title, folderId: folderId || null });
        }}
      >
        <Input aria-label="New document title" placeholder="New document title" value={title} onChange={(e) => setTitle(e.target.value)} className="min-w-40 flex-1" />
        <select aria-label="Folder" className="h-9 rounded-md border bg-background px-2 text-sm" value={folderId} onChange={(e) => setFolderId(e.target.value)}>
          <option value="">No folder</option>
          {folders.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        <Button type="submit" disabled={!title.trim() || create.isPending}>
          Add document
        </Button>
      </form>
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          createFolder.mutate({ projectId, name: folderName });
        }}
      >
        <Input aria-label="New folder name" placeholder="New folder" value={folderName} onChange={(e) => setFolderName(e.target.value)} className="min-w-40 flex-1" />
        <Button type="submit" variant="outline" disabled={!folderName.trim() || createFolder.isPending}>
          Add folder
        </Button>
      </form>
      {error ? <p role="alert" className="text-sm text-destructive">{errorDetails(error).message}</p> : null}
    </div>
  );
}
