import Link from 'next/link';
import type { Viewer } from '~/lib/server/viewer';
import { Button } from '~/components/ui/button';
import { Logo } from './logo';
import { MainNav } from './main-nav';
import { NotificationBell } from './notification-bell';
import { ThemeToggle } from './theme-toggle';
import { UserMenuLazy as UserMenu } from './user-menu-lazy';

export function SiteHeader({ viewer }: { viewer: Viewer | null }) {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
      <div className="mx-auto flex h-16 w-full max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Logo />
        <div className="flex-1 md:flex md:justify-center">
          <MainNav />
        </div>
        <div className="flex items-center gap-1">
          {viewer ? <NotificationBell /> : null}
          <ThemeToggle />
          {viewer ? (
            <UserMenu name={viewer.name} email={viewer.email} isStaff={viewer.role === 'staff'} />
          ) : (
            <>
              <Button asChild variant="ghost" size="sm" className="hidden h-9 px-3 sm:inline-flex">
                <Link href="/sign-in">Sign in</Link>
              </Button>
              <Button asChild size="sm" className="hidden h-9 px-4 sm:inline-flex">
                <Link href="/sign-up">Create account</Link>
              </Button>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
