import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { trackConsoleErrors } from './support/console-errors';
import { storageStatePath } from './support/demo-users';
import { clickUntil } from './support/ui';

// The experiment designer (issue 8): a researcher starts from an original experiment, sees the
// number of runs, watches the in-browser preview animate, is refused an out-of-range value, and
// queues the experiment once however often the button is clicked. Members are refused.

const PRESET = 'offline21sep_QuickDeath';

/** Records every distinct drawing of the #9s line from now on (the preview may finish in a second). */
async function watchPreviewLine(page: Page) {
  await page.evaluate(() => {
    const path = document.querySelector('[data-testid="preview-plot-community"] path[data-series="count_9s"]');
    const seen = new Set<string>();
    (window as unknown as { previewDrawings: Set<string> }).previewDrawings = seen;
    if (!path) return;
    seen.add(path.getAttribute('d') ?? '');
    new MutationObserver(() => seen.add(path.getAttribute('d') ?? '')).observe(path, { attributes: true, attributeFilter: ['d'] });
  });
}

const previewDrawings = (page: Page) => page.evaluate(() => [...(window as unknown as { previewDrawings: Set<string> }).previewDrawings].filter((d) => d.length > 0).length);

async function openGroup(page: Page, id: string, title: string) {
  const group = page.getByTestId(`group-${id}`);
  await expect(group.locator('summary')).toContainText(title);
  if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
  await expect(group).toHaveAttribute('open', '');
  return group;
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test.describe('as a researcher', () => {
  test.use({ storageState: storageStatePath('researcher') });

  test('designs from a preset, previews it live, is refused a bad value, and queues it once', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'queues an experiment; the phone layout is checked below');
    // Many steps on a production build that shares two cores with other work.
    test.setTimeout(120_000);
    const errors = trackConsoleErrors(page);
    await page.goto('/simulations');
    await page.getByRole('link', { name: 'New experiment' }).first().click();
    // Other specs' runs keep both cores busy: the navigation can take longer than the default 10 s.
    await expect(page).toHaveURL(/\/simulations\/new$/, { timeout: 30_000 });

    await page.goto(`/simulations/new?preset=${PRESET}`);
    await expect(page.getByRole('heading', { level: 1, name: 'New experiment' })).toBeVisible();
    await expect(page.getByLabel('Start from')).toHaveValue(PRESET);
    // 16 conditions × 8 repetitions, as in the original file.
    await expect(page.getByTestId('run-count')).toHaveText('128');
    await expect(page.getByTestId('estimate')).toContainText('≈');

    // The preview animates: the first run's #9s line is redrawn as ticks arrive from the worker.
    await watchPreviewLine(page);
    const flows = await openGroup(page, 'flows', 'Entry, exit and role change');
    const exit = flows.getByTestId('param-chance-9s-exit');
    await exit.getByLabel('chance-9s-exit value').fill('0.05');
    await expect.poll(() => previewDrawings(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('preview-status')).toHaveAttribute('data-state', /running|done/);

    // Out of range: refused next to the field with the server's reason, and nothing can be queued.
    await exit.getByLabel('chance-9s-exit value').fill('2');
    await expect(exit.getByTestId('field-error')).toContainText('must be a number in [0, 1], got 2');
    await expect(page.getByRole('button', { name: /^Queue/ })).toBeDisabled();
    await expect(page.getByTestId('preview-status')).toHaveAttribute('data-state', 'paused');
    await expect(page.getByTestId('design-problems')).toContainText('chance-9s-exit: Parameter "chance-9s-exit" must be a number in [0, 1], got 2');

    // A list of values multiplies the runs.
    await exit.getByRole('radio', { name: 'List' }).click();
    await exit.getByLabel('chance-9s-exit values').fill('0.1, 0.2');
    await expect(page.getByTestId('run-count')).toHaveText('256');
    await exit.getByRole('radio', { name: 'Value' }).click();
    await exit.getByLabel('chance-9s-exit value').fill('0.1');
    await expect(exit.getByTestId('field-error')).toHaveCount(0);
    await expect(page.getByTestId('run-count')).toHaveText('128');

    const name = `QuickDeath e2e ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Root seed').fill('7');
    expect(errors).toEqual([]);
    // A double click queues one experiment (the idempotency key), then the page moves on.
    await page.getByRole('button', { name: 'Queue 128 runs' }).dblclick();
    // The experiment page's chunks load only once the browser's main thread is free: with other specs'
    // runs on both cores that took 12 s in one run, past the 20 s this allowed.
    await expect(page).toHaveURL(/\/simulations\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const experimentUrl = new URL(page.url()).pathname;

    await page.goto('/simulations');
    const entries = page.getByTestId('experiment-list').getByRole('link', { name, exact: true });
    await expect(entries).toHaveCount(1);
    await expect(entries).toHaveAttribute('href', experimentUrl);
    await expect(page.getByTestId('experiment-list').locator('li').filter({ has: page.getByRole('link', { name, exact: true }) })).toContainText(`Preset: ${PRESET}`);
  });

  test('exports the design as JSON and imports it back', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'one viewport is enough');
    test.setTimeout(90_000);
    await page.goto(`/simulations/new?preset=${PRESET}`);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-design').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${PRESET}.json`);
    const exported = JSON.parse(await readFile(await file.path(), 'utf8')) as Record<string, unknown>;
    expect(exported).toMatchObject({ name: PRESET, repetitions: 8, steps: 400, totalRuns: 128, combinations: 16 });

    await page.goto('/simulations/new');
    await expect(page.getByTestId('run-count')).toHaveText('1');
    await page.getByLabel('Or paste a design').fill(JSON.stringify({ ...exported, repetitions: 2 }));
    await page.getByRole('button', { name: 'Load pasted design' }).click();
    await expect(page.getByText(`Imported “${PRESET}”.`)).toBeVisible();
    await expect(page.getByTestId('run-count')).toHaveText('32');

    await page.getByLabel('Or paste a design').fill(JSON.stringify({ ...exported, enumerated: { 'no-such-knob': [1] } }));
    await page.getByRole('button', { name: 'Load pasted design' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'unknown parameter "no-such-knob"' })).toBeVisible();
    await expect(page.getByTestId('run-count')).toHaveText('32');
  });

  test('on a 390 px phone nothing overflows sideways', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'the phone project');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/simulations');
    await noHorizontalScroll(page);
    await page.goto(`/simulations/new?preset=${PRESET}`);
    await expect(page.getByTestId('run-count')).toHaveText('128');
    const flows = await openGroup(page, 'flows', 'Entry, exit and role change');
    const barrier = flows.getByTestId('param-new-9s-barrier');
    await clickUntil(barrier.getByRole('radio', { name: 'Range' }), barrier.getByLabel('new-9s-barrier first'));
    await page.getByRole('radio', { name: /^Choose \(59 of \d+ chosen\)$/ }).check();
    await expect(page.getByLabel('Filter metrics')).toBeVisible();
    await noHorizontalScroll(page);
    await expect(page.getByTestId('preview-plot-community')).toBeVisible();
  });
});

test.describe('as a member', () => {
  test.use({ storageState: storageStatePath('member') });

  test('the designer answers 403 and the simulations page explains why', async ({ page }) => {
    const response = await page.goto(`/simulations/new?preset=${PRESET}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
    await page.goto('/simulations');
    await expect(page.getByText('Running experiments needs a researcher account')).toBeVisible();
    await expect(page.getByRole('link', { name: 'New experiment' })).toHaveCount(0);
    await expect(page.getByTestId('preset-list').locator(':scope > li')).toHaveCount(13);
  });
});
