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

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);

export function CreateCommunityForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'private'>('public');
  const create = useMutation(trpc.community.create.mutationOptions({ onSuccess: (c) => router.push(`/communities/${c.slug}`) }));
  const failure = create.error ? errorDetails(create.error) : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, slug: slug || slugify(name), description, visibility });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" aria-label="Create a community">
      <div className="grid gap-2">
        <Label htmlFor="community-name">Name</Label>
        <Input
          id="community-name"
          value={name}
          required
          maxLength={80}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugTouched) setSlug(slugify(e.target.value));
          }}
        />
        {failure?.fieldErrors?.name ? <p className="text-sm text-destructive">{failure.fieldErrors.name[0]}</p> : null}
      </div>
      <div className="grid gap-2">
        <Label htmlFor="community-slug">Address</Label>
        <div className="flex items-center gap-1 text-sm text-muted-foreground">
          <span>/communities/</span>
          <Input id="community-slug" value={slug} maxLength={48} onChange={(e) => (setSlugTouched(true), setSlug(e.target.value))} />
        </div>
        {failure?.fieldErrors?.slug ? <p className="text-sm text-destructive">{failure.fieldErrors.slug[0]}</p> : null}
      </div>
      <div className="grid gap-2">
        <Label htmlFor="community-description">Description</Label>
        <textarea
          id="community-description"
          className="min-h-20 rounded-md border bg-background px-3 py-2 text-sm"
          value={description}
          maxLength={2000}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <fieldset className="grid gap-2">
        <legend className="text-sm font-medium">Who can join</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="visibility" checked={visibility === 'public'} onChange={() => setVisibility('public')} /> Anyone (public)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="visibility" checked={visibility === 'private'} onChange={() => setVisibility('private')} /> People you approve or invite (private)
        </label>
      </fieldset>
      {failure && !failure.fieldErrors ? <Alert variant="destructive">{failure.message}</Alert> : null}
      <div>
        <Button type="submit" disabled={create.isPending || name.trim().length < 2}>
          {create.isPending ? 'Creating…' : 'Create community'}
        </Button>
      </div>
    </form>
  );
}
