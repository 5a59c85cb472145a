import type { HttpMethod } from './openapi-types';
import { cn } from '~/lib/cn';

const METHOD_STYLES: Record<HttpMethod, string> = {
  get: 'bg-primary/12 text-primary',
  post: 'bg-success/12 text-success',
  put: 'bg-warning/15 text-warning',
  patch: 'bg-warning/15 text-warning',
  delete: 'bg-destructive/12 text-destructive',
};

export function MethodBadge({ method }: { method: HttpMethod }) {
  return (
    <span className={cn('inline-flex w-16 justify-center rounded-md px-2 py-1 font-mono text-xs font-semibold uppercase', METHOD_STYLES[method])}>
      {method}
    </span>
  );
}
