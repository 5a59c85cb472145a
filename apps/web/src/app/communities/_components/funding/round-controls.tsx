'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Button } from '~/components/ui/button';
import { Input } from '~/components/ui/input';

const DAY = 86_400_000;

/**
 * Opens a round now or schedules it: with an "Opens at" in the future the worker opens it then
 * (within a minute) and grants the budgets. `earliestOpening` is when the open round closes (the
 * next one can open after that). The time is the browser's local time.
 */
export function OpenRoundForm({ community, earliestOpening = null }: { community: string; earliestOpening?: Date | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState('');
  // Empty means now. Left empty at first: a default in local time would differ between server and browser.
  const [opensAtText, setOpensAtText] = useState('');
  const [days, setDays] = useState('14');
  const [budget, setBudget] = useState('100');
  const [budgetMode, setBudgetMode] = useState<'equal' | 'earned'>('equal');
  const [rate, setRate] = useState('1');
  const [earnedCap, setEarnedCap] = useState('200');
  // Empty: since the previous round opened.
  const [windowDays, setWindowDays] = useState('');
  const [cap, setCap] = useState('');
  const [minimumGoal, setMinimumGoal] = useState('1');
  const [allowStretch, setAllowStretch] = useState(false);
  const [mechanism, setMechanism] = useState<'direct' | 'quadratic'>('direct');
  const [pool, setPool] = useState('0');
  const [capRatio, setCapRatio] = useState('');
  const open = useMutation(trpc.funding.openRound.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = open.error ? errorDetails(open.error) : null;
  const opensAt = opensAtText ? new Date(opensAtText) : null;
  const scheduling = opensAt !== null && !Number.isNaN(opensAt.getTime());
  return (
    <form
      className="grid gap-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate({
          community,
          title,
          opensAt: scheduling ? opensAt : null,
          closesAt: new Date((scheduling ? opensAt : new Date()).getTime() + Number(days) * DAY),
          budgetPerMember: Number(budget),
          budgetMode,
          earned:
            budgetMode === 'earned'
              ? { base: Number(budget), rate: Number(rate), cap: Number(earnedCap), window: windowDays ? { kind: 'lastDays', days: Number(windowDays) } : { kind: 'sincePreviousRound' } }
              : null,
          memberCapPerNeed: cap ? Number(cap) : null,
          minimumGoal: Number(minimumGoal),
          allowStretch,
          mechanism,
          matchingPool: mechanism === 'quadratic' ? Number(pool) : 0,
          capRatio: mechanism === 'quadratic' && capRatio ? Number(capRatio) : null,
        });
      }}
    >
      <label className="grid gap-1">
        <span className="font-medium">Round name</span>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={120} />
      </label>
      <div className="grid grid-cols-2 gap-3">
        <label className="grid gap-1">
          <span className="font-medium">Opens at</span>
          <Input type="datetime-local" value={opensAtText} onChange={(e) => setOpensAtText(e.target.value)} required={earliestOpening !== null} aria-describedby="round-opens-hint" />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Runs for (days)</span>
          <Input type="number" inputMode="numeric" min={1} step={1} value={days} onChange={(e) => setDays(e.target.value)} required />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Budgets</span>
          <select className="h-9 rounded-md border bg-background px-2" value={budgetMode} onChange={(e) => setBudgetMode(e.target.value as 'equal' | 'earned')}>
            <option value="equal">The same for every member</option>
            <option value="earned">Earned from points</option>
          </select>
        </label>
        <label className="grid gap-1">
          <span className="font-medium">{budgetMode === 'earned' ? 'Base per member' : 'Budget per member'}</span>
          <Input type="number" inputMode="numeric" min={0} step={1} value={budget} onChange={(e) => setBudget(e.target.value)} required />
        </label>
        {budgetMode === 'earned' ? (
          <>
            <label className="grid gap-1">
              <span className="font-medium">Credits per point</span>
              <Input type="number" inputMode="decimal" min={0} step={0.01} value={rate} onChange={(e) => setRate(e.target.value)} required />
            </label>
            <label className="grid gap-1">
              <span className="font-medium">Most credits per member</span>
              <Input type="number" inputMode="numeric" min={0} step={1} value={earnedCap} onChange={(e) => setEarnedCap(e.target.value)} required />
            </label>
            <label className="grid gap-1">
              <span className="font-medium">Points from the last (days)</span>
              <Input type="number" inputMode="numeric" min={1} step={1} value={windowDays} onChange={(e) => setWindowDays(e.target.value)} placeholder="since the last round" />
            </label>
          </>
        ) : null}
        <label className="grid gap-1">
          <span className="font-medium">Cap per need</span>
          <Input type="number" inputMode="numeric" min={1} step={1} value={cap} onChange={(e) => setCap(e.target.value)} placeholder="none" />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Minimum goal</span>
          <Input type="number" inputMode="numeric" min={1} step={1} value={minimumGoal} onChange={(e) => setMinimumGoal(e.target.value)} />
        </label>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" className="size-4" checked={allowStretch} onChange={(e) => setAllowStretch(e.target.checked)} /> Pledges beyond the goal count toward stretch goals
      </label>
      <label className="grid gap-1">
        <span className="font-medium">Mechanism</span>
        <select className="h-9 rounded-md border bg-background px-2" value={mechanism} onChange={(e) => setMechanism(e.target.value as 'direct' | 'quadratic')}>
          <option value="direct">Direct: funded when pledges reach the goal</option>
          <option value="quadratic">Quadratic: a matching pool shared at close</option>
        </select>
      </label>
      {mechanism === 'quadratic' ? (
        <div className="grid grid-cols-2 gap-3">
          <label className="grid gap-1">
            <span className="font-medium">Matching pool</span>
            <Input type="number" inputMode="numeric" min={0} step={1} value={pool} onChange={(e) => setPool(e.target.value)} />
          </label>
          <label className="grid gap-1">
            <span className="font-medium">Cap ratio (0–1)</span>
            <Input type="number" inputMode="decimal" min={0.01} max={1} step={0.01} value={capRatio} onChange={(e) => setCapRatio(e.target.value)} placeholder="none" />
          </label>
        </div>
      ) : null}
      {budgetMode === 'earned' ? (
        <p className="text-muted-foreground" data-testid="earned-formula-hint">
          Each member gets min({earnedCap || '?'}, {budget || 0} + {rate || 0} × points they earned {windowDays ? `in the last ${windowDays} days` : 'since the previous round'}) credits, rounded down, counted when the round opens.
        </p>
      ) : null}
      <p id="round-opens-hint" className="text-muted-foreground">
        {scheduling
          ? 'It opens by itself then, and every member gets the budget at that moment (and a notification).'
          : earliestOpening
            ? `The current round closes ${earliestOpening.toISOString().slice(0, 16).replace('T', ' ')} UTC: the next one can open after that.`
            : 'Leave “Opens at” empty to open the round now.'}
      </p>
      <Button type="submit" disabled={open.isPending || title.trim().length < 3}>
        {scheduling ? 'Schedule round' : 'Open round'}
      </Button>
      {error ? (
        <p role="alert" className="text-destructive">
          {error.fieldErrors ? Object.entries(error.fieldErrors).map(([f, m]) => `${f}: ${(m ?? []).join(', ')}`).join(' · ') : error.message}
        </p>
      ) : null}
    </form>
  );
}

