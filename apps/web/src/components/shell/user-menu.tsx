'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ChevronDown, KeyRound, LogOut, ShieldCheck } from 'lucide-react';
import { Button } from '~/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '~/components/ui/dropdown-menu';

interface UserMenuProps {
  name: string;
  email: string;
  isStaff: boolean;
}

export function UserMenu({ name, email, isStaff }: UserMenuProps) {
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    // Loaded on demand: the auth client is only needed at this moment, not on every page load.
    const { authClient } = await import('~/lib/auth-client');
    await authClient.signOut();
    router.push('/');
    router.refresh();
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="gap-2 px-2" data-testid="user-menu-trigger" aria-label={`Account menu for ${name || email}`}>
          {/* The initials are drawn by CSS, not text: as text they would be visible words missing
              from the button's name (WCAG 2.5.3, axe label-content-name-mismatch). */}
          <span
            aria-hidden="true"
            data-initials={initials(name || email)}
            className="flex size-8 items-center justify-center rounded-full bg-primary/15 text-sm font-semibold text-primary uppercase before:content-[attr(data-initials)]"
          />
          <span className="hidden max-w-40 truncate md:inline">{name || email}</span>
          <ChevronDown className="hidden opacity-60 md:block" aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel>
          <span className="block truncate font-medium">{name}</span>
          <span className="block truncate text-xs text-muted-foreground">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <KeyRound aria-hidden="true" /> Account and API tokens
          </Link>
        </DropdownMenuItem>
        {isStaff ? (
          <DropdownMenuItem asChild>
            <Link href="/admin">
              <ShieldCheck aria-hidden="true" /> Administration
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={signingOut}
          onSelect={(event) => {
            event.preventDefault();
            void signOut();
          }}
        >
          <LogOut aria-hidden="true" /> {signingOut ? 'Signing out…' : 'Sign out'}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function initials(label: string): string {
  const parts = label.trim().split(/[\s@.]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts[1]?.[0] ?? '')).slice(0, 2) || '?';
}
