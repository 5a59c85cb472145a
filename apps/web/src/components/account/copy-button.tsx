'use client';

import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from '~/components/ui/button';

/** Copies `value`; says so for two seconds, visibly and to screen readers. */
export function CopyButton({ value, label = 'Copy', ...props }: { value: string; label?: string } & Omit<ButtonProps, 'onClick' | 'value'>) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // Clipboard access can be denied (permissions, insecure origin): the value stays selectable.
      setState('failed');
    }
  }

  return (
    <Button variant="outline" onClick={() => void copy()} {...props}>
      {state === 'copied' ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy it' : label}</span>
    </Button>
  );
}
