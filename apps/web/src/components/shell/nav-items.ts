import { BookOpen, FlaskConical, House, Library, Users, type LucideIcon } from 'lucide-react';

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

export const PRIMARY_NAV: readonly NavItem[] = [
  { href: '/', label: 'Home', icon: House },
  { href: '/communities', label: 'Communities', icon: Users },
  { href: '/directory', label: 'Directory', icon: Library },
  { href: '/simulations', label: 'Simulations', icon: FlaskConical },
  { href: '/docs/api', label: 'API', icon: BookOpen },
];

/** `/` is only active on itself; every other item also covers the pages below it. */
export function isActivePath(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
