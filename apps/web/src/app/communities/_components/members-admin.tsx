'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';
import { Label } from '~/components/ui/label';

type Role = 'owner' | 'admin' | 'member';

export function MemberRoleControls({ slug, userId, role, canGrantOwner }: { slug: string; userId: string; role: Role; canGrantOwner: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const setRole = useMutation(trpc.community.setMemberRole.mutationOptions({ onSuccess: () => router.refresh() }));
  const remove = useMutation(trpc.community.removeMember.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = setRole.error ?? remove.error;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        aria-label="Role"
        className="h-8 rounded-md border bg-background px-2 text-sm"
        value={role}
        disabled={setRole.isPending || (role === 'owner' && !canGrantOwner)}
        onChange={(e) => setRole.mutate({ slug, userId, role: e.target.value as Role })}
      >
        {canGrantOwner || role === 'owner' ? <option value="owner">Owner</option> : null}
        <option value="admin">Admin</option>
        <option value="member">Member</option>
      </select>
      <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ slug, userId })}>
        Remove
      </Button>
      {error ? <span role="alert" className="text-xs text-destructive">{errorDetails(error).message}</span> : null}
    </div>
  );
}

export function RequestControls({ slug, userId }: { slug: string; userId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const decide = useMutation(trpc.community.decideRequest.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex gap-2">
      <Button size="sm" onClick={() => decide.mutate({ slug, userId, approve: true })} disabled={decide.isPending}>
        Approve
      </Button>
      <Button size="sm" variant="outline" onClick={() => decide.mutate({ slug, userId, approve: false })} disabled={decide.isPending}>
        Decline
      </Button>
    </div>
  );
}

export function InvitePanel({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invites = useQuery(trpc.community.listInvites.queryOptions({ slug }));
  const [hours, setHours] = useState(168);
  const [maxUses, setMaxUses] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.community.listInvites.queryKey({ slug }) });
  const create = useMutation(
    trpc.community.createInvite.mutationOptions({
      onSuccess: async ({ token }) => {
        setLink(`${window.location.origin}/communities/invite/${token}`);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.community.revokeInvite.mutationOptions({ onSuccess: refresh }));
  return (
    <div className="grid gap-4">
      <form
        className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ slug, expiresInHours: hours, maxUses: maxUses ? Number(maxUses) : null });
        }}
      >
        <div className="grid gap-1">
          <Label htmlFor="invite-expiry">Expires in</Label>
          <select id="invite-expiry" className="h-9 rounded-md border bg-background px-2 text-sm" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            <option value={24}>1 day</option>
            <option value={168}>7 days</option>
            <option value={720}>30 days</option>
          </select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="invite-uses">Maximum uses</Label>
          <Input id="invite-uses" inputMode="numeric" placeholder="unlimited" value={maxUses} onChange={(e) => setMaxUses(e.target.value.replace(/\D/g, ''))} />
        </div>
        <Button type="submit" disabled={create.isPending}>
          Create invite link
        </Button>
      </form>
      {link ? (
        <Alert title="Invitation link (shown once)">
          <code className="break-all text-xs" data-testid="invite-link">
            {link}
          </code>
        </Alert>
      ) : null}
      {create.error ? <Alert variant="destructive">{errorDetails(create.error).message}</Alert> : null}
      <ul className="grid gap-2 text-sm">
        {(invites.data ?? []).map((inv) => (
          <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2">
            <span>
              {inv.uses}
              {inv.maxUses ? `/${inv.maxUses}` : ''} uses · {inv.revokedAt ? 'revoked' : inv.expiresAt && inv.expiresAt < new Date() ? 'expired' : `expires ${inv.expiresAt?.toLocaleDateString() ?? 'never'}`}
            </span>
            {!inv.revokedAt ? (
              <Button size="sm" variant="ghost" onClick={() => revoke.mutate({ slug, inviteId: inv.id })}>
                Revoke
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
