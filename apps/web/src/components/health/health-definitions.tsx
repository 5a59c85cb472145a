import type { ReactNode } from 'react';

export const HEALTH_DEFINITIONS = {
  week: 'definition-week',
  contribution: 'definition-contribution',
  roles: 'definition-roles',
  inequality: 'definition-inequality',
  distribution: 'definition-distribution',
  survival: 'definition-survival',
  cohorts: 'definition-cohorts',
  flow: 'definition-flow',
  needs: 'definition-needs',
  funding: 'definition-funding',
  synthetic: 'definition-synthetic',
} as const;

function Definition({ id, term, children }: { id: string; term: string; children: ReactNode }) {
  return (
    <div id={id} className="scroll-mt-24 grid gap-1">
      <dt className="font-medium">{term}</dt>
      <dd className="text-sm text-muted-foreground">{children}</dd>
    </div>
  );
}

/**
 * The exact definitions behind every number of the dashboard (the same text as docs/health.md;
 * the arithmetic is libs/platform/src/health, which uses libs/sim's analysis helpers).
 */
export function HealthDefinitions({ windowWeeks, coreThreshold }: { windowWeeks: number; coreThreshold: number }) {
  const d = HEALTH_DEFINITIONS;
  return (
    <section aria-labelledby="health-definitions" className="grid gap-4">
      <h2 id="health-definitions" className="text-lg font-semibold">
        Definitions
      </h2>
      <dl className="grid gap-4">
        <Definition id={d.week} term="Week">
          The model&apos;s tick is one week. Weeks run from Monday 00:00 to Sunday 24:00 UTC and are named by their Monday. The last week shown is the one in progress.
        </Definition>
        <Definition id={d.contribution} term="Contribution">
          One row of the community&apos;s contribution ledger (documents created, edited, versioned or commented, projects and needs created, needs opened, claimed, completed or verified,
          pledges, bounties, thanks given, rounds opened and closed), plus one message posted in a community or project channel (not direct messages, not deleted ones). Not
          contributions: joining (counted as a join), supporting a project (a &ldquo;like&rdquo;, the model&apos;s consumption) and thanks received.
        </Definition>
        <Definition id={d.roles} term="Core (#1), occasional (#9) and consumer (#90) members">
          In each week, every person who is a member at the end of the week is classified by their contributions in the last {windowWeeks} weeks (that week included): core (#1) with at
          least {coreThreshold}, occasional (#9) with 1 to {coreThreshold - 1}, consumer (#90) with none. Shares are of the members that week; the reference is Nielsen&apos;s 1 %, 9 %
          and 90 %.
        </Definition>
        <Definition id={d.inequality} term="Gini and top shares">
          Over everyone who contributed at least once in the weeks shown (members or not, present or gone), from their total contributions: the Gini coefficient (0 = all equal, close to
          1 = one person does everything) and the share of all contributions made by the top 1 % and the top 10 % of contributors (at least one person). &ldquo;Gini to date&rdquo; is the
          same Gini over the totals up to each week.
        </Definition>
        <Definition id={d.distribution} term="Distribution and fits">
          Contributors binned by total contributions in powers of two. A discrete power law p(x) ∝ x<sup>−α</sup> truncated at the largest total, with x<sub>min</sub> chosen by the
          Kolmogorov–Smirnov distance (Clauset, Shalizi &amp; Newman 2009; fitted with at least 10 contributors), and a log-normal fitted by maximum likelihood. KS is each fit&apos;s
          Kolmogorov–Smirnov distance: smaller fits better.
        </Definition>
        <Definition id={d.survival} term="Survival from first contribution">
          Kaplan–Meier estimate over members who contributed: time runs from the week of their first contribution to the week they last left the community (an exit) or to the current
          week (still a member: censored). S(26) and S(52) are the estimated shares still members 26 and 52 weeks after their first contribution; they are shown only once someone has
          been followed that long.
        </Definition>
        <Definition id={d.cohorts} term="Cohort retention">
          Members grouped by the 13-week quarter (counted from the first week shown) of their first contribution; for each cohort, the share still a member 26 and 52 weeks later, among
          those whose first contribution is at least that old.
        </Definition>
        <Definition id={d.flow} term="Joins, leaves and role changes">
          A join is a membership becoming active (joining, an accepted invitation or request); a leave is an active membership ending (leaving or being removed), both recorded by the
          database whichever way they happen. A role change counts a member present in two consecutive weeks whose role differs (90→9, 9→1, 1→9 shown; the others are in the JSON).
        </Definition>
        <Definition id={d.needs} term="Needs opened, funded and done">
          Needs of the community&apos;s projects entering the open, funded and done states in the week, from the recorded need transitions.
        </Definition>
        <Definition id={d.funding} term="Funding concentration">
          The Gini coefficient of the credits currently pledged to each need that ever received a pledge.
        </Definition>
        <Definition id={d.synthetic} term="Synthetic history">
          Rows generated by the P2Pvalue model for the demo (scripts/health-demo-seed.ts): model persons become people without accounts, model weeks become calendar weeks, and growth of a
          person&apos;s lifetime contribution becomes ledger contributions. They are marked synthetic in the database and the dashboard says so.
        </Definition>
      </dl>
    </section>
  );
}
