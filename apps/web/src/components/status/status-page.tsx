import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonVariants } from '~/components/ui/button-variants';

interface StatusPageProps {
  code: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}

/** The shared body of the 404, 403, 401 and error pages (no tailwind-merge: error.tsx ships it to every page). */
export function StatusPage({ code, title, children, actions }: StatusPageProps) {
  return (
    <div className="mx-auto grid w-full max-w-xl gap-4 px-4 py-20 text-center sm:py-28">
      <p className="font-mono text-sm font-medium text-primary">{code}</p>
      <h1 className="text-3xl font-semibold tracking-tight text-balance">{title}</h1>
      <div className="text-muted-foreground text-pretty">{children}</div>
      <div className="mt-2 flex flex-wrap justify-center gap-3">
        {actions ?? (
          <Link className={buttonVariants()} href="/">
            Go to the home page
          </Link>
        )}
      </div>
    </div>
  );
}
