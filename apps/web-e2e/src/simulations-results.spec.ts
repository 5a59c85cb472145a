import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { trackConsoleErrors } from './support/console-errors';
import { storageStatePath } from './support/demo-users';
import { chooseOption, clickUntil } from './support/ui';

// A researcher's experiment page: live progress to completion, plots, CSV download, cancel and
// run again, per-run cancel, and who may see it. The e2e script runs a real worker.
test.use({ storageState: storageStatePath('researcher') });
test.describe.configure({ mode: 'serial' });

// offline21sep_QuickDeath cut down: two conditions (platform features off / on), few reps and ticks.
const SMALL = {
  name: 'offline21sep_QuickDeath',
  repetitions: 2,
  steps: 60,
  metrics: ['count_1s', 'count_9s', 'count_90s', 'pct_1s'],
  enumerated: { 'community-type': ['offline'], 'platform-features': [false, true] },
  seed: 2121,
};
// Long enough that it is still going when the test cancels it.
const LONG = { ...SMALL, name: 'long sweep to cancel', repetitions: 10, steps: 5_000 };

async function submit(request: APIRequestContext, baseURL: string, design: object): Promise<string> {
  // The session cookie authenticates; the Origin header is what a browser would send.
  const response = await request.post('/api/v1/experiments', { data: design, headers: { origin: new URL(baseURL).origin } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const progress = (page: Page) => page.getByTestId('experiment-progress');

test('a researcher follows an experiment to the end, sees its plots and downloads the CSV', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  const id = await submit(page.request, baseURL!, SMALL);

  await page.goto(`/simulations/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: SMALL.name })).toBeVisible();
  await expect(page.getByText('Root seed').first()).toBeVisible();
  await expect(page.getByText(/Preset\s+offline21sep_QuickDeath/).first()).toBeVisible();

  // Progress arrives without a reload and stops at completed.
  await expect(progress(page).getByText('completed', { exact: true })).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('runs-done')).toHaveText('4');
  await expect(page.getByTestId('progress-percent')).toHaveText('100%');
  await expect(page.getByRole('progressbar', { name: 'Experiment progress' })).toHaveAttribute('aria-valuenow', '100');

  // The page redraws itself with the results: the mean ± 95% band over ticks and the final values.
  await expect(page.getByTestId('chart-over-ticks').getByRole('img', { name: /count_1s: mean and 95% interval/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('chart-final').getByRole('img', { name: /count_1s: mean final value/ })).toBeVisible();
  await expect(page.getByTestId('condition-row')).toHaveCount(2);
  await expect(page.getByTestId('run-row')).toHaveCount(4);
  await expect(page.getByTestId('run-row').filter({ hasText: 'completed' })).toHaveCount(4);

  await chooseOption(page, page.getByRole('combobox', { name: 'Metric' }), 'count_9s');
  await expect(page).toHaveURL(/metric=count_9s/);
  await expect(page.getByTestId('chart-over-ticks').getByRole('img', { name: /count_9s: mean and 95% interval/ })).toBeVisible();

  // The CSV: BehaviorSpace table layout, one row per run and recorded tick.
  const json = (await (await page.request.get(`/api/v1/experiments/${id}/results.json`)).json()) as { runs: { series: { metrics: Record<string, unknown[]> } }[] };
  const expectedRows = json.runs.reduce((n, run) => n + (run.series.metrics.count_1s?.length ?? 0), 0);
  expect(expectedRows).toBeGreaterThanOrEqual(4);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('offline21sep-quickdeath-results.csv');
  const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\n');
  expect(lines[0]).toBe('[run number],condition,repetition,seed,community-type,platform-features,[step],count_1s,count_9s,count_90s,pct_1s');
  expect(lines).toHaveLength(1 + expectedRows);
  expect(lines[1]).toMatch(/^1,1,1,\d+,offline,false,0,/);

  await expectNoHorizontalOverflow(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId('chart-over-ticks')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  expect(errors).toEqual([]);
});

test('a researcher cancels a queued experiment, runs it again and cancels one run', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const id = await submit(page.request, baseURL!, LONG);
  await page.goto(`/simulations/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: LONG.name })).toBeVisible();

  const dialog = page.getByRole('dialog', { name: 'Cancel this experiment?' });
  await clickUntil(page.getByRole('button', { name: 'Cancel experiment' }), dialog);
  await dialog.getByRole('button', { name: 'Cancel experiment' }).click();
  await expect(dialog).toBeHidden();
  await expect(progress(page).getByText('cancelled', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel experiment' })).toHaveCount(0);

  // Run again: the same design as a new experiment, queued at once.
  const again = page.getByRole('dialog', { name: 'Run this experiment again?' });
  await clickUntil(page.getByRole('button', { name: 'Run again' }), again);
  await again.getByRole('button', { name: 'Queue it again' }).click();
  await expect(page).not.toHaveURL(new RegExp(id));
  await expect(page).toHaveURL(/\/simulations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: LONG.name })).toBeVisible();
  await expect(progress(page).getByText(/^(queued|running)$/)).toBeVisible();
  await expect(page.getByText('20 runs · page 1 of 1')).toBeVisible();

  // One run cancelled on its own; the others go on.
  const runDialog = page.getByRole('dialog', { name: 'Cancel run 20?' });
  await clickUntil(page.getByRole('button', { name: 'Cancel run 20' }), runDialog);
  await runDialog.getByRole('button', { name: 'Cancel run' }).click();
  await expect(page.getByTestId('run-row').filter({ hasText: /^20/ }).getByText('cancelled')).toBeVisible();
  await expect(page.getByTestId('runs-cancelled')).toHaveText('1');

  // Leave the worker free for the other tests.
  const dialog2 = page.getByRole('dialog', { name: 'Cancel this experiment?' });
  await clickUntil(page.getByRole('button', { name: 'Cancel experiment' }), dialog2);
  await dialog2.getByRole('button', { name: 'Cancel experiment' }).click();
  await expect(progress(page).getByText('cancelled', { exact: true })).toBeVisible();
});

test('other accounts cannot see an experiment, and the results need a sign-in', async ({ page, baseURL, browser }) => {
  const id = await submit(page.request, baseURL!, { ...SMALL, name: 'private experiment', repetitions: 1, steps: 5 });
  for (const user of ['member'] as const) {
    const context = await browser.newContext({ baseURL: baseURL!, storageState: storageStatePath(user) });
    const other = await context.newPage();
    const response = await other.goto(`/simulations/${id}`);
    expect(response?.status()).toBe(404);
    await expect(other.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible();
    expect((await other.request.get(`/api/v1/experiments/${id}/results.csv`)).status()).toBe(404);
    await context.close();
  }
  // Contexts made in a test inherit its storage state: this one is explicitly signed out.
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect((await anonymous.request.get(`${baseURL}/api/v1/experiments/${id}/results.csv`)).status()).toBe(401);
  await anonymous.close();
});
