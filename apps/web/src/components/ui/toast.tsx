'use client';

import { Toast as T } from 'radix-ui';
import { X } from 'lucide-react';
import { useCallback, useState, type ReactNode } from 'react';
import { cn } from '~/lib/cn';

interface ToastMessage {
  id: number;
  title: string;
  description?: string;
  variant: 'default' | 'destructive';
}

let nextId = 1;

/**
 * A small local toaster: a feature renders the returned `toaster` element where it needs one, so
 * pages that never toast do not ship it.
 */
export function useToaster() {
  const [messages, setMessages] = useState<ToastMessage[]>([]);
  const toast = useCallback((message: Omit<ToastMessage, 'id' | 'variant'> & { variant?: ToastMessage['variant'] }) => {
    setMessages((current) => [...current, { variant: 'default', ...message, id: nextId++ }]);
  }, []);
  const dismiss = (id: number) => setMessages((current) => current.filter((m) => m.id !== id));

  const toaster: ReactNode = (
      <T.Provider swipeDirection="right" duration={5000}>
        {messages.map((m) => (
          <T.Root
            key={m.id}
            onOpenChange={(open) => !open && dismiss(m.id)}
            className={cn(
              'relative grid gap-1 rounded-lg border bg-card p-4 pr-10 text-sm text-card-foreground shadow-lg',
              m.variant === 'destructive' && 'border-destructive/50',
            )}
          >
            <T.Title className="font-medium">{m.title}</T.Title>
            {m.description ? <T.Description className="text-muted-foreground">{m.description}</T.Description> : null}
            <T.Close aria-label="Dismiss" className="absolute top-3 right-3 rounded-md p-1 text-muted-foreground hover:bg-accent hover:text-foreground">
              <X className="size-4" aria-hidden="true" />
            </T.Close>
          </T.Root>
        ))}
        {/* Above the phone bottom bar; bottom-right on larger screens. */}
        <T.Viewport className="fixed right-0 bottom-20 z-[100] flex w-full max-w-sm flex-col gap-2 p-4 outline-none md:bottom-0" />
      </T.Provider>
  );

  return { toast, toaster };
}
