import type { Metadata } from 'next';
import Link from 'next/link';
import { Lock, Users } from 'lucide-react';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { Badge } from '~/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card';
import { CreateCommunityForm } from './_components/create-community-form';
import { serverCaller } from './_lib/server-caller';

export const metadata: Metadata = { title: 'Communities' };
export const dynamic = 'force-dynamic';

export default async function CommunitiesPage() {
  const { viewer, api } = await serverCaller();
  const { items } = await api.community.list();
  const mine = items.filter((c) => c.membership);
  const others = items.filter((c) => !c.membership);
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Collaboration platform"
        title="Communities"
        description="Where commons-based peer production communities organise their work: projects and documents edited together in real time."
      />
      {/* minmax(0, 1fr) columns: a long unbroken community name wraps instead of widening the page on a phone */}
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <div className="grid min-w-0 grid-cols-1 gap-8">
          {viewer ? <CommunityList title="Yours" items={mine} empty="You have not joined a community yet." /> : null}
          <CommunityList title={viewer ? 'Others you can join' : 'Public communities'} items={others} empty="No other communities yet." />
        </div>
        {viewer ? (
          <Card>
            <CardHeader>
              <CardTitle>Start a community</CardTitle>
              <CardDescription>You become its owner and can invite others.</CardDescription>
            </CardHeader>
            <CardContent>
              <CreateCommunityForm />
            </CardContent>
          </Card>
        ) : (
          <Card>
            <CardContent className="pt-6 text-sm">
              <Link className="font-medium text-primary hover:underline" href="/sign-in?next=/communities">
                Sign in
              </Link>{' '}
              to join a community or start your own.
            </CardContent>
          </Card>
        )}
      </div>
    </PageContainer>
  );
}

function CommunityList({ title, items, empty }: { title: string; items: Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>['api']['community']['list']>>['items']; empty: string }) {
  return (
    <section aria-label={title} className="grid gap-3">
      <h2 className="text-lg font-semibold">{title}</h2>
      {items.length === 0 ? <p className="text-sm text-muted-foreground">{empty}</p> : null}
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {items.map((c) => (
          <li key={c.id} className="min-w-0">
            <Link href={`/communities/${c.slug}`} className="block h-full rounded-lg border p-4 transition-colors hover:bg-muted/50">
              <div className="flex items-start justify-between gap-2">
                <span className="min-w-0 font-medium [overflow-wrap:anywhere]">{c.name}</span>
                {c.visibility === 'private' ? (
                  <Badge variant="outline">
                    <Lock className="size-3" aria-hidden /> Private
                  </Badge>
                ) : null}
              </div>
              {c.description ? <p className="mt-1 line-clamp-2 text-sm text-muted-foreground [overflow-wrap:anywhere]">{c.description}</p> : null}
              <p className="mt-2 flex items-center gap-3 text-xs text-muted-foreground">
                <span className="inline-flex items-center gap-1">
                  <Users className="size-3" aria-hidden /> {c.memberCount}
                </span>
                <span>{c.projectCount} projects</span>
                {c.membership ? <span>{c.membership.status === 'requested' ? 'Request pending' : `You: ${c.membership.role}`}</span> : null}
              </p>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
