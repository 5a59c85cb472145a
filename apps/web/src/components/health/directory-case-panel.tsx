// Server component: the community's entry in the CBPP directory on the health page (issue 9,
// "Link to the directory"), with the archive's data sets about it (an archived twin among them).
import Link from 'next/link';
import type { TCommunityCaseViewOutput } from '~/server/trpc/routers/twin.types';
import { DirectoryCaseLinkForm } from './directory-case-link-form';

const SIZE: Record<string, string> = { individual: '1 person', small: '2–10 people', medium: '11–100 people', large: '101–1000 people', very_large: 'over 1000 people' };

export function DirectoryCasePanel({ slug, linked, canLink }: { slug: string; linked: TCommunityCaseViewOutput | null; canLink: boolean }) {
  if (!linked && !canLink) return null;
  const c = linked?.case;
  const facts = c ? [c.yearFounded ? `founded ${c.yearFounded}` : null, c.sizeBand ? (SIZE[c.sizeBand] ?? c.sizeBand) : null, c.status, c.country].filter((f) => f !== null && f !== '') : [];
  return (
    <section aria-labelledby="health-directory" className="grid gap-2 rounded-lg border bg-card p-4" data-testid="directory-case">
      <h2 id="health-directory" className="text-lg font-semibold">
        In the directory
      </h2>
      {c ? (
        <>
          <p className="text-sm">
            <Link className="text-primary hover:underline" href={`/directory/cases/${c.id}`} data-testid="directory-case-link">
              {c.name}
            </Link>
            {facts.length > 0 ? ` — ${facts.join(', ')}` : null}
          </p>
          {linked.datasets.length > 0 ? (
            <ul className="list-disc pl-5 text-sm" data-testid="directory-case-datasets">
              {linked.datasets.map((d) => (
                <li key={`${d.datasetId}-${d.n}`}>
                  <Link className="text-primary hover:underline" href={`/archive/${d.datasetId}`}>
                    {d.title}
                  </Link>{' '}
                  <span className="text-xs text-muted-foreground">(version {d.n})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">No data sets about this case in the archive yet.</p>
          )}
        </>
      ) : (
        <p className="text-sm text-muted-foreground">This community is not linked to its case in the CBPP directory.</p>
      )}
      {canLink ? <DirectoryCaseLinkForm slug={slug} linkedCaseId={c?.id ?? null} /> : null}
    </section>
  );
}
