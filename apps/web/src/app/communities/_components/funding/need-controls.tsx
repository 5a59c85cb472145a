'use client';

import { useId, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/lib/trpc/react';
import { errorDetails } from '~/lib/trpc/errors';
import { Button } from '~/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '~/components/ui/dialog';
import { Input } from '~/components/ui/input';

function ErrorLine({ error }: { error: unknown }) {
  if (!error) return null;
  const details = errorDetails(error);
  const fields = details.fieldErrors ? Object.entries(details.fieldErrors).flatMap(([field, messages]) => (messages ?? []).map((m) => `${field}: ${m}`)) : [];
  return (
    <p role="alert" className="text-sm text-destructive">
      {fields.length > 0 ? fields.join(' · ') : details.message}
    </p>
  );
}

const textareaClass = 'min-h-20 rounded-md border bg-background px-3 py-2 text-sm';

/** Details are shown with the chat's sanitised markdown subset. */
function FormatHint({ id }: { id: string }) {
  return (
    <span id={id} className="text-xs text-muted-foreground">
      Formatting: **bold**, *italic*, `code`, lists (- or 1.), [links](https://…).
    </span>
  );
}

export type NeedSourceInput = { kind: 'document'; documentId: string; quote: string } | { kind: 'chat'; messageId: string; quote: string };

/** A title suggested by a quote: its first non-empty line, whitespace collapsed, at most 140 characters. */
function titleFromQuote(quote: string): string {
  const line = quote.split('\n').find((l) => l.trim().length > 0) ?? '';
  const flat = line.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
}

/**
 * Proposes a need; `source` when it is made from a document selection or a chat message (the title
 * is prefilled from its quote, which is stored with the need), `sourceHref` to link back to it.
 */
export function CreateNeedForm({ projectId, communitySlug, source, sourceHref }: { projectId: string; communitySlug: string; source?: NeedSourceInput; sourceHref?: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState(source ? titleFromQuote(source.quote) : '');
  const [description, setDescription] = useState('');
  const [skills, setSkills] = useState('');
  const [effortHours, setEffortHours] = useState('2');
  const [goal, setGoal] = useState('10');
  const [stretchGoal, setStretchGoal] = useState('');
  const [dueDate, setDueDate] = useState('');
  const hintId = useId();
  const create = useMutation(trpc.need.create.mutationOptions({ onSuccess: (need) => router.push(`/communities/${communitySlug}/needs/${need.id}`) }));
  return (
    <form
      className="grid gap-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({
          projectId,
          title,
          description,
          skills: skills.split(',').map((s) => s.trim()).filter(Boolean),
          effortHours: Number(effortHours),
          goal: Number(goal),
          stretchGoal: stretchGoal ? Number(stretchGoal) : null,
          dueDate: dueDate ? new Date(`${dueDate}T00:00:00Z`) : null,
          ...(source ? { source } : {}),
        });
      }}
    >
      {source ? (
        <figure className="grid gap-1 border-l-4 pl-3 text-muted-foreground" data-testid="need-form-source">
          <blockquote className="max-h-40 overflow-y-auto whitespace-pre-wrap break-words">“{source.quote}”</blockquote>
          <figcaption>
            From{' '}
            {sourceHref ? (
              <a className="text-primary hover:underline" href={sourceHref}>
                {source.kind === 'chat' ? 'a chat message' : 'the document'}
              </a>
            ) : source.kind === 'chat' ? (
              'a chat message'
            ) : (
              'a document'
            )}
            ; the quote is kept with the need.
          </figcaption>
        </figure>
      ) : null}
      <label className="grid gap-1">
        <span className="font-medium">What is needed</span>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={140} />
      </label>
      <label className="grid gap-1">
        <span className="font-medium">Details</span>
        <textarea className={textareaClass} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={20000} aria-describedby={hintId} />
        <FormatHint id={hintId} />
      </label>
      <label className="grid gap-1">
        <span className="font-medium">Skills (comma separated)</span>
        <Input value={skills} onChange={(e) => setSkills(e.target.value)} placeholder="design, catalan" />
      </label>
      <div className="grid grid-cols-2 gap-3">
        <label className="grid gap-1">
          <span className="font-medium">Effort (hours)</span>
          <Input type="number" inputMode="numeric" min={1} step={1} value={effortHours} onChange={(e) => setEffortHours(e.target.value)} required />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Goal (credits)</span>
          <Input type="number" inputMode="numeric" min={1} step={1} value={goal} onChange={(e) => setGoal(e.target.value)} required />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Stretch goal</span>
          <Input type="number" inputMode="numeric" min={2} step={1} value={stretchGoal} onChange={(e) => setStretchGoal(e.target.value)} placeholder="optional" />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Due</span>
          <Input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </label>
      </div>
      <Button type="submit" disabled={create.isPending || title.trim().length < 3}>
        Propose need
      </Button>
      <ErrorLine error={create.error} />
    </form>
  );
}

