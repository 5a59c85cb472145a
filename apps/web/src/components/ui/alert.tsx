import { cva, type VariantProps } from 'class-variance-authority';
import { CircleAlert, CircleCheck, Info } from 'lucide-react';
import type { ComponentProps } from 'react';
import { cn } from '~/lib/cn';

const alertVariants = cva('flex gap-3 rounded-lg border px-4 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0', {
  variants: {
    variant: {
      info: 'bg-card text-card-foreground [&>svg]:text-primary',
      success: 'border-success/40 bg-success/10 text-foreground [&>svg]:text-success',
      destructive: 'border-destructive/40 bg-destructive/10 text-foreground [&>svg]:text-destructive',
    },
  },
  defaultVariants: { variant: 'info' },
});

const ICONS = { info: Info, success: CircleCheck, destructive: CircleAlert } as const;

/**
 * An inline message. Errors use role="alert" so screen readers announce them when they appear;
 * the rest are polite status messages.
 */
export function Alert({ className, variant, title, children, ...props }: ComponentProps<'div'> & VariantProps<typeof alertVariants> & { title?: string }) {
  const Icon = ICONS[variant ?? 'info'];
  return (
    <div role={variant === 'destructive' ? 'alert' : 'status'} className={cn(alertVariants({ variant }), className)} {...props}>
      <Icon aria-hidden="true" />
      <div className="grid gap-1">
        {title ? <p className="font-medium leading-snug">{title}</p> : null}
        {children ? <div className="text-muted-foreground [&_p]:leading-relaxed">{children}</div> : null}
      </div>
    </div>
  );
}
