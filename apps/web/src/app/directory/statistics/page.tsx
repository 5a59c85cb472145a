import type { Metadata } from 'next';
import Link from 'next/link';
import { PageContainer, PageHeader } from '~/components/shell/page-header';
import { serverCaller } from '~/app/communities/_lib/server-caller';
import { ChartFigure, type Bar } from '../_components/chart-figure';
import { facetHref, type FacetParam } from '../_lib/search-params';

export const metadata: Metadata = { title: 'Directory statistics' };
export const dynamic = 'force-dynamic';

/** Decades before 2000 (few cases), single years from 2000 on, like the 2016 reports. */
function byPeriod(byYear: { year: number; count: number }[]): Bar[] {
  const periods = new Map<string, number>();
  for (const { year, count } of [...byYear].sort((a, b) => a.year - b.year)) {
    const label = year < 2000 ? `${Math.floor(year / 10) * 10}s` : String(year);
    periods.set(label, (periods.get(label) ?? 0) + count);
  }
  return [...periods].map(([label, count]) => ({ label, count }));
}

export default async function StatisticsPage() {
  const { api } = await serverCaller();
  const stats = await api.directory.statistics();
  const bars = (param: FacetParam, values: { value: string; count: number }[]): Bar[] => values.map((v) => ({ label: v.value, count: v.count, href: facetHref(param, v.value) }));
  const withYear = stats.byYear.reduce((sum, row) => sum + row.count, 0);
  return (
    <PageContainer>
      <PageHeader
        eyebrow="CBPP directory"
        title="Statistics"
        description={
          <>
            What the {stats.total} cases of the{' '}
            <Link className="text-primary hover:underline" href="/directory">
              directory
            </Link>{' '}
            look like (charts drawn with Apache ECharts). A case can count in several bars of the resource and language charts.
          </>
        }
      />
      <div className="grid gap-6 md:grid-cols-2">
        <ChartFigure title="Cases by type of activity" bars={bars('activity', stats.facets.activityType)} />
        <ChartFigure title={`Cases by year of foundation (${withYear} with a known year)`} bars={byPeriod(stats.byYear)} orientation="vertical" valueHeader="Period" />
        <ChartFigure title="Cases by content licence" bars={bars('licence', stats.facets.licence)} />
        <ChartFigure title="Cases by scope" bars={bars('scope', stats.facets.scope)} />
        <ChartFigure title="Cases by organisation type" bars={bars('organisationType', stats.facets.organisationType)} />
        <ChartFigure title="Cases by platform language" bars={bars('language', stats.facets.languages)} />
        <ChartFigure title="Cases by type of collaboration" bars={bars('collaboration', stats.facets.collaborationType)} />
        <ChartFigure title="Cases by common resource" bars={bars('resource', stats.facets.resourceTypes)} />
      </div>
    </PageContainer>
  );
}
