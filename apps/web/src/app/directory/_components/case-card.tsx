import Link from 'next/link';
import { Badge } from '~/components/ui/badge';

interface CaseSummary {
  id: number;
  name: string;
  description: string | null;
  activityType: string | null;
  scope: string | null;
  licence: string | null;
  yearFounded: number | null;
}

export function CaseCard({ item }: { item: CaseSummary }) {
  return (
    <article className="relative rounded-lg border bg-card p-4 transition-colors hover:bg-muted/50" data-testid="case-card">
      <h3 className="font-semibold leading-snug">
        <Link href={`/directory/cases/${item.id}`} className="after:absolute after:inset-0 focus-visible:outline-none">
          {item.name}
        </Link>
      </h3>
      {item.description ? <p className="mt-1 line-clamp-3 text-sm text-muted-foreground">{item.description}</p> : null}
      <p className="mt-3 flex flex-wrap gap-1.5">
        {item.activityType ? <Badge variant="secondary">{item.activityType}</Badge> : null}
        {item.scope ? <Badge variant="outline">{item.scope}</Badge> : null}
        {item.licence ? <Badge variant="outline">{item.licence}</Badge> : null}
        {item.yearFounded ? <Badge variant="outline">since {item.yearFounded}</Badge> : null}
      </p>
    </article>
  );
}
