'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Label } from '~/components/ui/label';

/** Add files to a draft (raw PUT per file) and remove them. */
export function DraftFiles({ id, n, files }: { id: string; n: number; files: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.archive.removeFile.mutationOptions({ onSuccess: () => router.refresh() }));

  async function upload(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      for (const file of selected) {
        const response = await fetch(`/api/uploads/datasets/${encodeURIComponent(id)}/versions/${n}/files/${encodeURIComponent(file.name)}`, {
          method: 'PUT',
          body: file,
          headers: { 'content-type': file.type || 'application/octet-stream' },
        });
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { message?: string; error?: { message?: string } } | null;
          throw new Error(`${file.name}: ${body?.message ?? body?.error?.message ?? `upload failed (${response.status})`}`);
        }
      }
      setSelected([]);
      (event.target as HTMLFormElement).reset();
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grid gap-3">
      <form onSubmit={upload} className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="dataset-files">Add files</Label>
          <input
            id="dataset-files"
            type="file"
            multiple
            onChange={(e) => setSelected([...(e.target.files ?? [])])}
            className="text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5"
          />
        </div>
        <Button type="submit" variant="outline" disabled={busy || selected.length === 0}>
          {busy ? 'Uploading…' : 'Upload'}
        </Button>
      </form>
      <p className="text-xs text-muted-foreground">CSV, JSON or any file up to 20 MB. A file with the same name replaces the draft’s copy. CSV files get a Table Schema and a preview.</p>
      {files.length > 0 ? (
        <ul className="flex flex-wrap gap-2 text-sm">
          {files.map((name) => (
            <li key={name}>
              <Button size="sm" variant="ghost" onClick={() => remove.mutate({ id, n, name })} disabled={remove.isPending} aria-label={`Remove ${name}`}>
                Remove {name}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <Alert variant="destructive" title={error} /> : null}
      {remove.error ? <Alert variant="destructive" title={errorDetails(remove.error).message} /> : null}
    </div>
  );
}
