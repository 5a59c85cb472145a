'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Bell, CircleUserRound } from 'lucide-react';
import { PRIMARY_NAV, isActivePath, type NavItem } from './nav-items';
import { NotificationTabIcon } from './notification-bell';

/** Fixed tab bar for phones: the four sections plus the account entry, within thumb reach. */
export function BottomNav({ signedIn }: { signedIn: boolean }) {
  const pathname = usePathname();
  const items: NavItem[] = [
    ...PRIMARY_NAV.filter((item) => item.href !== '/docs/api'),
    ...(signedIn ? [{ href: '/notifications', label: 'Inbox', icon: Bell }] : []),
    signedIn ? { href: '/account', label: 'Account', icon: CircleUserRound } : { href: '/sign-in', label: 'Sign in', icon: CircleUserRound },
  ];
  return (
    <nav
      aria-label="Main"
      data-testid="bottom-nav"
      className="fixed inset-x-0 bottom-0 z-40 border-t bg-background/95 pb-[env(safe-area-inset-bottom)] backdrop-blur supports-[backdrop-filter]:bg-background/80 md:hidden"
    >
      <ul className={`mx-auto grid max-w-lg ${items.length > 5 ? 'grid-cols-6' : 'grid-cols-5'}`}>
        {items.map((item) => {
          const active = isActivePath(pathname, item.href);
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={[
                  'flex h-16 flex-col items-center justify-center gap-1 font-medium text-muted-foreground transition-colors',
                  items.length > 5 ? 'text-[10px] tracking-tight' : 'text-[11px]',
                  active ? 'text-primary' : '',
                ].join(' ')}
              >
                {item.href === '/notifications' ? <NotificationTabIcon active={active} /> : <Icon className="size-5" aria-hidden="true" strokeWidth={active ? 2.25 : 1.75} />}
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
