import type { Browser, Page } from '@playwright/test';
import { expect, hydratingPage, test, waitForHydration } from './support/test';
import { trackConsoleErrors } from './support/console-errors';
import { storageStatePath } from './support/demo-users';
import { clickUntil } from './support/ui';

// Prioritising work the crowdfunding way, through the pages only: an admin opens a round, two
// members pledge to three needs, one need is funded, a member takes it on and finishes it, another
// member verifies it; points and thanks appear on the profile, and the ledgers show every event.

async function as(browser: Browser, user: 'staff' | 'member'): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(user), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  // goto returns once the page has hydrated: a click on a form before that does nothing.
  return hydratingPage(await context.newPage());
}

async function proposeNeed(page: Page, needsUrl: string, title: string, goal: number) {
  await page.goto(needsUrl);
  await page.getByLabel('What is needed').fill(title);
  await page.getByLabel('Effort (hours)').fill('2');
  await page.getByLabel('Goal (credits)').fill(String(goal));
  await page.getByRole('button', { name: 'Propose need' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('need-status')).toHaveText('Proposed');
  await page.getByRole('button', { name: 'Open for funding' }).click();
  await expect(page.getByTestId('need-status')).toHaveText('Open for funding');
  return page.url();
}

/** Opens the pledge dialog (once the page has hydrated) and returns it. */
async function openPledgeDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: /^Pledge to/ });
  await clickUntil(page.getByRole('button', { name: /^(Pledge|Change pledge)…$/ }), dialog);
  return dialog;
}

