import { cn } from '~/lib/cn';

const BAND_CLASS = { low: 'bg-red-500', middle: 'bg-amber-500', high: 'bg-emerald-600' } as const;

/** Teem's progress bar: red below a third, amber up to two thirds, green above. */
export function ProgressBar({ ratio, band, label, className }: { ratio: number; band: 'low' | 'middle' | 'high'; label: string; className?: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, ratio)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-band={band}
      className={cn('h-2.5 w-full overflow-hidden rounded-full bg-muted', className)}
    >
      <div className={cn('h-full rounded-full transition-[width]', BAND_CLASS[band])} style={{ width: `${percent}%` }} />
    </div>
  );
}
