import type { Metadata } from 'next';
import Link from 'next/link';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card';
import { CONTRIBUTION_LABELS, dateTime } from '../../../_components/funding/funding-format';
import { ThankForm } from '../../../_components/funding/need-controls';
import { GrantCreditsForm } from '../../../_components/funding/round-controls';
import { timeAgo } from '../../../_lib/format';
import { orNotFound, serverCaller } from '../../../_lib/server-caller';

export const metadata: Metadata = { title: 'Member' };
export const dynamic = 'force-dynamic';

export default async function MemberProfilePage({ params }: { params: Promise<{ slug: string; userId: string }> }) {
  const { slug, userId } = await params;
  const { viewer, api } = await serverCaller();
  const community = await orNotFound(api.community.get({ slug }));
  const profile = await orNotFound(api.funding.profile({ userId: decodeURIComponent(userId) }));
  const canThank = viewer !== null && viewer.id !== profile.userId && community.membership?.status === 'active';
  // Admins (who may close the open round) may also add to a member's budget in it.
  const round = viewer && community.membership?.status === 'active' ? (await api.funding.rounds({ community: slug })).current : null;
  const grantIn = round?.canClose && round.accepting ? round : null;
  const r = profile.reputation;
  return (
    <PageContainer>
      <PageHeader
        eyebrow={community.name}
        title={profile.name}
        description={
          <Link className="text-sm text-primary hover:underline" href={`/communities/${slug}/members`}>
            All members
          </Link>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem] lg:items-start">
        <div className="grid gap-8">
          <section aria-label="Recognition" className="grid grid-cols-3 gap-3 text-center">
            <div className="rounded-lg border p-3">
              <p className="text-2xl font-semibold" data-testid="points">
                {profile.points}
              </p>
              <p className="text-xs text-muted-foreground">points</p>
            </div>
            <div className="rounded-lg border p-3">
              <p className="text-2xl font-semibold" data-testid="reputation">
                {r.score}
              </p>
              <p className="text-xs text-muted-foreground">reputation</p>
            </div>
            <div className="rounded-lg border p-3">
              <p className="text-2xl font-semibold" data-testid="thanks-count">
                {profile.thanksReceived.length}
              </p>
              <p className="text-xs text-muted-foreground">thanks</p>
            </div>
          </section>
          <section aria-label="Thanks received" className="grid gap-2">
            <h2 className="text-lg font-semibold">Thanks</h2>
            {profile.thanksReceived.length === 0 ? <p className="text-sm text-muted-foreground">No thanks yet.</p> : null}
            <ul className="grid gap-2 text-sm" data-testid="thanks">
              {profile.thanksReceived.map((t) => (
                <li key={t.id} className="rounded-md border p-3">
                  <p className="whitespace-pre-wrap break-words">“{t.note}”</p>
                  <p className="mt-1 text-xs text-muted-foreground">
                    from {t.fromName}
                    {t.needTitle ? ` for ${t.needTitle}` : ''} · {timeAgo(t.createdAt)}
                  </p>
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="Contributions" className="grid gap-2">
            <h2 className="text-lg font-semibold">Contributions</h2>
            {profile.contributions.length === 0 ? <p className="text-sm text-muted-foreground">Nothing recorded yet.</p> : null}
            <ol className="grid gap-1 text-sm" data-testid="contributions">
              {profile.contributions.map((c, i) => (
                <li key={i} className="flex flex-wrap justify-between gap-x-3 border-b py-1">
                  <span>
                    {CONTRIBUTION_LABELS[c.kind] ?? c.kind}
                    {c.needTitle ? (
                      <>
                        {' '}
                        <Link className="font-medium hover:underline" href={`/communities/${c.communitySlug}/needs/${c.needId}`}>
                          {c.needTitle}
                        </Link>
                      </>
                    ) : null}
                    {c.communitySlug !== slug ? <span className="text-muted-foreground"> in {c.communitySlug}</span> : null}
                  </span>
                  <span className="text-xs text-muted-foreground">{dateTime(c.at)}</span>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div className="grid gap-6">
          {canThank ? (
            <Card>
              <CardHeader>
                <CardTitle>Say thanks</CardTitle>
              </CardHeader>
              <CardContent>
                <ThankForm community={slug} toUserId={profile.userId} toName={profile.name} />
              </CardContent>
            </Card>
          ) : null}
          {grantIn ? (
            <Card>
              <CardHeader>
                <CardTitle>Credits in “{grantIn.title}”</CardTitle>
              </CardHeader>
              <CardContent>
                <GrantCreditsForm roundId={grantIn.id} userId={profile.userId} name={profile.name} />
              </CardContent>
            </Card>
          ) : null}
          <section aria-label="How reputation is computed" className="grid gap-1 text-sm text-muted-foreground">
            <h2 className="text-base font-semibold text-foreground">How reputation is computed</h2>
            <p>
              Each earned point counts 1, each thanks received 5 and each verified need worked on 20; every fact halves in weight every 90 days. Points spent on bounties do not lower it.
            </p>
            <p>
              Now: {r.fromPoints} from points + {r.fromThanks} from thanks + {r.fromVerified} from verified work = {r.score}. {profile.pointsEarned} points earned in all; {profile.thanksGiven} thanks given.
            </p>
          </section>
        </div>
      </div>
    </PageContainer>
  );
}
