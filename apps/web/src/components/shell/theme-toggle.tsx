'use client';

import { useTheme } from 'next-themes';
import { Moon, Sun } from 'lucide-react';
import { buttonVariants } from '~/components/ui/button-variants';

/**
 * Flips between light and dark. Until someone clicks it the site follows the system setting
 * (next-themes' "system" default). Both icons are rendered and swapped with CSS, so the server
 * render matches whatever theme the inline script picked.
 */
export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  return (
    <button
      type="button"
      className={buttonVariants({ variant: 'ghost', size: 'icon' })}
      data-testid="theme-toggle"
      onClick={() => setTheme(resolvedTheme === 'dark' ? 'light' : 'dark')}
    >
      <Sun className="hidden dark:block" aria-hidden="true" />
      <Moon className="block dark:hidden" aria-hidden="true" />
      <span className="sr-only">Toggle dark mode</span>
    </button>
  );
}
