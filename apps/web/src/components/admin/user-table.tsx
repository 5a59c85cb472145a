'use client';

import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '~/server/trpc/root';
import type { TUserRole } from '~/lib/roles';
import { Badge } from '~/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '~/components/ui/table';
import { formatDate } from '~/components/account/format-date';
import { RoleSelect } from './role-select';

type UserRow = inferRouterOutputs<AppRouter>['admin']['listUsers'][number];

interface UserTableProps {
  users: UserRow[];
  viewerId: string;
  pending: { userId: string; role: TUserRole } | undefined;
  onRoleChange: (userId: string, role: TUserRole) => void;
}

export function UserTable({ users, viewerId, pending, onRoleChange }: UserTableProps) {
  return (
    <Table data-testid="user-table">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead className="hidden md:table-cell">Joined</TableHead>
          <TableHead>Role</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.map((user) => {
          const isPending = pending?.userId === user.id;
          return (
            <TableRow key={user.id} data-testid="user-row" data-email={user.email}>
              <TableCell className="font-medium">
                <span className="flex items-center gap-2">
                  {user.name || '—'}
                  {user.id === viewerId ? <Badge variant="outline">You</Badge> : null}
                </span>
              </TableCell>
              <TableCell className="break-all text-muted-foreground">{user.email}</TableCell>
              <TableCell className="hidden text-muted-foreground md:table-cell">{formatDate(user.createdAt)}</TableCell>
              <TableCell>
                <RoleSelect
                  value={isPending ? pending.role : user.role}
                  userLabel={user.name || user.email}
                  disabled={isPending}
                  onChange={(role) => role !== user.role && onRoleChange(user.id, role)}
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
