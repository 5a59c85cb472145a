import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '~/components/auth/auth-card';
import { SignInForm } from '~/components/auth/sign-in-form';
import { getViewer } from '~/lib/server/viewer';
import { safeNextPath } from '~/lib/safe-next';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next: rawNext } = await searchParams;
  const next = safeNextPath(typeof rawNext === 'string' ? rawNext : null);
  if (await getViewer()) redirect(next);
  return (
    <AuthCard title="Sign in" description="Welcome back. Sign in to reach your communities, simulations and API tokens.">
      <SignInForm next={next} />
    </AuthCard>
  );
}
