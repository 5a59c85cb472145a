import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
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

/** Every case the import test creates has this word in its name. */
const IMPORTED_TOKEN = 'e2eimport';

const resultCount = async (page: Page) => Number(((await page.getByTestId('result-count').textContent()) ?? '').match(/\d+/)?.[0] ?? NaN);

test.describe('directory', () => {
  test('the REST API reports the 380 seeded cases and dataset ids resolve through the catch-all', async ({ request }) => {
    const cases = await request.get('/api/v1/cases?pageSize=1');
    expect(cases.status()).toBe(200);
    const body = (await cases.json()) as { total: number; items: unknown[]; facets: Record<string, unknown[]> };
    // 380 seeded cases, plus those the import test (in parallel) creates: all named "e2eimport …".
    const totalOf = async (query: string) => ((await (await request.get(`/api/v1/cases?pageSize=1${query}`)).json()) as { total: number }).total;
    await expect(async () => {
      const imported = await totalOf(`&q=${IMPORTED_TOKEN}`);
      const total = await totalOf('');
      expect(await totalOf(`&q=${IMPORTED_TOKEN}`)).toBe(imported);
      expect(total - imported).toBe(380);
    }).toPass({ timeout: 30_000 });
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

test.describe('directory import (staff)', () => {
  test.use({ storageState: storageStatePath('staff') });

  // The 2016 export's header; a row is [name, year, nid] with every other column blank.
  const HEADER = ['Name', 'Description', 'Homepage', 'Social networks accounts', 'E-mail', 'Contact page', 'Organisation Type', 'Physical address', 'Legal entity', 'Year of foundation', 'Language(s) of the platform', 'Phone', 'Keywords', 'Type of activity', 'The most important type of collaboration', 'Type of common resource resulting', 'User generated content license', 'Other information', 'Scope', 'Posted by', 'Nid'];
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  function csvOf(rows: { name: string; year: string; nid: number }[], header = HEADER, eol = '\n'): string {
    const line = (cells: string[]) => cells.map(quote).join(',') + eol;
    const cell = (row: { name: string; year: string; nid: number }, col: string) =>
      ({ Name: row.name, 'Year of foundation': row.year, Nid: String(row.nid), Scope: 'Local' })[col] ?? '';
    return line(header) + rows.map((row) => line(header.map((col) => cell(row, col)))).join('');
  }
  /** Nids unique to this run and project (the importer keys cases by nid). */
  const nidBase = (project: string) => 900_000_000 + (Date.now() % 9_000_000) * 10 + (project === 'phone' ? 5 : 0);
  /** Whether a case of exactly this name exists (searched through the REST API). */
  const caseExists = async (page: Page, name: string) => {
    const body = (await (await page.request.get(`/api/v1/cases?q=${encodeURIComponent(name)}&pageSize=100`)).json()) as { items: { name: string }[] };
    return body.items.some((item) => item.name === name);
  };

  async function checkFile(page: Page, name: string, body: string | Buffer) {
    await page.goto('/directory/import');
    await page.getByLabel('CSV file in the 2016 directory layout').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) });
    await page.getByRole('button', { name: '1. Check the file (dry run)' }).click();
    const report = page.getByTestId('import-report');
    await expect(report).toBeVisible({ timeout: 30_000 });
    return report;
  }

  test('a file missing a required column: one clear error, nothing imported', async ({ page }, testInfo) => {
    const name = unique(`${IMPORTED_TOKEN} headless`, testInfo.project.name);
    const report = await checkFile(page, 'no-year.csv', csvOf([{ name, year: '2001', nid: nidBase(testInfo.project.name) }], HEADER.filter((col) => col !== 'Year of foundation')));
    await expect(report.getByRole('alert')).toHaveCount(1);
    await expect(report.getByRole('alert')).toContainText('Nothing imported');
    await expect(report.getByRole('alert')).toContainText('lacks the required column(s) "Year of foundation"');
    await expect(page.getByRole('button', { name: '2. Import' })).toBeDisabled();
    expect(await caseExists(page, name)).toBe(false);
  });

  test('strict refuses a byte-order mark and CRLF line endings; UTF-16 is always refused', async ({ page }, testInfo) => {
    const rows = [{ name: unique(`${IMPORTED_TOKEN} strict`, testInfo.project.name), year: '2001', nid: nidBase(testInfo.project.name) + 7 }];
    const recheck = () => page.getByRole('button', { name: '1. Check the file (dry run)' }).click();
    const report = await checkFile(page, 'crlf-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(rows, HEADER, '\r\n'))]));
    await expect(report.getByRole('status').first()).toContainText('Dry run, nothing written. 1 row: 1 created');
    await page.getByLabel('Strict: only existing taxonomy terms').check();
    await recheck();
    await expect(report.getByRole('alert')).toContainText('UTF-8 byte-order mark, which strict mode refuses', { timeout: 30_000 });

    await checkFile(page, 'crlf.csv', csvOf(rows, HEADER, '\r\n'));
    await page.getByLabel('Strict: only existing taxonomy terms').check();
    await recheck();
    await expect(report.getByRole('alert')).toContainText('Windows (CRLF) line endings, which strict mode refuses', { timeout: 30_000 });
    await expect(page.getByRole('button', { name: '2. Import' })).toBeDisabled();

    const utf16 = await checkFile(page, 'utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvOf(rows), 'utf16le')]));
    await expect(utf16.getByRole('alert')).toContainText('Save it as CSV UTF-8');
  });

  test('bad rows are listed with row numbers and reasons; "import the valid rows" imports only those', async ({ page }, testInfo) => {
    test.slow();
    const base = nidBase(testInfo.project.name);
    const good = [unique(`${IMPORTED_TOKEN} valid one`, testInfo.project.name), unique(`${IMPORTED_TOKEN} valid two`, testInfo.project.name)];
    const badYear = unique(`${IMPORTED_TOKEN} bad year`, testInfo.project.name);
    const rows = [
      { name: good[0]!, year: '2001-01-01 00:00:00', nid: base },
      { name: badYear, year: '20133', nid: base + 1 },
      { name: '', year: '2005', nid: base + 2 },
      { name: good[1]!, year: '2010', nid: base + 3 },
    ];
    // A byte-order mark and CRLF line endings (as Excel writes) are accepted: both are valid CSV.
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(rows, HEADER, '\r\n'))]);
    const report = await checkFile(page, 'mixed.csv', file);
    await expect(report).toContainText('byte-order mark');
    await expect(report).toContainText('CRLF');
    await expect(report.getByRole('alert')).toContainText('Nothing imported: 2 invalid rows');
    const invalid = report.getByRole('table', { name: 'Invalid rows' });
    await expect(invalid.getByRole('row')).toHaveCount(3);
    await expect(invalid.getByRole('row').nth(1)).toContainText(/^3\s*\d+\s*Year of foundation\s*"20133" is not a year/);
    await expect(invalid.getByRole('row').nth(2)).toContainText(/^4\s*\d+\s*Name\s*Name is empty/);
    await expect(page.getByRole('button', { name: '2. Import' })).toBeDisabled();
    expect(await caseExists(page, good[0]!)).toBe(false);

    // --skip-invalid on the page: check again with the box ticked, then import.
    await page.getByLabel('Import the valid rows even if some are invalid').check();
    await page.getByRole('button', { name: '1. Check the file (dry run)' }).click();
    await expect(report.getByRole('status').first()).toContainText('Dry run, nothing written. 4 rows: 2 created', { timeout: 30_000 });
    await page.getByRole('button', { name: '2. Import' }).click();
    await expect(report.getByRole('status').first()).toContainText('Imported. 4 rows: 2 created, 0 updated, 0 unchanged, 2 invalid (invalid rows skipped)', { timeout: 30_000 });
    await expect(report.getByRole('table', { name: 'Invalid rows' }).getByRole('row')).toHaveCount(3);
    for (const name of good) expect(await caseExists(page, name)).toBe(true);
    expect(await caseExists(page, badYear)).toBe(false);
  });
});

