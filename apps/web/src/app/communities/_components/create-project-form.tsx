'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';
import { Label } from '~/components/ui/label';

const slugify = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48);

export function CreateProjectForm({ community }: { community: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [shareMode, setShareMode] = useState<'public' | 'link' | 'invite'>('public');
  const create = useMutation(trpc.project.create.mutationOptions({ onSuccess: (p) => router.push(`/communities/${community}/projects/${p.slug}`) }));
  const failure = create.error ? errorDetails(create.error) : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const slug = slugify(title);
    create.mutate({ community, title, slug: slug.length >= 3 ? slug : `${slug}-project`, description, shareMode });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-3" aria-label="Start a project">
      <div className="grid gap-2">
        <Label htmlFor="project-title">Title</Label>
        <Input id="project-title" value={title} required maxLength={120} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="project-description">Description</Label>
        <textarea id="project-description" className="min-h-16 rounded-md border bg-background px-3 py-2 text-sm" value={description} maxLength={4000} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="project-share">Shared</Label>
        <select id="project-share" className="h-9 rounded-md border bg-background px-2 text-sm" value={shareMode} onChange={(e) => setShareMode(e.target.value as typeof shareMode)}>
          <option value="public">Publicly</option>
          <option value="link">With people who have the link</option>
          <option value="invite">Only with invited participants</option>
        </select>
      </div>
      {failure ? <Alert variant="destructive">{failure.message}</Alert> : null}
      <div>
        <Button type="submit" disabled={create.isPending || title.trim().length < 2}>
          {create.isPending ? 'Starting…' : 'Start project'}
        </Button>
      </div>
    </form>
  );
}
