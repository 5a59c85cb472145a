import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { trackConsoleErrors } from './support/console-errors';
import { storageStatePath } from './support/demo-users';
import { clickUntil } from './support/ui';

// Live progress over socket.io (issue 8): the experiment page joins the experiment's room and the
// progress bar moves with no status polling; a cancelled experiment resumes. The designer shows
// the researcher's allowance; staff see the queue dashboard. The e2e script runs a real worker.
// One run that lasts minutes, far longer than the test watches it (it is cancelled): the final
// variant at ten times the default population does not stop early (as in the worker-kill fault
// scenario) and computes a few dozen ticks a second. With the model defaults the community can
// die out, and the run end, before the cancel lands.
const LIVE = {
  name: 'live progress',
  repetitions: 1,
  steps: 20_000,
  variant: 'final',
  metrics: ['count_1s', 'count_9s'],
  enumerated: { 'initial-number-1s': [20], 'initial-number-9s': [200], 'initial-number-90s': [2000] },
  seed: 31,
};

async function submit(request: APIRequestContext, baseURL: string, design: object): Promise<string> {
  const response = await request.post('/api/v1/experiments', { data: design, headers: { origin: new URL(baseURL).origin } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

const percent = async (page: Page) => Number(await page.getByRole('progressbar', { name: 'Experiment progress' }).getAttribute('aria-valuenow'));

async function cancel(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Cancel this experiment?' });
  await clickUntil(page.getByRole('button', { name: 'Cancel experiment' }), dialog);
  await dialog.getByRole('button', { name: 'Cancel experiment' }).click();
  // A loaded machine (the worker computing on both cores) answers slowly.
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('experiment-progress').getByText('cancelled', { exact: true })).toBeVisible({ timeout: 30_000 });
}

test.describe('as a researcher', () => {
  test.use({ storageState: storageStatePath('researcher') });

  test('progress is pushed live, without polling; a cancelled experiment resumes', async ({ page, baseURL }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'runs an experiment on the shared worker');
    test.setTimeout(180_000);
    const errors = trackConsoleErrors(page);
    const id = await submit(page.request, baseURL!, LIVE);
    const statusPolls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('experiment.status')) statusPolls.push(request.url());
    });

    await page.goto(`/simulations/${id}`);
    await expect(page.getByTestId('progress-mode')).toHaveText('Live', { timeout: 20_000 });
    // The run starts and its ticks arrive by themselves; the status is not polled meanwhile.
    await expect.poll(() => percent(page), { timeout: 90_000 }).toBeGreaterThan(0);
    const first = await percent(page);
    const pollsBefore = statusPolls.length;
    await expect.poll(() => percent(page), { timeout: 60_000 }).toBeGreaterThan(first);
    const second = await percent(page);
    expect(second).toBeLessThan(100);
    expect(statusPolls.length - pollsBefore, 'no status polling while live').toBeLessThanOrEqual(1);
    await expect(page.getByTestId('runs-running')).toHaveText('1');

    await cancel(page);
    await expect(page.getByTestId('runs-cancelled')).toHaveText('1');

    // Resume: the cancelled run is queued again (from tick 0, same seed) and followed live again.
    const dialog = page.getByRole('dialog', { name: 'Resume this experiment?' });
    await clickUntil(page.getByRole('button', { name: 'Resume' }), dialog);
    await dialog.getByRole('button', { name: 'Resume experiment' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId('experiment-progress').getByText(/^(queued|running)$/)).toBeVisible();
    await expect(page.getByTestId('runs-cancelled')).toHaveText('0');
    await expect(page.getByTestId('progress-mode')).toHaveText('Live', { timeout: 20_000 });
    await expect.poll(() => percent(page), { timeout: 90_000 }).toBeGreaterThan(0);

    // Leave the worker free for the other tests.
    await cancel(page);

    // Duplicate and edit: the designer opens with this design (renamed as a copy).
    await page.getByRole('link', { name: 'Duplicate and edit' }).click();
    await expect(page).toHaveURL(new RegExp(`/simulations/new\\?from=${id}$`), { timeout: 30_000 });
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`${LIVE.name} (copy)`);
    await expect(page.getByLabel('Ticks per run')).toHaveValue(String(LIVE.steps));
    await expect(page.getByLabel('Root seed')).toHaveValue(String(LIVE.seed));
    await expect(page.getByTestId('run-count')).toHaveText('1');
    expect(errors).toEqual([]);
  });

  test('the designer shows what may still be queued', async ({ page }) => {
    await page.goto('/simulations/new');
    await expect(page.getByTestId('allowance')).toHaveText(/You can queue [\d,]+ more runs? now \([\d,]+ of 20,000 queued or running\), at most 100,000 ticks per run\./);
    await expect(page.getByTestId('allowance-problem')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Queue 1 run' })).toBeEnabled();
  });

  test('the queue dashboard is for staff only', async ({ page }) => {
    const response = await page.goto('/admin/simulations');
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId('simulation-queue')).toHaveCount(0);
  });
});

test.describe('as staff', () => {
  test.use({ storageState: storageStatePath('staff') });

  test('the queue dashboard shows the counts, the worker, and usage against the limits', async ({ page }) => {
    await page.goto('/admin');
    await page.getByRole('link', { name: 'simulation queue' }).click();
    await expect(page).toHaveURL(/\/admin\/simulations$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Simulation queue' })).toBeVisible();
    const dashboard = page.getByTestId('simulation-queue');
    for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) await expect(dashboard.getByTestId(`queue-${state}`)).toHaveText(/^\d[\d,]*$/);
    // The e2e script's one worker, with its host and pid.
    await expect(dashboard.getByRole('cell', { name: /^\d+$/ }).first()).toBeVisible();
    await expect(dashboard.getByTestId('no-workers')).toHaveCount(0);
    await expect(dashboard.getByText('(EXPERIMENT_MAX_ACTIVE_RUNS)')).toBeVisible();
  });
});