test.describe('directory vocabularies (staff)', () => {
  test.use({ storageState: storageStatePath('staff') });

  test('staff add a term to a vocabulary; the same term in other spelling is refused', async ({ page }, testInfo) => {
    const label = unique('Platform cooperative', testInfo.project.name);
    await page.goto('/directory/review');
    await page.getByRole('link', { name: 'Vocabularies' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vocabularies' })).toBeVisible();
    await page.getByLabel('Vocabulary').selectOption({ label: 'Legal entity' });
    await page.getByLabel('New term').fill(`  ${label}  `);
    await page.getByRole('button', { name: 'Add term' }).click();
    await expect(page.getByRole('form', { name: 'Add a term' }).getByRole('status')).toContainText(`Added “${label}” to Legal entity.`, { timeout: 30_000 });
    const entry = page.getByTestId('vocabulary-legalEntity').getByRole('listitem').filter({ hasText: label });
    await expect(entry).toContainText('0 cases');
    await expect(entry).toContainText('added by');

    await page.getByLabel('New term').fill(label.toUpperCase());
    await page.getByRole('button', { name: 'Add term' }).click();
    await expect(page.getByRole('form', { name: 'Add a term' }).getByRole('alert')).toContainText(`already has the term “${label}”`);
  });
});

test.describe('archive', () => {
  test.use({ storageState: storageStatePath('researcher') });

  test('deposit a data set with a CSV, publish v1, create v2, download both and the citation', async ({ page, playwright, baseURL }, testInfo) => {
    test.slow();
    const title = unique('E2E data set', testInfo.project.name);
    page.on('dialog', (dialog) => void dialog.accept());

    await page.goto('/archive');
    await page.getByRole('link', { name: 'Deposit a data set' }).click();
    await page.getByLabel('Title *').fill(title);
    await page.getByLabel('Description').fill('Cases surveyed by the end-to-end test.');
    await page.getByLabel('Keywords').fill('commons, e2e');
    // Nothing may be wider than the screen: the long SPDX licence names once made the form wider
    // than a phone, which shifted every tap off its target.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
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