async function pledge(page: Page, needUrl: string, amount: number) {
  await page.goto(needUrl);
  const dialog = await openPledgeDialog(page);
  await dialog.getByLabel('Pledge (credits)').fill(String(amount));
  await dialog.getByRole('button', { name: /^(Pledge|Change pledge)$/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('my-pledge')).toHaveText(String(amount));
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

// These run in the phone project (Pixel 7's touch and user agent), on a 390 px wide screen.
const PHONE_ONLY = 'the phone project runs these, at 390 px; once is enough';

test('a round on a phone: open, pledge, fund, claim, complete, verify, thank, close', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', PHONE_ONLY);
  test.slow();
  const slug = `fund-${Date.now().toString(36)}`;
  const admin = await as(browser, 'staff');
  const member = await as(browser, 'member');
  const errors = [...trackConsoleErrors(admin), ...trackConsoleErrors(member)];

  // The admin founds a community with a project; the member joins.
  await admin.goto('/communities');
  await admin.getByLabel('Name', { exact: true }).fill(`Funding ${slug}`);
  await admin.getByLabel('Address', { exact: true }).fill(slug);
  await admin.getByRole('button', { name: 'Create community' }).click();
  await admin.waitForURL(`**/communities/${slug}`);
  await admin.getByLabel('Title', { exact: true }).fill('Garden');
  await admin.getByRole('button', { name: 'Start project' }).click();
  await admin.waitForURL(`**/communities/${slug}/projects/garden`);
  await member.goto(`/communities/${slug}`);
  await noHorizontalScroll(member);
  await member.getByRole('button', { name: 'Join community' }).click();
  await expect(member.getByRole('button', { name: 'Leave' })).toBeVisible();

  // Three needs, opened for funding.
  const needsUrl = `/communities/${slug}/projects/garden/needs`;
  const fence = await proposeNeed(admin, needsUrl, 'Mend the fence', 10);
  const seeds = await proposeNeed(admin, needsUrl, 'Buy seeds', 20);
  const shed = await proposeNeed(admin, needsUrl, 'Paint the shed', 30);
  await noHorizontalScroll(admin);

  // The admin opens a round with 20 credits per member.
  await admin.goto(`/communities/${slug}/funding`);
  await admin.getByLabel('Round name').fill('Spring round');
  await admin.getByLabel('Budget per member').fill('20');
  await admin.getByRole('button', { name: 'Open round' }).click();
  await expect(admin.getByTestId('round-balance')).toContainText('20 of 20');
  await noHorizontalScroll(admin);
  // The member hears of it in the notification centre (the admin who opened it does not).
  await member.goto('/notifications');
  await expect(member.getByText('Funding round “Spring round” is open: you have 20 credits')).toBeVisible();
  await noHorizontalScroll(member);

  // Two members pledge to three needs; the fence reaches its goal and is funded.
  await pledge(admin, fence, 6);
  await pledge(member, seeds, 3);
  await pledge(admin, shed, 2);
  // The pledge dialog refuses more than the member has and stays open with the reason; Escape
  // closes it and gives focus back to the button that opened it.
  await member.goto(fence);
  const dialog = await openPledgeDialog(member);
  await dialog.getByLabel('Pledge (credits)').fill('25');
  await dialog.getByRole('button', { name: 'Pledge', exact: true }).click();
  await expect(dialog.getByText('You have 17 credits left; this change needs 25.')).toBeVisible();
  await noHorizontalScroll(member);
  await member.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(member.getByRole('button', { name: 'Pledge…' })).toBeFocused();
  await pledge(member, fence, 4);
  await expect(member.getByTestId('need-status')).toHaveText('Funded');
  await expect(member.getByTestId('my-balance')).toHaveText('13');
  await expect(member.getByRole('progressbar').first()).toHaveAttribute('data-band', 'high');
  await noHorizontalScroll(member);

  // The member takes it on and finishes it; they cannot verify their own work; the admin does.
  await member.getByRole('button', { name: 'Take this on' }).click();
  await expect(member.getByTestId('need-status')).toHaveText('In progress');
  await expect(member.getByTestId('assignees')).toHaveText('Demo Member');
  await member.getByRole('button', { name: 'Mark done' }).click();
  await expect(member.getByTestId('need-status')).toHaveText('Done');
  await expect(member.getByRole('button', { name: 'Verify the work' })).toHaveCount(0);
  await admin.goto(fence);
  await admin.getByRole('button', { name: 'Verify the work' }).click();
  await expect(admin.getByTestId('need-status')).toHaveText('Verified');
  await expect(admin.getByTestId('transitions')).toContainText('Done → Verified');
  await admin.getByLabel('Thank Demo Member for').fill('A fence that holds!');
  await admin.getByRole('button', { name: 'Thank Demo Member' }).click();
  await expect(admin.getByText('Thanks sent.')).toBeVisible();

  // The admin features the shed, still unfunded: newcomers see it on the community's home.
  await admin.goto(shed);
  await clickUntil(admin.getByRole('button', { name: 'Feature', exact: true }), admin.getByRole('button', { name: 'Unfeature' }));
  await member.goto(`/communities/${slug}`);
  await expect(member.getByRole('region', { name: 'Featured needs' })).toContainText('Paint the shed');
  await noHorizontalScroll(member);

  // The project's needs page: the fence is finished, and who did what is listed.
  await member.goto(needsUrl);
  await expect(member.getByTestId('need-card').filter({ hasText: 'Mend the fence' })).toContainText('Verified');
  await expect(member.getByRole('region', { name: 'Who did what' })).toContainText('Demo Member finished a need Mend the fence');
  await noHorizontalScroll(member);

  // Points (2 hours × 10) and thanks on the member's profile; their contributions listed.
  await admin.goto(`/communities/${slug}/members`);
  await noHorizontalScroll(admin);
  await admin.getByRole('link', { name: 'Demo Member' }).click();
  await expect(admin.getByTestId('points')).toHaveText('20');
  await expect(admin.getByTestId('thanks')).toContainText('A fence that holds!');
  const contributions = admin.getByTestId('contributions');
  for (const line of ['was thanked', 'finished a need', 'took on a need', 'pledged to a need', 'joined the community']) await expect(contributions).toContainText(line);
  await noHorizontalScroll(admin);
  // The admin adds credits to the member's budget in the open round (13 left + 5).
  await admin.getByLabel('Credits for Demo Member').fill('5');
  await admin.getByRole('button', { name: 'Grant credits' }).click();
  await expect(admin.getByText('Demo Member now has 18 credits to pledge.')).toBeVisible();
  await member.goto(`/communities/${slug}/funding`);
  await expect(member.getByTestId('round-balance')).toContainText('18 of 25');

  // The admin closes the round: results frozen, and the ledger shows every pledge.
  await admin.goto(`/communities/${slug}/funding`);
  await admin.getByRole('button', { name: 'Close round…' }).click();
  await admin.getByRole('button', { name: 'Close round', exact: true }).click();
  await expect(admin.getByTestId('results')).toContainText('Mend the fence');
  await expect(admin.getByTestId('results').getByText('Funded', { exact: true })).toHaveCount(1);
  const ledger = admin.getByTestId('ledger');
  await expect(ledger.locator('li')).toHaveCount(4);
  await expect(ledger).toContainText('Demo Member +4 to Mend the fence');
  await expect(ledger).toContainText('Demo Staff +2 to Paint the shed');
  await noHorizontalScroll(admin);

  // The next round has earned budgets: the member's 20 points since the last round opened earn 10 credits on top of the base.
  await admin.goto(`/communities/${slug}/funding`);
  await admin.getByLabel('Round name').fill('Earned round');
  await admin.getByLabel('Budgets').selectOption('earned');
  await admin.getByLabel('Base per member').fill('2');
  await admin.getByLabel('Credits per point').fill('0.5');
  await admin.getByLabel('Most credits per member').fill('20');
  await admin.getByRole('button', { name: 'Open round' }).click();
  await expect(admin.getByText('Earned budgets: credits = min(20, 2 + 0.5 × points earned since the previous round)')).toBeVisible();
  await member.goto(`/communities/${slug}/funding`);
  await expect(member.getByTestId('round-budget-why')).toContainText('12 credits: 2 base + 10 for 20 points since the last round');

  // The admin's own profile shows the admin side of the ledger.
  await admin.goto(`/communities/${slug}/members`);
  await admin.getByRole('link', { name: 'Demo Staff' }).click();
  for (const line of ['closed a funding round', 'granted credits in a funding round', 'thanked someone', 'verified a need', 'opened a funding round', 'opened a need for funding', 'proposed a need']) {
    await expect(admin.getByTestId('contributions')).toContainText(line);
  }
  // The refused pledge answers 409 on purpose; the browser logs that status line.
  expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
});

test('the seeded needs list on a 390 px phone: no sideways scroll, progress bars in their colour bands', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', PHONE_ONLY);
  const member = await as(browser, 'member');
  const errors = trackConsoleErrors(member);
  await member.goto('/communities/p2pvalue-demo/projects/commons-handbook/needs');
  await expect(member.getByRole('heading', { level: 1, name: 'Needs' })).toBeVisible();
  await expect(member.getByTestId('need-card').first()).toBeVisible();
  await noHorizontalScroll(member);

  // Teem's bands: red below a third, amber to two thirds, green above — each drawn in its own colour.
  const colours = new Map<string, string>();
  for (const band of ['low', 'middle', 'high'] as const) {
    const bar = member.locator(`[role="progressbar"][data-band="${band}"]`).first();
    await expect(bar).toBeVisible();
    const fill = await bar.locator('div').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(fill).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    colours.set(band, fill);
  }
  expect(new Set(colours.values()).size).toBe(3);
  await expect(member.getByTestId('need-card').filter({ hasText: 'Almost there' })).not.toHaveCount(0);
  // Every card fits the screen.
  for (const box of await member.getByTestId('need-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().right))) {
    expect(box).toBeLessThanOrEqual(390);
  }

  // The funding page shows the seeded round's live totals, on the phone too.
  await member.goto('/communities/p2pvalue-demo/funding');
  await expect(member.getByTestId('round-totals')).toContainText('credits pledged by');
  await expect(member.getByTestId('round-balance')).toContainText('of 100 credits');
  await noHorizontalScroll(member);
  expect(errors).toEqual([]);
});

test('make a need from a chat message and from a document selection, with links back', async ({ browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', PHONE_ONLY);
  test.slow();
  const page = await as(browser, 'staff');
  const errors = trackConsoleErrors(page);
  const slug = `make-${Date.now().toString(36)}`;
  const trpc = async (path: string, input: unknown) => {
    const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin: baseURL! } });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()).result.data.json;
  };
  const community = await trpc('community.create', { slug, name: `Make ${slug}`, visibility: 'public', description: 'Needs from chat and documents' });
  const project = await trpc('project.create', { community: slug, slug: 'garden', title: 'Garden', shareMode: 'public' });

  // From a chat message: the message's actions offer "Make a need"; the member picks the project.
  const channels = await (await page.request.get(`/api/v1/channels?communityId=${community.id}`)).json();
  const general = channels.items.find((c: { kind: string }) => c.kind === 'general');
  const text = `Who can fix the garden tap? ${Date.now()}`;
  const sent = await page.request.post(`/api/v1/channels/${general.id}/messages`, { data: { clientId: `make-need-${Date.now()}`, body: text }, headers: { origin: baseURL! } });
  expect(sent.status(), await sent.text()).toBe(200);
  await page.goto(`/communities/${slug}/chat/${general.id}`);
  const message = page.getByTestId('chat-message').filter({ hasText: text });
  await clickUntil(message.getByRole('button', { name: 'Message actions' }), message.getByRole('button', { name: 'Make a need' }));
  await message.getByRole('button', { name: 'Make a need' }).click();
  await expect(message.getByLabel('Need for the project')).toHaveValue('garden');
  await message.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`**/communities/${slug}/projects/garden/needs?**`);
  await expect(page.getByTestId('need-form-source')).toContainText(text);
  await expect(page.getByLabel('What is needed')).toHaveValue(text);
  await page.getByLabel('Effort (hours)').fill('1');
  await page.getByLabel('Goal (credits)').fill('5');
  await page.getByRole('button', { name: 'Propose need' }).click();
  await expect(page.getByRole('heading', { level: 1, name: text })).toBeVisible();
  const fromChat = page.getByTestId('need-source');
  await expect(fromChat).toContainText('From a chat message in #general');
  await expect(fromChat.getByRole('link', { name: '#general' })).toHaveAttribute('href', new RegExp(`/chat/${general.id}\\?message=`));
  await noHorizontalScroll(page);

  // From a document selection: select the text, "Make a need" in the editor's toolbar.
  const docs = await (await page.request.get(`/api/v1/documents?project=${project.id}`)).json();
  const pad = docs.items[0];
  await page.goto(`/communities/${slug}/projects/garden/documents/${pad.id}`);
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  const line = 'Buy a ladder for the apple trees';
  await page.getByTestId('editor').click();
  await page.keyboard.type(line);
  await expect(page.getByRole('button', { name: 'Make a need' })).toBeDisabled();
  await page.keyboard.press('Shift+Home');
  await page.getByRole('button', { name: 'Make a need' }).click();
  await page.waitForURL(`**/communities/${slug}/projects/garden/needs?**`);
  await expect(page.getByTestId('need-form-source')).toContainText(line);
  await page.getByLabel('Effort (hours)').fill('2');
  await page.getByLabel('Goal (credits)').fill('15');
  await page.getByRole('button', { name: 'Propose need' }).click();
  await expect(page.getByRole('heading', { level: 1, name: line })).toBeVisible();
  await page.getByTestId('need-source').getByRole('link', { name: pad.title }).click();
  await page.waitForURL(`**/documents/${pad.id}`);
  await noHorizontalScroll(page);
  expect(errors).toEqual([]);
});

