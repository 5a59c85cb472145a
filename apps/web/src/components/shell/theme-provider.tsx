'use client';

import { ThemeProvider as NextThemesProvider } from 'next-themes';
import type { ReactNode } from 'react';

/** `nonce`: this request's script nonce, for next-themes' inline no-flash script. */
export function ThemeProvider({ children, nonce }: { children: ReactNode; nonce: string | undefined }) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </NextThemesProvider>
  );
}
