'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Bell } from 'lucide-react';
import { useUnreadNotifications } from '~/lib/realtime/unread-notifications';

/** "9+" keeps the badge one glyph wide on a phone. */
export function unreadLabel(unread: number): string {
  return unread > 9 ? '9+' : String(unread);
}

export function UnreadBadge({ unread, className = '' }: { unread: number | null; className?: string }) {
  if (!unread) return null;
  return (
    <span
      data-testid="unread-badge"
      className={`pointer-events-none absolute flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-primary px-1 text-[10px] font-semibold leading-none text-primary-foreground ring-2 ring-background ${className}`}
    >
      {unreadLabel(unread)}
    </span>
  );
}

const ariaLabel = (unread: number | null) => (unread ? `Notifications, ${unread} unread` : 'Notifications');

/** The bell in the top bar (desktop and tablets; phones have it in the tab bar). */
export function NotificationBell() {
  const unread = useUnreadNotifications();
  const active = usePathname() === '/notifications';
  return (
    <Link
      href="/notifications"
      aria-label={ariaLabel(unread)}
      aria-current={active ? 'page' : undefined}
      data-testid="nav-notifications"
      data-unread={unread ?? ''}
      className={`relative hidden size-10 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground md:inline-flex ${active ? 'bg-accent text-accent-foreground' : ''}`}
    >
      <Bell className="size-5" aria-hidden="true" />
      <UnreadBadge unread={unread} className="right-0.5 top-0.5" />
    </Link>
  );
}

/** The icon of the phone tab bar's notifications entry, with its badge. */
export function NotificationTabIcon({ active }: { active: boolean }) {
  const unread = useUnreadNotifications();
  return (
    <span className="relative" data-testid="tab-notifications" data-unread={unread ?? ''}>
      <Bell className="size-5" aria-hidden="true" strokeWidth={active ? 2.25 : 1.75} />
      <UnreadBadge unread={unread} className="-right-2.5 -top-1.5" />
    </span>
  );
}
