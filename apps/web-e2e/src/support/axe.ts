import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './test';

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/** WCAG 2.1 A and AA: the level issue 10 asks for (2.0 tags too, since 2.1 only adds to them). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every violation with its rule, impact and the selectors of the failing nodes, one per line. */
export function describeViolations(violations: Violations): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation. Milder ones are
 * attached to the report (and printed on failure) so they are seen without failing the run.
 */
export async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (violations.length > 0) await testInfo.attach(`axe ${label}`, { body: describeViolations(violations), contentType: 'text/plain' });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id} ×${v.nodes.length}`), `axe on ${label} (${page.url()}):\n${describeViolations(violations)}`).toEqual([]);
}
