import { expect, test } from '@playwright/test';
import { jsOnly, logIn, ready } from './helpers';

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