type Action = 'open' | 'claim' | 'unclaim' | 'complete' | 'verify' | 'reopen' | 'cancel';

const ACTION_LABELS: Record<Action, string> = {
  open: 'Open for funding',
  claim: 'Take this on',
  unclaim: 'Leave this need',
  complete: 'Mark done',
  verify: 'Verify the work',
  reopen: 'Send back',
  cancel: 'Cancel need',
};

export function NeedActions(props: { needId: string; actions: Action[]; canFeature: boolean; featured: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const act = useMutation(trpc.need.act.mutationOptions({ onSuccess }));
  const feature = useMutation(trpc.need.setFeatured.mutationOptions({ onSuccess }));
  const [note, setNote] = useState('');
  if (props.actions.length === 0 && !props.canFeature) return null;
  return (
    <div className="grid gap-2">
      {props.actions.some((a) => a === 'verify' || a === 'reopen') ? (
        <Input aria-label="Note for the record" placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      ) : null}
      <div className="flex flex-wrap gap-2">
        {props.actions.map((action) => (
          <Button
            key={action}
            size="sm"
            variant={action === 'cancel' || action === 'unclaim' || action === 'reopen' ? 'outline' : 'default'}
            disabled={act.isPending}
            onClick={() => act.mutate({ needId: props.needId, action, note: note || null })}
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
        {props.canFeature ? (
          <Button size="sm" variant="outline" disabled={feature.isPending} onClick={() => feature.mutate({ needId: props.needId, featured: !props.featured })}>
            {props.featured ? 'Unfeature' : 'Feature'}
          </Button>
        ) : null}
      </div>
      <ErrorLine error={act.error ?? feature.error} />
    </div>
  );
}

/**
 * The viewer's balance and pledge, and the pledge dialog. Radix traps focus inside the dialog,
 * closes it on Escape and gives focus back to the button that opened it (also after a pledge
 * went through); a refused pledge keeps it open with the reason.
 */
export function PledgeControl(props: { roundId: string; needId: string; needTitle: string; myPledge: number; myBalance: number; max: number; hint?: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState(String(props.myPledge || Math.min(1, props.max)));
  const onSuccess = () => (setOpen(false), router.refresh());
  const pledge = useMutation(trpc.funding.pledge.mutationOptions({ onSuccess }));
  const withdraw = useMutation(trpc.funding.withdraw.mutationOptions({ onSuccess }));
  const pledged = props.myPledge > 0;
  return (
    <div className="grid gap-2 text-sm">
      <p>
        Your balance: <strong data-testid="my-balance">{props.myBalance}</strong> credits · your pledge: <strong data-testid="my-pledge">{props.myPledge}</strong>
      </p>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (next) {
            setAmount(String(props.myPledge || Math.min(1, props.max)));
            pledge.reset();
            withdraw.reset();
          }
          setOpen(next);
        }}
      >
        <DialogTrigger asChild>
          <Button className="justify-self-start">{pledged ? 'Change pledge…' : 'Pledge…'}</Button>
        </DialogTrigger>
        <DialogContent>
          <form
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              pledge.mutate({ roundId: props.roundId, needId: props.needId, amount: Number(amount) });
            }}
          >
            <DialogHeader>
              <DialogTitle>Pledge to “{props.needTitle}”</DialogTitle>
              <DialogDescription>
                You have {props.myBalance} credits left{pledged ? ` and ${props.myPledge} pledged here` : ''}; this need takes up to {props.max} from you. You can change or
                withdraw your pledge until the round closes.
              </DialogDescription>
            </DialogHeader>
            <label className="grid gap-1 text-sm">
              <span className="font-medium">Pledge (credits)</span>
              <Input type="number" inputMode="numeric" min={1} step={1} value={amount} onChange={(e) => setAmount(e.target.value)} className="w-32" />
            </label>
            {props.hint ? <p className="text-xs text-muted-foreground">{props.hint}</p> : null}
            <ErrorLine error={pledge.error ?? withdraw.error} />
            <DialogFooter>
              {pledged ? (
                <Button type="button" variant="outline" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ roundId: props.roundId, needId: props.needId })}>
                  Withdraw
                </Button>
              ) : null}
              <Button type="submit" disabled={pledge.isPending}>
                {pledged ? 'Change pledge' : 'Pledge'}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}

