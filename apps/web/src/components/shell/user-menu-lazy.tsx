'use client';

import dynamic from 'next/dynamic';

/**
 * The account menu with its Radix dropdown (focus management, positioning) loads in its own chunk,
 * so signed-out visitors never download it.
 */
export const UserMenuLazy = dynamic(() => import('./user-menu').then((m) => m.UserMenu), {
  loading: () => <span className="inline-block size-10" aria-hidden="true" />,
});
