'use client';

import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '~/server/trpc/root';
import { Badge } from '~/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '~/components/ui/table';
import { formatDate, formatDateTime } from './format-date';
import { RevokeTokenDialog } from './revoke-token-dialog';

type ApiToken = inferRouterOutputs<AppRouter>['account']['listApiTokens'][number];

export function ApiTokenTable({ tokens, onRevoked }: { tokens: ApiToken[]; onRevoked: (name: string) => void }) {
  const now = Date.now();
  return (
    <Table data-testid="token-table">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Token</TableHead>
          <TableHead className="hidden sm:table-cell">Created</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead className="hidden md:table-cell">Last used</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tokens.map((token) => {
          const name = token.name ?? 'Unnamed token';
          const expired = token.expiresAt !== null && token.expiresAt.getTime() < now;
          return (
            <TableRow key={token.id} data-testid="token-row">
              <TableCell className="font-medium">{name}</TableCell>
              <TableCell>
                <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{token.start ? `${token.start}…` : '—'}</code>
              </TableCell>
              <TableCell className="hidden text-muted-foreground sm:table-cell">{formatDate(token.createdAt)}</TableCell>
              <TableCell className="text-muted-foreground">
                {expired ? <Badge variant="destructive">Expired</Badge> : formatDate(token.expiresAt, 'Never')}
              </TableCell>
              <TableCell className="hidden text-muted-foreground md:table-cell">{formatDateTime(token.lastUsedAt, 'Never')}</TableCell>
              <TableCell className="text-right">
                <RevokeTokenDialog id={token.id} name={name} onRevoked={onRevoked} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
