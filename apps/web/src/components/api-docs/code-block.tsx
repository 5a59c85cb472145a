import { cn } from '~/lib/cn';

export function CodeBlock({ code, label, className }: { code: string; label: string; className?: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className={cn('overflow-x-auto rounded-lg border bg-muted/60 p-4 font-mono text-[13px] leading-relaxed text-foreground', className)}
    >
      <code>{code}</code>
    </pre>
  );
}
