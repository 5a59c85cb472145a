import { Badge } from '~/components/ui/badge';

type Status = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

const VARIANT: Record<Status, 'secondary' | 'outline' | 'success' | 'destructive' | 'warning'> = {
  queued: 'secondary',
  running: 'outline',
  completed: 'success',
  failed: 'destructive',
  cancelled: 'warning',
};

export function StatusBadge({ status, className }: { status: Status; className?: string }) {
  return (
    <Badge variant={VARIANT[status]} className={className}>
      {status === 'running' ? <span className="size-1.5 animate-pulse rounded-full bg-primary" aria-hidden="true" /> : null}
      {status}
    </Badge>
  );
}
