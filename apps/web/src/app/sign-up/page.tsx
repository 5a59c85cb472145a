import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '~/components/auth/auth-card';
import { SignUpForm } from '~/components/auth/sign-up-form';
import { getViewer } from '~/lib/server/viewer';
import { safeNextPath } from '~/lib/safe-next';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next: rawNext } = await searchParams;
  const next = safeNextPath(typeof rawNext === 'string' ? rawNext : null);
  if (await getViewer()) redirect(next);
  return (
    <AuthCard title="Create an account" description="Join P2Pvalue to take part in communities and, as a researcher, run simulations.">
      <SignUpForm next={next} />
    </AuthCard>
  );
}
