import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Badge } from '~/components/ui/badge';
import { budgetRule, dateTime } from '../../../_components/funding/funding-format';
import { orNotFound, serverCaller } from '../../../_lib/server-caller';

export const metadata: Metadata = { title: 'Funding round' };
export const dynamic = 'force-dynamic';

export default async function RoundPage({ params }: { params: Promise<{ slug: string; roundId: string }> }) {
  const { slug, roundId } = await params;
  if (!z.uuid().safeParse(roundId).success) notFound();
  const { api } = await serverCaller();
  const round = await orNotFound(api.funding.round({ roundId }));
  if (round.communitySlug !== slug) notFound();
  const ledger = await api.funding.ledger({ roundId });
  const results = round.results;
  return (
    <PageContainer>
      <PageHeader
        eyebrow={round.status === 'open' ? 'Open funding round' : round.status === 'scheduled' ? 'Scheduled funding round' : 'Closed funding round'}
        title={round.title}
        description={
          <Link className="text-sm text-primary hover:underline" href={`/communities/${slug}/funding`}>
            Back to funding
          </Link>
        }
      />
      <div className="grid gap-8">
        {round.earned && round.status !== 'scheduled' ? (
          <p className="text-sm text-muted-foreground" data-testid="round-budget-rule">
            {budgetRule(round)}.{round.me?.budgetWhy ? ` Your budget: ${round.me.budgetWhy}.` : ''}
          </p>
        ) : null}
        {results ? (
          <section aria-label="Results" className="grid gap-3">
            <h2 className="text-lg font-semibold">Results</h2>
            <p className="text-sm text-muted-foreground">
              Closed {round.closedAt ? dateTime(round.closedAt) : ''} UTC · {results.totals.pledged} credits pledged by {results.totals.pledgers} members
              {results.mechanism === 'quadratic' ? ` · ${results.totals.matched} matched from a pool of ${results.matchingPool}${results.totals.unallocated ? ` (${results.totals.unallocated} left in the pool)` : ''}` : ''} ·{' '}
              {results.totals.funded} funded, {results.totals.unfunded} not funded.
            </p>
            <ol className="grid gap-2" data-testid="results">
              {results.needs.map((n) => (
                <li key={n.needId} className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="text-muted-foreground">{n.rank}.</span>
                    <Link className="font-medium hover:underline" href={`/communities/${slug}/needs/${n.needId}`}>
                      {n.title}
                    </Link>
                    <Badge variant={n.funded ? 'success' : 'outline'}>{n.funded ? 'Funded' : 'Not funded'}</Badge>
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {n.pledged} pledged{results.mechanism === 'quadratic' ? ` + ${n.matched} matched` : ''} = {n.total} / {n.goal} · {n.supporters} supporters
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ) : (
          <section aria-label="So far" className="grid gap-1 text-sm">
            <p data-testid="round-totals">
              {round.status === 'scheduled'
                ? `Opens by itself ${dateTime(round.opensAt)} UTC; ${round.earned ? `each member’s budget is then computed: ${round.earned.formula}` : `every member then gets ${round.budgetPerMember} credits`}.`
                : `So far ${round.totals.pledged} credits pledged by ${round.totals.pledgers} ${round.totals.pledgers === 1 ? 'member' : 'members'} to ${round.totals.needsPledged} ${round.totals.needsPledged === 1 ? 'need' : 'needs'}.`}{' '}
              Closes {dateTime(round.closesAt)} UTC.
            </p>
            <p className="text-muted-foreground">Results are frozen and shown here when the round closes.</p>
          </section>
        )}
        <section aria-label="Ledger" className="grid gap-2">
          <h2 className="text-lg font-semibold">Ledger</h2>
          <p className="text-sm text-muted-foreground">Every pledge, change and withdrawal in this round, in order.</p>
          {ledger.length === 0 ? <p className="text-sm text-muted-foreground">No pledges.</p> : null}
          <ol className="grid gap-1 text-sm" data-testid="ledger">
            {ledger.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-x-3 border-b py-1">
                <span>
                  <span className="font-medium">{e.userName}</span> {e.delta > 0 ? `+${e.delta}` : e.delta} to {e.needTitle}
                  <span className="text-muted-foreground"> (now {e.amountAfter})</span>
                </span>
                <span className="text-xs text-muted-foreground">{dateTime(e.at)}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </PageContainer>
  );
}
