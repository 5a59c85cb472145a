import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Badge } from '~/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card';
import { dateTime, NEED_STATUS_BADGE, NEED_STATUS_LABELS } from '../../../_components/funding/funding-format';
import { BountyForm, ChecklistControls, CommentForm, EditNeedForm, NeedActions, PledgeControl, ThankForm } from '../../../_components/funding/need-controls';
import { ChatMessageBody } from '../../../_components/chat/chat-message-body';
import { ProgressBar } from '../../../_components/funding/progress-bar';
import { timeAgo } from '../../../_lib/format';
import { orNotFound, serverCaller } from '../../../_lib/server-caller';

export const metadata: Metadata = { title: 'Need' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; needId: string }> };

export default async function NeedPage({ params }: Props) {
  const { slug, needId } = await params;
  if (!z.uuid().safeParse(needId).success) notFound();
  const { viewer, api } = await serverCaller();
  const need = await orNotFound(api.need.get({ needId }));
  if (need.communitySlug !== slug) notFound();
  const p = need.permissions;
  const actions = (
    [
      ['open', p.canOpen],
      ['claim', p.canClaim],
      ['complete', p.canComplete],
      ['verify', p.canVerify],
      ['reopen', p.canVerify],
      ['unclaim', p.canUnclaim],
      ['cancel', p.canCancel],
    ] as const
  )
    .filter(([, allowed]) => allowed)
    .map(([action]) => action);
  const ceiling = need.round?.allowStretch && need.stretchGoal ? need.stretchGoal : need.goal;
  const thankable = viewer ? need.assignees.filter((a) => a.userId !== viewer.id) : [];
  const roundRules = need.round
    ? `${need.round.mechanism === 'quadratic' ? 'Quadratic round: the matching pool is shared when the round closes.' : 'Funded as soon as pledges reach the goal.'}${
        need.round.memberCapPerNeed ? ` At most ${need.round.memberCapPerNeed} credits per member.` : ''
      } Closes ${dateTime(need.round.closesAt)} UTC.`
    : '';

  return (
    <PageContainer>
      <PageHeader
        eyebrow={need.projectTitle}
        title={need.title}
        description={
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Badge variant={NEED_STATUS_BADGE[need.status]} data-testid="need-status">
              {NEED_STATUS_LABELS[need.status]}
            </Badge>
            {need.featured ? <Badge>Featured</Badge> : null}
            {need.almostThere ? <Badge variant="warning">Almost there</Badge> : null}
            <Link className="text-primary hover:underline" href={`/communities/${slug}/projects/${need.projectSlug}/needs`}>
              All needs of {need.projectTitle}
            </Link>
          </p>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem] lg:items-start">
        <div className="grid gap-6">
          <section aria-label="Funding" className="grid gap-2">
            <ProgressBar ratio={need.ratio} band={need.band} label={`${need.pledged} of ${need.goal} credits`} />
            <p className="text-sm">
              <strong data-testid="need-pledged">{need.pledged}</strong> of {need.goal} credits
              {need.stretchGoal ? ` (stretch goal ${need.stretchGoal})` : ''} · {need.supporters} supporters · {need.effortHours} hours of work
              {need.dueDate ? ` · due ${need.dueDate.toISOString().slice(0, 10)}` : ''}
            </p>
            {need.skills.length > 0 ? (
              <p className="flex flex-wrap gap-1">
                {need.skills.map((s) => (
                  <Badge key={s} variant="outline">
                    {s}
                  </Badge>
                ))}
              </p>
            ) : null}
          </section>
          {p.canEdit ? (
            <EditNeedForm
              needId={need.id}
              title={need.title}
              description={need.description}
              skills={need.skills}
              effortHours={need.effortHours}
              goal={need.goal}
              stretchGoal={need.stretchGoal}
              dueDate={need.dueDate}
              minGoal={need.pledged}
            />
          ) : null}
          {need.description ? (
            <section aria-label="Description" data-testid="need-description">
              <ChatMessageBody body={need.description} />
            </section>
          ) : null}
          {need.sourceQuote ? (
            <figure className="grid gap-1 border-l-4 pl-3 text-sm text-muted-foreground" data-testid="need-source">
              <blockquote className="whitespace-pre-wrap break-words">“{need.sourceQuote}”</blockquote>
              <figcaption>
                From {need.source === 'chat' ? 'a chat message' : 'a document'}
                {need.sourceLink ? (
                  <>
                    {' '}
                    in{' '}
                    <Link className="break-words text-primary hover:underline" href={need.sourceLink.href}>
                      {need.sourceLink.label}
                    </Link>
                  </>
                ) : null}
              </figcaption>
            </figure>
          ) : null}
          <section aria-label="Checklist" className="grid gap-2">
            <h2 className="text-lg font-semibold">Checklist</h2>
            <ChecklistControls needId={need.id} items={need.checklist} editable={p.canComment} />
          </section>
          <section aria-label="Comments" className="grid gap-3">
            <h2 className="text-lg font-semibold">Comments</h2>
            {need.comments.length === 0 ? <p className="text-sm text-muted-foreground">No comments yet.</p> : null}
            <ul className="grid gap-3">
              {need.comments.map((c) => (
                <li key={c.id} className="rounded-md border p-3 text-sm">
                  <p className="text-xs text-muted-foreground">
                    <span className="font-medium text-foreground">{c.authorName}</span> · {timeAgo(c.createdAt)}
                  </p>
                  <div className="mt-1">
                    <ChatMessageBody body={c.body} />
                  </div>
                </li>
              ))}
            </ul>
            {p.canComment ? <CommentForm needId={need.id} /> : null}
          </section>
        </div>
        <div className="grid gap-6">
          {need.round && viewer ? (
            <Card>
              <CardHeader>
                <CardTitle>Pledge in “{need.round.title}”</CardTitle>
              </CardHeader>
              <CardContent>
                <PledgeControl
                  roundId={need.round.id}
                  needId={need.id}
                  needTitle={need.title}
                  myPledge={need.round.myPledge}
                  myBalance={need.round.myBalance}
                  max={Math.max(0, ceiling - need.pledged + need.round.myPledge)}
                  hint={roundRules}
                />
                <p className="mt-2 text-xs text-muted-foreground">{roundRules}</p>
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Who’s on it</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              <p data-testid="assignees">{need.assignees.map((a) => a.name).join(', ') || 'Nobody yet.'}</p>
              <NeedActions needId={need.id} actions={actions} canFeature={p.canFeature} featured={need.featured} />
              {need.bounties.length > 0 ? (
                <p>
                  Bounties: {need.bounties.map((b) => `${b.points} pts from ${b.userName}${b.paid ? ' (paid)' : ''}`).join(', ')}
                </p>
              ) : null}
              {p.canAttachBounty ? <BountyForm needId={need.id} /> : null}
              {thankable.map((a) => (
                <ThankForm key={a.userId} community={slug} toUserId={a.userId} toName={a.name} needId={need.id} />
              ))}
            </CardContent>
          </Card>
          <section aria-label="History" className="grid gap-2 text-sm">
            <h2 className="text-lg font-semibold">History</h2>
            <ol className="grid gap-1" data-testid="transitions">
              {need.transitions.map((t, i) => (
                <li key={i}>
                  <span className="font-medium">{t.actorName}</span> {t.from ? `${NEED_STATUS_LABELS[t.from]} → ` : 'proposed it: '}
                  {t.from ? NEED_STATUS_LABELS[t.to] : ''}
                  {t.note ? <span className="text-muted-foreground"> ({t.note})</span> : null}
                  <span className="text-xs text-muted-foreground"> · {dateTime(t.at)}</span>
                </li>
              ))}
            </ol>
            <p className="text-xs text-muted-foreground">
              Proposed by {need.createdByName} {timeAgo(need.createdAt)}.
            </p>
          </section>
        </div>
      </div>
    </PageContainer>
  );
}
