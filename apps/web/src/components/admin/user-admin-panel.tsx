'use client';

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useState } from 'react';
import type { TUserRole } from '~/lib/roles';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';
import { Label } from '~/components/ui/label';
import { Skeleton } from '~/components/ui/skeleton';
import { useToaster } from '~/components/ui/toast';
import { useDebouncedValue } from './use-debounced-value';
import { UserTable } from './user-table';

const PAGE_SIZE = 50;

export function UserAdminPanel({ viewerId }: { viewerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast, toaster } = useToaster();
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search.trim(), 300);
  const [roleError, setRoleError] = useState<string | null>(null);

  const users = useInfiniteQuery(
    trpc.admin.listUsers.infiniteQueryOptions(
      { search: debouncedSearch || undefined, take: PAGE_SIZE },
      {
        getNextPageParam: (page) => (page.length === PAGE_SIZE ? page.at(-1)?.id : undefined),
        // Typing keeps the current rows on screen until the new ones arrive: no skeleton flash, and an
        // open role menu is not torn out from under the pointer.
        placeholderData: keepPreviousData,
      },
    ),
  );

  const setRole = useMutation(
    trpc.admin.setUserRole.mutationOptions({
      onMutate: () => setRoleError(null),
      onSuccess: async (user) => {
        toast({ title: 'Role changed', description: `${user.name || user.email} is now ${user.role}.` });
        await queryClient.invalidateQueries({ queryKey: trpc.admin.listUsers.pathKey() });
      },
      onError: (error) => setRoleError(errorDetails(error).message),
    }),
  );

  const rows = users.data?.pages.flat() ?? [];
  const pendingRole = setRole.isPending ? setRole.variables : undefined;

  return (
    <div className="grid gap-5">
      <div className="grid max-w-md gap-2">
        <Label htmlFor="user-search">Search accounts</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input id="user-search" type="search" className="pl-9" placeholder="Name or email" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
      </div>

      {roleError ? (
        <Alert variant="destructive" title="The role was not changed" data-testid="role-error">
          {roleError}
        </Alert>
      ) : null}

      {users.isPending ? (
        <div className="grid gap-2" aria-busy="true" aria-label="Loading accounts">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-12" />
          ))}
        </div>
      ) : users.isError ? (
        <Alert variant="destructive" title="Accounts could not be loaded">
          <p>{errorDetails(users.error).message}</p>
          <Button variant="outline" size="sm" className="mt-2" onClick={() => void users.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : rows.length === 0 ? (
        <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
          {debouncedSearch ? `No account matches “${debouncedSearch}”.` : 'No accounts yet.'}
        </p>
      ) : (
        <div className="grid gap-5" aria-busy={users.isPlaceholderData} data-testid="user-results">
          <UserTable
            users={rows}
            viewerId={viewerId}
            pending={pendingRole}
            onRoleChange={(userId: string, role: TUserRole) => setRole.mutate({ userId, role })}
          />
          {users.hasNextPage ? (
            <Button variant="outline" className="justify-self-center" disabled={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
              {users.isFetchingNextPage ? 'Loading…' : 'Show more accounts'}
            </Button>
          ) : null}
        </div>
      )}
      {toaster}
    </div>
  );
}
