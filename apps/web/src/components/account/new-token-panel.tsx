'use client';

import { Button } from '~/components/ui/button';
import { CopyButton } from './copy-button';
import { formatDate } from './format-date';

interface NewTokenPanelProps {
  name: string;
  token: string;
  expiresAt: Date | null;
  onDismiss: () => void;
}

/** The only moment the full token is visible: the server keeps just a hash. */
export function NewTokenPanel({ name, token, expiresAt, onDismiss }: NewTokenPanelProps) {
  return (
    <section
      aria-labelledby="new-token-title"
      data-testid="new-token"
      className="grid gap-3 rounded-lg border border-success/40 bg-success/10 p-4"
    >
      <div className="grid gap-1">
        <h3 id="new-token-title" className="font-medium">
          Token “{name}” created
        </h3>
        <p className="text-sm text-muted-foreground">
          Copy it now and keep it somewhere safe — you will not be able to see it again.{' '}
          {expiresAt ? `It expires on ${formatDate(expiresAt)}.` : 'It does not expire; revoke it when you no longer need it.'}
        </p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          readOnly
          value={token}
          aria-label="New API token"
          data-testid="new-token-value"
          onFocus={(event) => event.currentTarget.select()}
          className="h-10 min-w-0 flex-1 rounded-md border border-input bg-background px-3 font-mono text-sm"
        />
        <CopyButton value={token} label="Copy token" />
        <Button variant="ghost" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </section>
  );
}
