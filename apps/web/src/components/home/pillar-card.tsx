import Link from 'next/link';
import { ArrowRight } from 'lucide-react';
import type { ReactNode } from 'react';

interface PillarCardProps {
  href: string;
  icon: ReactNode;
  title: string;
  linkLabel: string;
  children: ReactNode;
}

export function PillarCard({ href, icon, title, linkLabel, children }: PillarCardProps) {
  return (
    <article className="group relative flex flex-col gap-3 rounded-xl border bg-card p-6 shadow-xs transition-shadow hover:shadow-md">
      <div className="flex size-10 items-center justify-center rounded-lg bg-primary/10 text-primary [&_svg]:size-5">{icon}</div>
      <h3 className="text-lg font-semibold tracking-tight">{title}</h3>
      <p className="flex-1 text-sm leading-relaxed text-muted-foreground">{children}</p>
      {/* The link's box covers the card, so the whole card is one target with a clear name. */}
      <Link
        href={href}
        className="inline-flex items-center gap-1 text-sm font-medium text-primary after:absolute after:inset-0 after:rounded-xl"
      >
        {linkLabel}
        <ArrowRight className="size-4 transition-transform group-hover:translate-x-0.5" aria-hidden="true" />
      </Link>
    </article>
  );
}
