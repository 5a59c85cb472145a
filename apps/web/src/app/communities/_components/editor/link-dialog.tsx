'use client';

import { useState, type ReactNode } from 'react';
import type { Editor } from '@tiptap/react';
import { Button } from '~/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '~/components/ui/dialog';
import { Input } from '~/components/ui/input';

const SAFE_HREF = /^(https?:|mailto:)/i;

/**
 * The toolbar's link dialog; `children` is its trigger. It replaced `window.prompt`, which cannot
 * be styled, announced or tested like the rest of the app. Radix traps focus inside, closes on
 * Escape and gives focus back to the Link button; after a link is set, focus goes to the text
 * instead, where the writer was.
 */
export function LinkDialog({ editor, children }: { editor: Editor; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState('');
  const [applied, setApplied] = useState(false);
  const valid = SAFE_HREF.test(href.trim());
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setHref((editor.getAttributes('link').href as string | undefined) ?? '');
          setApplied(false);
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>{children}</DialogTrigger>
      <DialogContent
        onCloseAutoFocus={(e) => {
          if (!applied) return;
          e.preventDefault();
          editor.commands.focus();
        }}
      >
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!valid) return;
            editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
            setApplied(true);
            setOpen(false);
          }}
        >
          <DialogHeader>
            <DialogTitle>Link</DialogTitle>
            <DialogDescription>The selected text links to this address (https://… or mailto:…).</DialogDescription>
          </DialogHeader>
          <label className="grid gap-1 text-sm">
            <span className="font-medium">Link address</span>
            <Input type="url" value={href} onChange={(e) => setHref(e.target.value)} placeholder="https://" aria-invalid={href.length > 0 && !valid} required />
          </label>
          <DialogFooter>
            <Button type="submit" disabled={!valid}>
              Set link
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
