import { expect, Page, test, TestInfo } from '@playwright/test';
import { jsOnly, logIn, PASSWORD, ready } from './helpers';

test('the portfolio is a table with a visibility sparkline per brand', async ({ page }, testInfo) => {
  await logIn(page, testInfo, 'agency@demo.test');
  await page.goto('/settings/brands');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(7);
  await expect(page.getByRole('img', { name: /Harbor Hotels visibility/ })).toBeVisible();
});

test('a restricted viewer sees one brand', async ({ page }, testInfo) => {
  await logIn(page, testInfo, 'viewer@demo.test');
  await page.goto('/settings/brands');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Add brand' })).toHaveCount(0);
});

test('adding a brand puts it in the table, active', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the Add brand dialog needs JavaScript');
  await logIn(page, testInfo, 'scale@demo.test');
  await page.goto('/settings/brands');
  await ready(page, testInfo);
  const name = `Nova ${Date.now()}`;
  await page.getByRole('button', { name: 'Add brand' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add brand' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Website').fill('not a website');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.locator('#brand-website-error')).toContainText('is not a website address');
  await dialog.getByLabel('Website').fill(`${name.replace(' ', '').toLowerCase()}.example`);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('On');
});

test('turning a brand on past the limit is refused with the limit named', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the toggle needs JavaScript');
  await logIn(page, testInfo, 'growth@demo.test');
  await page.goto('/settings/brands');
  await ready(page, testInfo);
  await page.getByRole('button', { name: 'Lumen Outdoor active' }).click();
  await expect(page.getByRole('alert')).toContainText('The Growth plan allows 1 active brand');
  await expect(page.getByRole('link', { name: 'See plans' })).toHaveAttribute('href', '/settings/billing');
});

test('importing CSV shows a preview and imports the good rows', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the Import dialog needs JavaScript');
  await logIn(page, testInfo, 'scale@demo.test');
  await page.goto('/settings/brands');
  await ready(page, testInfo);
  const stamp = Date.now();
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import brands' });
  await dialog.getByLabel('Paste CSV').fill(`name,website,aliases,location\nImported ${stamp},imported${stamp}.example,,GB\nBad row,not a website,,\n`);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByRole('table', { name: 'Import preview' });
  await expect(preview.getByRole('row')).toHaveCount(3);
  await expect(preview.getByRole('row').nth(2)).toContainText('not a website address');
  await dialog.getByRole('button', { name: 'Import 1 brand' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(`Imported ${stamp}`) })).toBeVisible();
  await expect(page.getByRole('row', { name: /Bad row/ })).toHaveCount(0);
});

test('a group is created with New group and brands move into it', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the New group dialog needs JavaScript');
  await logIn(page, testInfo, 'agency@demo.test');
  await page.goto('/settings/brands');
  await ready(page, testInfo);
  const name = `Nordics ${Date.now()}`;
  await page.getByRole('button', { name: 'New group' }).click();
  const dialog = page.getByRole('dialog', { name: 'New group' });
  await dialog.getByLabel('Group name').fill(name);
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Groups' })).toContainText(name);
  await page.getByLabel('Group of Fjord Outdoor').selectOption({ label: name });
  await expect(page.getByLabel('Group of Fjord Outdoor')).toHaveValue(/\d+/);
});

function portfolioRows(page: Page) {
  return page.getByRole('region', { name: 'Portfolio' }).getByRole('table').getByRole('row');
}

/** The visibility scores of the portfolio, top to bottom ("–" for none, read as -1). */
async function scores(page: Page) {
  const cells = await portfolioRows(page).locator('td.score').allTextContents();
  return cells.map((t) => (t.trim() === '–' ? -1 : Number(t.trim())));
}

