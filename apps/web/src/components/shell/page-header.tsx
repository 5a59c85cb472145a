import type { ReactNode } from 'react';
import { cn } from '~/lib/cn';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  eyebrow?: string;
  actions?: ReactNode;
  className?: string;
}

/** The one h1 of a page, with an optional lead paragraph and actions. */
export function PageHeader({ title, description, eyebrow, actions, className }: PageHeaderProps) {
  return (
    <div className={cn('flex flex-col gap-4 pb-8 sm:flex-row sm:items-end sm:justify-between', className)}>
      <div className="grid max-w-3xl gap-2">
        {eyebrow ? <p className="text-sm font-medium text-primary">{eyebrow}</p> : null}
        <h1 className="text-3xl font-semibold tracking-tight text-balance sm:text-4xl">{title}</h1>
        {description ? <div className="text-base text-muted-foreground text-pretty sm:text-lg">{description}</div> : null}
      </div>
      {/* Actions wrap on a phone instead of overflowing the screen. */}
      {actions ? <div className="flex flex-wrap gap-2 sm:shrink-0">{actions}</div> : null}
    </div>
  );
}

/** Page width and gutters shared by every page. */
export function PageContainer({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn('mx-auto w-full max-w-6xl px-4 py-10 sm:px-6 sm:py-14', className)}>{children}</div>;
}
