'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { authClient } from '~/lib/auth-client';
import { useHydrated } from '~/lib/use-hydrated';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { ZSignUpForm, validateForm, type FieldErrors, type TSignUpForm } from './auth-schemas';
import { describeAuthError, type AuthFailure } from './auth-errors';
import { FormField } from './form-field';

type FormFailure = Extract<AuthFailure, { kind: 'form' }>;

export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<TSignUpForm>>({});
  const [formError, setFormError] = useState<FormFailure | null>(null);
  const [pending, setPending] = useState(false);
  // Until React has hydrated, a click would submit the form natively and put the password in a URL.
  const hydrated = useHydrated();
  const signInHref = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const form = new FormData(event.currentTarget);
    const parsed = validateForm(ZSignUpForm, { name: form.get('name'), email: form.get('email'), password: form.get('password') });
    if (!parsed.ok) {
      setFieldErrors(parsed.errors);
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const { error } = await authClient.signUp.email(parsed.data);
      if (error) {
        const failure = describeAuthError(error, 'sign-up');
        if (failure.kind === 'field') setFieldErrors({ [failure.field]: failure.message });
        else setFormError(failure);
        setPending(false);
        return;
      }
      // The server signs new accounts in straight away.
      router.replace(next);
      router.refresh();
    } catch {
      setFormError({ kind: 'form', title: 'Could not reach the server', message: 'Check your connection and try again.' });
      setPending(false);
    }
  }

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="grid gap-5">
      {formError ? (
        <Alert variant="destructive" title={formError.title} data-testid="form-error">
          {formError.message}{' '}
          {formError.action === 'sign-in' ? (
            <Link className="font-medium text-primary hover:underline" href={signInHref}>
              Go to sign in
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <FormField id="name" name="name" label="Name" autoComplete="name" required error={fieldErrors.name} hint="Shown to the communities you join." />
      <FormField id="email" name="email" type="email" label="Email" autoComplete="email" inputMode="email" required error={fieldErrors.email} />
      <FormField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        error={fieldErrors.password}
        hint="At least 8 characters. A few unrelated words make a strong one."
      />
      <Button type="submit" size="lg" disabled={pending || !hydrated}>
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link className="font-medium text-primary hover:underline" href={signInHref}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