export function CommentForm({ needId }: { needId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [body, setBody] = useState('');
  const comment = useMutation(trpc.need.comment.mutationOptions({ onSuccess: () => (setBody(''), router.refresh()) }));
  return (
    <form
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        comment.mutate({ needId, body });
      }}
    >
      <textarea aria-label="Comment" className={textareaClass} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
      <Button type="submit" size="sm" className="justify-self-start" disabled={!body.trim() || comment.isPending}>
        Comment
      </Button>
      <ErrorLine error={comment.error} />
    </form>
  );
}

export function ChecklistControls({ needId, items, editable }: { needId: string; items: { id: string; text: string; done: boolean; doneByName: string | null }[]; editable: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState('');
  const add = useMutation(trpc.need.addChecklistItem.mutationOptions({ onSuccess: () => (setText(''), router.refresh()) }));
  const toggle = useMutation(trpc.need.setChecklistItemDone.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="grid gap-2 text-sm">
      {items.length === 0 ? <p className="text-muted-foreground">No checklist yet.</p> : null}
      <ul className="grid gap-1">
        {items.map((item) => (
          <li key={item.id}>
            <label className="flex items-start gap-2">
              <input type="checkbox" className="mt-1 size-4" checked={item.done} disabled={!editable || toggle.isPending} onChange={(e) => toggle.mutate({ itemId: item.id, done: e.target.checked })} />
              <span className={item.done ? 'line-through text-muted-foreground' : ''}>
                {item.text}
                {item.doneByName ? <span className="text-xs text-muted-foreground"> · {item.doneByName}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {editable ? (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ needId, text });
          }}
        >
          <Input aria-label="New checklist item" placeholder="Add a step" value={text} onChange={(e) => setText(e.target.value)} maxLength={300} />
          <Button type="submit" size="sm" variant="outline" disabled={!text.trim() || add.isPending}>
            Add
          </Button>
        </form>
      ) : null}
      <ErrorLine error={add.error ?? toggle.error} />
    </div>
  );
}

export function BountyForm({ needId }: { needId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [points, setPoints] = useState('10');
  const bounty = useMutation(trpc.need.attachBounty.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <form
      className="grid gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        bounty.mutate({ needId, points: Number(points) });
      }}
    >
      <div className="flex gap-2">
        <Input aria-label="Bounty (points)" type="number" inputMode="numeric" min={1} step={1} value={points} onChange={(e) => setPoints(e.target.value)} className="w-28" />
        <Button type="submit" size="sm" variant="outline" disabled={bounty.isPending}>
          Add bounty
        </Button>
      </div>
      <ErrorLine error={bounty.error} />
    </form>
  );
}

