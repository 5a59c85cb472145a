import type { Metadata } from 'next';
import Link from 'next/link';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card';
import { budgetRule, dateTime } from '../../_components/funding/funding-format';
import { NeedCard } from '../../_components/funding/need-card';
import { CancelScheduledRoundButton, CloseRoundButton, OpenRoundForm } from '../../_components/funding/round-controls';
import { orNotFound, serverCaller } from '../../_lib/server-caller';

export const metadata: Metadata = { title: 'Funding' };
export const dynamic = 'force-dynamic';

export default async function FundingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { api } = await serverCaller();
  const community = await orNotFound(api.community.get({ slug }));
  const { current, upcoming, past, canOpen } = await api.funding.rounds({ community: slug });
  const mine = new Map((current?.me?.pledges ?? []).map((p) => [p.needId, p.amount]));
  return (
    <PageContainer>
      <PageHeader
        eyebrow={community.name}
        title="Funding"
        description={
          <>
            <p>Members get credits each round and pledge them to the needs they want done first.</p>
            <Link className="text-sm text-primary hover:underline" href={`/communities/${slug}`}>
              Back to the community
            </Link>
          </>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem] lg:items-start">
        <section aria-label="Current round" className="grid gap-3">
          {current ? (
            <>
              <h2 className="text-lg font-semibold">{current.title}</h2>
              <p className="text-sm text-muted-foreground">
                {current.mechanism === 'quadratic' ? `Quadratic funding, matching pool ${current.matchingPool} credits${current.capRatio ? `, at most ${Math.round(current.capRatio * 100)} % to one need` : ''}. ` : 'Direct funding: a need is funded when pledges reach its goal. '}
                {budgetRule(current)}{current.memberCapPerNeed ? `, at most ${current.memberCapPerNeed} per need` : ''}
                {current.allowStretch ? ', stretch goals allowed' : ''}. {current.accepting ? `Closes ${dateTime(current.closesAt)} UTC.` : 'Its window has ended; an admin closes it.'}
              </p>
              {current.me ? (
                <p className="text-sm" data-testid="round-balance">
                  Your balance: <strong>{current.me.balance}</strong> of {current.me.granted} credits.
                  {current.me.budgetWhy ? <span data-testid="round-budget-why"> Your budget: {current.me.budgetWhy}.</span> : null}
                </p>
              ) : null}
              <p className="text-sm text-muted-foreground" data-testid="round-totals">
                {current.totals.pledged} credits pledged by {current.totals.pledgers} {current.totals.pledgers === 1 ? 'member' : 'members'} to {current.totals.needsPledged}{' '}
                {current.totals.needsPledged === 1 ? 'need' : 'needs'}
                {current.mechanism === 'direct' ? `; ${current.totals.funded} funded` : ''}.
              </p>
              {current.needs.length === 0 ? <p className="text-sm text-muted-foreground">No needs are open for funding yet. Admins open proposed needs from their page.</p> : null}
              <ol className="grid gap-3">
                {current.needs.map((n) => (
                  <li key={n.id}>
                    <NeedCard
                      need={{ ...n, bountyTotal: 0, effortHours: 0, skills: [], assignees: [] }}
                      href={`/communities/${slug}/needs/${n.id}`}
                      subtitle={`${n.projectTitle}${mine.get(n.id) ? ` · your pledge ${mine.get(n.id)}` : ''}`}
                    />
                  </li>
                ))}
              </ol>
              <Link className="text-sm text-primary hover:underline" href={`/communities/${slug}/funding/${current.id}`}>
                Ledger of this round
              </Link>
            </>
          ) : (
            <p className="text-muted-foreground">No funding round is open.</p>
          )}
          {upcoming ? (
            <section aria-label="Next round" className="grid gap-1 rounded-lg border p-3 text-sm" data-testid="upcoming-round">
              <h2 className="font-semibold">Next: {upcoming.title}</h2>
              <p className="text-muted-foreground">
                Opens by itself {dateTime(upcoming.opensAt)} UTC and closes {dateTime(upcoming.closesAt)} UTC. {upcoming.earned ? `Each member’s budget is then computed (${upcoming.earned.formula})` : `Every member then gets ${upcoming.budgetPerMember} credits`}
                {upcoming.mechanism === 'quadratic' ? `; quadratic funding with a matching pool of ${upcoming.matchingPool} credits` : ''}.
              </p>
            </section>
          ) : null}
        </section>
        <div className="grid gap-6">
          {current?.canClose ? (
            <Card>
              <CardHeader>
                <CardTitle>Close the round</CardTitle>
              </CardHeader>
              <CardContent>
                <CloseRoundButton roundId={current.id} />
              </CardContent>
            </Card>
          ) : null}
          {upcoming?.canCancel ? (
            <Card>
              <CardHeader>
                <CardTitle>Next round</CardTitle>
              </CardHeader>
              <CardContent>
                <CancelScheduledRoundButton roundId={upcoming.id} />
              </CardContent>
            </Card>
          ) : null}
          {canOpen ? (
            <Card>
              <CardHeader>
                <CardTitle>{current ? 'Schedule the next round' : 'Open a round'}</CardTitle>
              </CardHeader>
              <CardContent>
                <OpenRoundForm community={slug} earliestOpening={current ? current.closesAt : null} />
              </CardContent>
            </Card>
          ) : null}
          <section aria-label="Past rounds" className="grid gap-2 text-sm">
            <h2 className="text-lg font-semibold">Past rounds</h2>
            {past.length === 0 ? <p className="text-muted-foreground">None yet.</p> : null}
            <ul className="grid gap-1">
              {past.map((r) => (
                <li key={r.id}>
                  <Link className="text-primary hover:underline" href={`/communities/${slug}/funding/${r.id}`}>
                    {r.title}
                  </Link>{' '}
                  <span className="text-muted-foreground">
                    · {r.mechanism} · closed {r.closedAt ? dateTime(r.closedAt) : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </PageContainer>
  );
}
