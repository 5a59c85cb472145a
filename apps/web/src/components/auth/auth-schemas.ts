import * as z from 'zod/mini';

// zod/mini keeps these forms' JavaScript small; the rules mirror the server's (better-auth's
// emailAndPassword options), which stay the authority.
const email = z.string().check(z.trim(), z.minLength(1, 'Enter your email address.'), z.email('Enter a valid email address, like name@example.org.'));

export const ZSignInForm = z.object({
  email,
  password: z.string().check(z.minLength(1, 'Enter your password.')),
});

export const ZSignUpForm = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Enter your name.'), z.maxLength(100, 'Use at most 100 characters.')),
  email,
  password: z
    .string()
    .check(z.minLength(8, 'Use at least 8 characters.'), z.maxLength(128, 'Use at most 128 characters.')),
});

export type TSignInForm = z.infer<typeof ZSignInForm>;
export type TSignUpForm = z.infer<typeof ZSignUpForm>;
export type FieldErrors<T> = Partial<Record<keyof T, string>>;

/** Validates a form and returns either its data or the first message per field. */
export function validateForm<T extends Record<string, unknown>>(
  schema: z.ZodMiniType<T>,
  values: unknown,
): { ok: true; data: T } | { ok: false; errors: FieldErrors<T> } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const flat = z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined>;
  const errors: FieldErrors<T> = {};
  for (const [field, messages] of Object.entries(flat)) {
    if (messages?.[0]) errors[field as keyof T] = messages[0];
  }
  return { ok: false, errors };
}