export function ThankForm({ community, toUserId, toName, needId }: { community: string; toUserId: string; toName: string; needId?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const thank = useMutation(trpc.funding.thank.mutationOptions({ onSuccess: () => (setNote(''), setSent(true), router.refresh()) }));
  return (
    <form
      className="grid gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        setSent(false);
        thank.mutate({ community, toUserId, note, needId: needId ?? null });
      }}
    >
      <Input aria-label={`Thank ${toName} for`} placeholder={`Thank ${toName} for…`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      <Button type="submit" size="sm" className="justify-self-start" disabled={!note.trim() || thank.isPending}>
        Thank {toName}
      </Button>
      {sent ? <p className="text-success">Thanks sent.</p> : null}
      <ErrorLine error={thank.error} />
    </form>
  );
}

export function EditNeedForm(props: {
  needId: string;
  title: string;
  description: string;
  skills: string[];
  effortHours: number;
  goal: number;
  stretchGoal: number | null;
  dueDate: Date | null;
  minGoal: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(props.title);
  const [description, setDescription] = useState(props.description);
  const [effortHours, setEffortHours] = useState(String(props.effortHours));
  const [goal, setGoal] = useState(String(props.goal));
  const [stretchGoal, setStretchGoal] = useState(props.stretchGoal ? String(props.stretchGoal) : '');
  const [skills, setSkills] = useState(props.skills.join(', '));
  const [dueDate, setDueDate] = useState(props.dueDate ? props.dueDate.toISOString().slice(0, 10) : '');
  const hintId = useId();
  const update = useMutation(trpc.need.update.mutationOptions({ onSuccess: () => (setOpen(false), router.refresh()) }));
  if (!open) {
    return (
      <Button size="sm" variant="outline" className="justify-self-start" onClick={() => setOpen(true)}>
        Edit need
      </Button>
    );
  }
  return (
    <form
      className="grid gap-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({
          needId: props.needId,
          title,
          description,
          skills: skills.split(',').map((s) => s.trim()).filter(Boolean),
          effortHours: Number(effortHours),
          goal: Number(goal),
          stretchGoal: stretchGoal ? Number(stretchGoal) : null,
          dueDate: dueDate ? new Date(`${dueDate}T00:00:00Z`) : null,
        });
      }}
    >
      <label className="grid gap-1">
        <span className="font-medium">What is needed</span>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={140} />
      </label>
      <label className="grid gap-1">
        <span className="font-medium">Details</span>
        <textarea className={textareaClass} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={20000} aria-describedby={hintId} />
        <FormatHint id={hintId} />
      </label>
      <div className="grid grid-cols-3 gap-2">
        <label className="grid gap-1">
          <span className="font-medium">Hours</span>
          <Input type="number" inputMode="numeric" min={1} step={1} value={effortHours} onChange={(e) => setEffortHours(e.target.value)} />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Goal</span>
          <Input type="number" inputMode="numeric" min={Math.max(1, props.minGoal)} step={1} value={goal} onChange={(e) => setGoal(e.target.value)} />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Stretch</span>
          <Input type="number" inputMode="numeric" min={2} step={1} value={stretchGoal} onChange={(e) => setStretchGoal(e.target.value)} />
        </label>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <label className="grid gap-1">
          <span className="font-medium">Skills</span>
          <Input value={skills} onChange={(e) => setSkills(e.target.value)} placeholder="design, catalan" />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Due</span>
          <Input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </label>
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={update.isPending}>
          Save
        </Button>
        <Button type="button" size="sm" variant="outline" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      <ErrorLine error={update.error} />
    </form>
  );
}
