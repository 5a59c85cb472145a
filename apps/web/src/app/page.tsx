import Link from 'next/link';
import { ArrowRight, FlaskConical, Library, Users } from 'lucide-react';
import { Button } from '~/components/ui/button';
import { PageContainer } from '~/components/shell/page-header';
import { FactsPanel } from '~/components/home/facts-panel';
import { PillarCard } from '~/components/home/pillar-card';
import { getViewer } from '~/lib/server/viewer';

export default async function HomePage() {
  const viewer = await getViewer();
  return (
    <>
      <section aria-labelledby="hero-title" className="border-b bg-gradient-to-b from-primary/[0.06] to-transparent">
        <PageContainer className="grid items-center gap-12 py-16 sm:py-24 lg:grid-cols-[1fr_22rem]">
          <div className="grid gap-6">
            <p className="text-sm font-medium text-primary">Commons-based peer production</p>
            <h1 id="hero-title" className="max-w-3xl text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
              Tools for communities that build commons together
            </h1>
            <p className="max-w-2xl text-lg text-muted-foreground text-pretty">
              P2Pvalue brings together a collaboration platform for peer-production communities, an open directory of
              such communities, and a simulation of how they grow, thrive and fade — so practitioners and researchers can
              work from the same evidence.
            </p>
            <div className="flex flex-wrap gap-3">
              {viewer ? (
                <Button asChild size="lg">
                  <Link href="/account">
                    Go to your account <ArrowRight aria-hidden="true" />
                  </Link>
                </Button>
              ) : (
                <Button asChild size="lg">
                  <Link href="/sign-up">
                    Create an account <ArrowRight aria-hidden="true" />
                  </Link>
                </Button>
              )}
              <Button asChild size="lg" variant="outline">
                <Link href="/docs/api">Read the API reference</Link>
              </Button>
            </div>
          </div>
          <FactsPanel />
        </PageContainer>
      </section>

      <PageContainer>
        <h2 className="sr-only">What P2Pvalue offers</h2>
        <div className="grid gap-5 md:grid-cols-3">
          <PillarCard
            href="/communities"
            icon={<Users aria-hidden="true" />}
            title="Collaboration platform"
            linkLabel="About communities"
          >
            Spaces for CBPP communities to organise their projects: shared documents edited together in real time,
            needs and tasks, conversations, and a fair record of who contributed what.
          </PillarCard>
          <PillarCard href="/directory" icon={<Library aria-hidden="true" />} title="CBPP directory" linkLabel="About the directory">
            A searchable directory of commons-based peer production cases, seeded from the 380 cases of the 2016
            P2Pvalue directory: what each community produces, how it collaborates and under which licence.
          </PillarCard>
          <PillarCard
            href="/simulations"
            icon={<FlaskConical aria-hidden="true" />}
            title="Agent-based simulation"
            linkLabel="About simulations"
          >
            A faithful port of the P2Pvalue agent-based model of CBPP communities: core contributors, occasional
            contributors and lurkers, and how platform features change who stays and who leaves.
          </PillarCard>
        </div>

        <section aria-labelledby="builders-title" className="mt-14 grid gap-4 rounded-xl border bg-card p-6 sm:grid-cols-[1fr_auto] sm:items-center sm:p-8">
          <div className="grid gap-2">
            <h2 id="builders-title" className="text-xl font-semibold tracking-tight">
              Built to be scripted
            </h2>
            <p className="max-w-2xl text-muted-foreground">
              Everything the site shows is available through a documented REST API. Create a personal API token on your
              account page and call it with <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-sm">Authorization: Bearer</code>.
            </p>
          </div>
          <Button asChild variant="secondary">
            <Link href="/docs/api">API reference</Link>
          </Button>
        </section>
      </PageContainer>
    </>
  );
}