export function CloseRoundButton({ roundId }: { roundId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const close = useMutation(trpc.funding.closeRound.mutationOptions({ onSuccess: (round) => router.push(`/communities/${round.communitySlug}/funding/${round.id}`) }));
  return (
    <div className="grid gap-2 text-sm">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span>Close now and freeze the results?</span>
          <Button size="sm" variant="destructive" disabled={close.isPending} onClick={() => close.mutate({ roundId })}>
            Close round
          </Button>
          <Button size="sm" variant="outline" onClick={() => setConfirming(false)}>
            Keep open
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="outline" className="justify-self-start" onClick={() => setConfirming(true)}>
          Close round…
        </Button>
      )}
      {close.error ? <p role="alert" className="text-destructive">{errorDetails(close.error).message}</p> : null}
    </div>
  );
}

/** Calls off a round that has not opened yet. */
export function CancelScheduledRoundButton({ roundId }: { roundId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(trpc.funding.cancelScheduledRound.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="grid gap-2 text-sm">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span>Call off this round before it opens?</span>
          <Button size="sm" variant="destructive" disabled={cancel.isPending} onClick={() => cancel.mutate({ roundId })}>
            Cancel round
          </Button>
          <Button size="sm" variant="outline" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="outline" className="justify-self-start" onClick={() => setConfirming(true)}>
          Cancel scheduled round…
        </Button>
      )}
      {cancel.error ? <p role="alert" className="text-destructive">{errorDetails(cancel.error).message}</p> : null}
    </div>
  );
}

/** Admins add credits to one member's budget in the open round. */
export function GrantCreditsForm({ roundId, userId, name }: { roundId: string; userId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [credits, setCredits] = useState('10');
  const grant = useMutation(trpc.funding.grantCredits.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <form
      className="grid gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        grant.mutate({ roundId, userId, credits: Number(credits) });
      }}
    >
      <div className="flex flex-wrap gap-2">
        <Input aria-label={`Credits for ${name}`} type="number" inputMode="numeric" min={1} step={1} value={credits} onChange={(e) => setCredits(e.target.value)} className="w-28" />
        <Button type="submit" size="sm" variant="outline" disabled={grant.isPending}>
          Grant credits
        </Button>
      </div>
      {grant.data ? (
        <p role="status" className="text-success">
          {name} now has {grant.data.balance} credits to pledge.
        </p>
      ) : null}
      {grant.error ? <p role="alert" className="text-destructive">{errorDetails(grant.error).message}</p> : null}
    </form>
  );
}