test('an admin schedules a round: it shows as scheduled, opens by itself and members hear of it', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', PHONE_ONLY);
  // The e2e worker checks for due rounds every 5 s (WORKER_ROUNDS_CHECK_SECONDS): the round opens
  // 30 to 90 s after scheduling (the form takes whole minutes).
  test.setTimeout(240_000);
  const slug = `sched-${Date.now().toString(36)}`;
  const admin = await as(browser, 'staff');
  const member = await as(browser, 'member');
  const errors = [...trackConsoleErrors(admin), ...trackConsoleErrors(member)];
  const go = async (page: Page, url: string) => waitForHydration(page, await page.goto(url));

  await go(admin, '/communities');
  await admin.getByLabel('Name', { exact: true }).fill(`Scheduled ${slug}`);
  await admin.getByLabel('Address', { exact: true }).fill(slug);
  await admin.getByRole('button', { name: 'Create community' }).click();
  await admin.waitForURL(`**/communities/${slug}`);
  await go(member, `/communities/${slug}`);
  await member.getByRole('button', { name: 'Join community' }).click();
  await expect(member.getByRole('button', { name: 'Leave' })).toBeVisible();

  // The admin sets the window: opening at the start of a minute at least 30 s ahead (browser local time).
  await go(admin, `/communities/${slug}/funding`);
  const opensAt = await admin.evaluate(() => {
    const d = new Date(Date.now() + 90_000);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
  });
  await admin.getByLabel('Round name').fill('Summer round');
  await admin.getByLabel('Opens at').fill(opensAt);
  await admin.getByLabel('Runs for (days)').fill('7');
  await admin.getByLabel('Budget per member').fill('15');
  await admin.getByRole('button', { name: 'Schedule round' }).click();

  // Scheduled: shown as the next round to everyone, no budget yet, and it can be called off.
  const upcoming = admin.getByTestId('upcoming-round');
  await expect(upcoming).toContainText('Next: Summer round');
  await expect(upcoming).toContainText('Every member then gets 15 credits');
  await expect(admin.getByRole('button', { name: 'Cancel scheduled round…' })).toBeVisible();
  await expect(admin.getByTestId('round-balance')).toHaveCount(0);
  await go(member, `/communities/${slug}/funding`);
  await expect(member.getByTestId('upcoming-round')).toContainText('Next: Summer round');
  await noHorizontalScroll(member);

  // Its opening is reflected: the round is current, with the member's budget, and nothing is upcoming.
  await expect(async () => {
    await go(member, `/communities/${slug}/funding`);
    await expect(member.getByTestId('round-balance')).toContainText('15 of 15', { timeout: 2_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  await expect(member.getByTestId('upcoming-round')).toHaveCount(0);
  await go(member, '/notifications');
  await expect(member.getByText('Funding round “Summer round” is open: you have 15 credits')).toBeVisible();
  expect(errors).toEqual([]);
});

