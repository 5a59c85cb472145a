/** What better-auth's client returns in `error` when a request fails. */
export interface AuthClientError {
  status: number;
  code?: string;
  message?: string;
}

export type AuthFailure =
  | { kind: 'field'; field: 'email' | 'password' | 'name'; message: string }
  | { kind: 'form'; title: string; message: string; action?: 'sign-in' | 'sign-up' };

/** Turns a better-auth failure into a message a person can act on. */
export function describeAuthError(error: AuthClientError, flow: 'sign-in' | 'sign-up'): AuthFailure {
  if (error.status === 429) {
    return { kind: 'form', title: 'Too many attempts', message: 'For your security we paused sign-in attempts from this connection. Wait a minute, then try again.' };
  }
  switch (error.code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
      return { kind: 'form', title: 'Wrong email or password', message: 'Check both and try again. Passwords are case-sensitive.' };
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return { kind: 'form', title: 'This email already has an account', message: 'Sign in with it instead, or use another email address.', action: 'sign-in' };
    case 'INVALID_EMAIL':
      return { kind: 'field', field: 'email', message: 'Enter a valid email address.' };
    case 'PASSWORD_TOO_SHORT':
      return { kind: 'field', field: 'password', message: 'Use at least 8 characters.' };
    case 'PASSWORD_TOO_LONG':
      return { kind: 'field', field: 'password', message: 'Use at most 128 characters.' };
  }
  if (flow === 'sign-in' && error.status === 401) {
    return { kind: 'form', title: 'Wrong email or password', message: 'Check both and try again. Passwords are case-sensitive.' };
  }
  return {
    kind: 'form',
    title: flow === 'sign-in' ? 'Could not sign you in' : 'Could not create your account',
    message: 'Something went wrong on our side or on the way. Try again in a moment.',
  };
}
