'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';
import { Label } from '~/components/ui/label';
import { errorDetails } from '~/lib/trpc/errors';
import { useTRPC } from '~/lib/trpc/react';

/** Links the community to a directory case by its number, or removes the link (community admins and staff). */
export function DirectoryCaseLinkForm({ slug, linkedCaseId }: { slug: string; linkedCaseId: number | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [caseId, setCaseId] = useState(linkedCaseId === null ? '' : String(linkedCaseId));
  const link = useMutation(trpc.twin.linkCase.mutationOptions({ onSuccess: () => router.refresh() }));
  const parsed = Number(caseId);
  const valid = Number.isInteger(parsed) && parsed > 0;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="directory-case-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) link.mutate({ slug, caseId: parsed });
      }}
    >
      <Label className="grid gap-1 text-sm">
        Directory case number
        <Input className="h-9 w-32" inputMode="numeric" value={caseId} onChange={(e) => setCaseId(e.target.value.trim())} data-testid="directory-case-id" />
      </Label>
      <Button type="submit" size="sm" disabled={!valid || link.isPending}>
        {linkedCaseId === null ? 'Link' : 'Change'}
      </Button>
      {linkedCaseId !== null ? (
        <Button type="button" size="sm" variant="outline" disabled={link.isPending} onClick={() => link.mutate({ slug, caseId: null })}>
          Unlink
        </Button>
      ) : null}
      {link.error ? (
        <p className="w-full text-sm text-destructive" role="alert">
          {errorDetails(link.error).message}
        </p>
      ) : null}
    </form>
  );
}
