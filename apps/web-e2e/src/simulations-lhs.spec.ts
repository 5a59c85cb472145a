import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { trackConsoleErrors } from './support/console-errors';
import { storageStatePath } from './support/demo-users';
import { clickUntil } from './support/ui';

// A sensitivity study (issue 8): the researcher switches the designer to a Latin hypercube, picks
// two parameters and their ranges, sees the run count follow the samples, exports the design with
// its `lhs`, queues it, and sees the PRCC charts (with their tables) once the worker is done.
test.use({ storageState: storageStatePath('researcher') });

test('designs a small Latin-hypercube experiment, queues it and sees the PRCC chart', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'queues an experiment; one viewport is enough');
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/simulations/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New experiment' })).toBeVisible();
  await expect(page.getByTestId('run-count')).toHaveText('1');

  const name = `LHS e2e ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Ticks per run').fill('30');
  await page.getByLabel('Root seed').fill('5');

  const panel = page.getByTestId('lhs-panel');
  await clickUntil(page.getByRole('radio', { name: 'Sensitivity (Latin hypercube)' }), panel);
  // No parameter sampled yet: refused with the reason, nothing to queue.
  await expect(panel.getByTestId('field-error')).toContainText('Choose at least one parameter to sample');
  await expect(page.getByRole('button', { name: /^Queue/ })).toBeDisabled();

  await panel.getByLabel('Sample another parameter').selectOption('initial-number-9s');
  await panel.getByRole('button', { name: 'Add' }).click();
  const nines = panel.getByTestId('lhs-param-initial-number-9s');
  await nines.getByLabel('Minimum of initial-number-9s').fill('5');
  await nines.getByLabel('Maximum of initial-number-9s').fill('40');
  await panel.getByLabel('Sample another parameter').selectOption('chance-9s-exit');
  await panel.getByRole('button', { name: 'Add' }).click();
  const exit = panel.getByTestId('lhs-param-chance-9s-exit');
  // Out of the parameter's range: refused next to the field, naming the parameter.
  await exit.getByLabel('Maximum of chance-9s-exit').fill('3');
  await expect(exit.getByTestId('field-error')).toContainText('parameter "chance-9s-exit" must be in [0, 1], got 3');
  await exit.getByLabel('Maximum of chance-9s-exit').fill('0.2');
  await exit.getByLabel('Minimum of chance-9s-exit').fill('0.01');
  await expect(exit.getByTestId('field-error')).toHaveCount(0);

  // The run count follows the samples (× 1 repetition).
  await panel.getByLabel('Samples').fill('8');
  await expect(page.getByTestId('run-count')).toHaveText('8');
  await panel.getByLabel('Samples').fill('10');
  await expect(page.getByTestId('run-count')).toHaveText('10');
  await expect(page.getByTestId('estimate')).toContainText('≈');

  // The exported design carries the hypercube.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-design').click();
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8')) as Record<string, unknown>;
  expect(exported).toMatchObject({
    name,
    totalRuns: 10,
    lhs: { samples: 10, parameters: { 'initial-number-9s': { min: 5, max: 40 }, 'chance-9s-exit': { min: 0.01, max: 0.2 } } },
  });

  expect(errors).toEqual([]);
  await page.getByRole('button', { name: 'Queue 10 runs' }).click();
  // The experiment page renders on the server; under load that takes a while.
  await expect(page).toHaveURL(/\/simulations\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByText('10 Latin-hypercube samples', { exact: false })).toBeVisible();
  await expect(page.getByTestId('experiment-progress').getByText('completed', { exact: true })).toBeVisible({ timeout: 180_000 });

  // The page redraws itself with the sensitivity analysis: a PRCC chart per output, numbers in a table.
  const charts = page.getByTestId('prcc-chart');
  await expect(charts.first().getByRole('img', { name: /PRCC of the final count_1s with each sampled parameter/ })).toBeVisible({ timeout: 30_000 });
  await expect(charts.filter({ hasText: 'count_9s' }).getByTestId('prcc-row')).toHaveCount(2);
  const ninesRow = charts.filter({ hasText: 'count_9s' }).getByTestId('prcc-row').filter({ hasText: 'initial-number-9s' });
  await expect(ninesRow).toBeVisible();
  // The table shows the server's coefficient (the same numbers scripts get from the REST API).
  const id = new URL(page.url()).pathname.split('/').at(-1);
  const api = (await (await page.request.get(`/api/v1/experiments/${id}/sensitivity?metrics=count_9s`)).json()) as {
    completedRuns: number;
    outputs: { coefficients: { parameter: string; prcc: number | null }[] }[];
  };
  expect(api.completedRuns).toBe(10);
  const expected = api.outputs[0]?.coefficients.find((c) => c.parameter === 'initial-number-9s')?.prcc;
  expect(typeof expected).toBe('number');
  const shown = Number((await ninesRow.getByRole('cell').nth(1).textContent())?.trim());
  expect(shown).toBeGreaterThanOrEqual(-1);
  expect(shown).toBeLessThanOrEqual(1);
  expect(Math.abs(shown - (expected as number))).toBeLessThan(0.0006);

  // Two samples compared side by side, with the difference of the final means.
  await expect(page.getByTestId('compared-conditions')).toBeVisible();
  await expect(page.getByTestId('compare-row').first()).toBeVisible();
  expect(errors).toEqual([]);
});
