'use client';

import { useState, type ReactNode } from 'react';
import { Alert } from '~/components/ui/alert';
import { Button, type ButtonProps } from '~/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '~/components/ui/dialog';

interface ConfirmButtonProps {
  /** The button that opens the dialog. */
  label: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  /** Runs the action; a rejection keeps the dialog open with the message. */
  onConfirm: () => Promise<unknown>;
  errorMessage: (error: unknown) => string;
  triggerLabel?: string;
}

/** A button that asks first: the action runs from the dialog, and its error is shown there. */
export function ConfirmButton({ label, title, description, confirmLabel, pendingLabel, variant = 'outline', size, onConfirm, errorMessage, triggerLabel }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant={variant} size={size} aria-label={triggerLabel}>
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {error ? <Alert variant="destructive" title={error} /> : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep it</Button>
          </DialogClose>
          <Button variant={variant === 'destructive' ? 'destructive' : 'default'} onClick={() => void confirm()} disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
