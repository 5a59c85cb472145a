'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { authClient } from '~/lib/auth-client';
import { useHydrated } from '~/lib/use-hydrated';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { ZSignInForm, validateForm, type FieldErrors, type TSignInForm } from './auth-schemas';
import { describeAuthError } from './auth-errors';
import { FormField } from './form-field';

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<TSignInForm>>({});
  const [formError, setFormError] = useState<{ title: string; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  // Until React has hydrated, a click would submit the form natively and put the password in a URL.
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const form = new FormData(event.currentTarget);
    const parsed = validateForm(ZSignInForm, { email: form.get('email'), password: form.get('password') });
    if (!parsed.ok) {
      setFieldErrors(parsed.errors);
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const { error } = await authClient.signIn.email(parsed.data);
      if (error) {
        const failure = describeAuthError(error, 'sign-in');
        if (failure.kind === 'field') setFieldErrors({ [failure.field]: failure.message });
        else setFormError(failure);
        setPending(false);
        return;
      }
      router.replace(next);
      router.refresh();
    } catch {
      setFormError({ title: 'Could not reach the server', message: 'Check your connection and try again.' });
      setPending(false);
    }
  }

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="grid gap-5" aria-describedby={formError ? 'sign-in-error' : undefined}>
      {formError ? (
        <Alert id="sign-in-error" variant="destructive" title={formError.title} data-testid="form-error">
          {formError.message}
        </Alert>
      ) : null}
      <FormField id="email" name="email" type="email" label="Email" autoComplete="email" inputMode="email" required error={fieldErrors.email} />
      <FormField id="password" name="password" type="password" label="Password" autoComplete="current-password" required error={fieldErrors.password} />
      <Button type="submit" size="lg" disabled={pending || !hydrated}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        New to P2Pvalue?{' '}
        <Link className="font-medium text-primary hover:underline" href={next === '/' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`}>
          Create an account
        </Link>
      </p>
    </form>
  );
}