/** As scale@demo.test on the Brands tab, adds a fresh brand and returns its name. */
async function addFreshBrand(page: Page, testInfo: TestInfo, prefix: string) {
  await logIn(page, testInfo, 'scale@demo.test');
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await page.goto('/settings/brands');
  await ready(page, testInfo);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const name = `${prefix} ${stamp}`;
  await page.getByRole('button', { name: 'Add brand' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add brand' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Website').fill(`${prefix.toLowerCase()}${stamp}.example`);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: `Edit ${name}`, exact: true })).toBeVisible();
  return name;
}

test('the Visibility header sorts by score, highest first, then lowest first', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'sorting needs JavaScript');
  await logIn(page, testInfo, 'agency@demo.test');
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await page.goto('/settings/brands');
  await ready(page, testInfo);
  const table = page.getByRole('region', { name: 'Portfolio' }).getByRole('table');
  const byName = table.getByRole('columnheader').filter({ has: page.getByRole('button', { name: 'Brand', exact: true }) });
  const byScore = table.getByRole('columnheader').filter({ has: page.getByRole('button', { name: 'Visibility', exact: true }) });
  await expect(byName).toHaveAttribute('aria-sort', 'ascending');
  await expect(byScore).toHaveAttribute('aria-sort', 'none');
  await expect(portfolioRows(page)).toHaveCount(7);

  await byScore.getByRole('button').click();
  await expect(byScore).toHaveAttribute('aria-sort', 'descending');
  await expect(byName).toHaveAttribute('aria-sort', 'none');
  await expect.poll(async () => { const s = await scores(page); return s[0] > s[s.length - 1]; }).toBe(true);
  const descending = await scores(page);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  const topBrand = await portfolioRows(page).nth(1).locator('td').first().textContent();

  await byScore.getByRole('button').click();
  await expect(byScore).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(async () => { const s = await scores(page); return s[0] < s[s.length - 1]; }).toBe(true);
  const ascending = await scores(page);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await expect(portfolioRows(page).last().locator('td').first()).toHaveText(topBrand!);
});

test('editing a brand refuses a bad location, keeps the typed values, then saves aliases and market', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the Edit brand dialog needs JavaScript');
  const name = await addFreshBrand(page, testInfo, 'Edited');
  await page.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit brand' });
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue(name);
  await dialog.getByLabel('Aliases').fill('Alpha; alpha; Beta');
  await dialog.getByLabel('Location').fill('Mars');
  await dialog.getByLabel('Market').fill('Trail running');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.locator('#edit-location-error')).toContainText('is not a two-letter country code');
  await expect(dialog.getByLabel('Location')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Location')).toHaveValue('Mars');
  await expect(dialog.getByLabel('Aliases')).toHaveValue('Alpha; alpha; Beta');
  await expect(dialog.getByLabel('Market')).toHaveValue('Trail running');
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue(name);

  await dialog.getByLabel('Location').fill('GB');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = portfolioRows(page).filter({ hasText: name });
  await expect(row).toContainText('Also: Alpha, Beta');
  await expect(row.locator('td.market')).toContainText('Trail running');
  await expect(row.locator('td.market .sub')).toHaveText('GB');
  await page.reload();
  await expect(portfolioRows(page).filter({ hasText: name })).toContainText('Also: Alpha, Beta');
});

test('deleting a brand asks for the password and refuses a wrong one', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the Edit and Delete brand dialogs need JavaScript');
  const name = await addFreshBrand(page, testInfo, 'Doomed');
  await page.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit brand' });
  await edit.getByRole('button', { name: 'Delete brand' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete brand' });
  await expect(dialog).toContainText(name);
  await dialog.getByLabel('Password').fill('not my password');
  await dialog.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(dialog.locator('#delete-brand-password-error')).toHaveText('That is not your current password.');
  await expect(dialog.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(portfolioRows(page).filter({ hasText: name })).toHaveCount(1);

  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(dialog).toBeHidden();
  await expect(edit).toBeHidden();
  await expect(portfolioRows(page).filter({ hasText: name })).toHaveCount(0);
  await page.reload();
  await expect(portfolioRows(page).filter({ hasText: name })).toHaveCount(0);
});
