import { expect, test } from '@playwright/test';
import { logIn, ready, signUp } from './helpers';

test('changing the password signs out the other device and keeps this one', async ({ page, browser }, testInfo) => {
  const { email, password } = await signUp(page, testInfo, 'Sela');
  const otherContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name === 'js' });
  const other = await otherContext.newPage();
  await logIn(other, testInfo, email, password);
  await expect(other).toHaveURL(/\/settings\/profile$/);

  await page.goto('/settings/security');
  await ready(page, testInfo);
  const section = page.getByRole('region', { name: 'Password' });
  await section.getByLabel('Current password').fill('not my password');
  await section.getByLabel('New password').fill('another long phrase');
  await section.getByLabel('Confirm password').fill('another long phrase');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#current_password-error')).toHaveText('That is not your current password.');

  await section.getByLabel('Current password').fill(password);
  await section.getByLabel('New password').fill('another long phrase');
  await section.getByLabel('Confirm password').fill('another long phrase');
  await section.getByRole('button', { name: 'Change password' }).click();
  if (testInfo.project.name === 'js') {
    await expect(page.getByText('Your password was changed.')).toBeVisible();
  }
  // The refusal's error is gone once the post has come back (without JavaScript: a new page), so
  // the reload below never races the form's own navigation.
  await expect(page.locator('#current_password-error')).toHaveCount(0);
  await page.waitForLoadState('load');
  await page.reload();
  // Still signed in here (a form post without JavaScript comes back with an empty query).
  await expect(page).toHaveURL(/\/settings\/security\??$/);

  await other.goto('/settings/profile');
  await expect(other).toHaveURL(/\/login\?next=/);
  await logIn(other, testInfo, email, 'another long phrase');
  await expect(other).toHaveURL(/\/settings\/profile$/);
  await otherContext.close();
});

test('active sessions mark this device, and Sign Out Everywhere ends the others', async ({ page, browser }, testInfo) => {
  const { email, password } = await signUp(page, testInfo, 'Omar');
  const otherContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name === 'js' });
  const other = await otherContext.newPage();
  await logIn(other, testInfo, email, password);
  await expect(other).toHaveURL(/\/settings\/profile$/);

  await page.goto('/settings/security');
  await ready(page, testInfo);
  const sessions = page.getByRole('region', { name: 'Active Sessions' });
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions.getByRole('listitem').filter({ hasText: 'This device' })).toHaveCount(1);
  await expect(sessions.getByRole('listitem').first()).toContainText('Local network');
  await sessions.getByRole('button', { name: 'Sign Out Everywhere' }).click();
  await expect(sessions.getByRole('listitem')).toHaveCount(1);
  await expect(sessions.getByRole('listitem')).toContainText('This device');

  await other.goto('/settings/profile');
  await expect(other).toHaveURL(/\/login\?next=/);
  await page.goto('/settings/profile');
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await otherContext.close();
});

test('the security log lists failed and successful sign-ins', async ({ page }, testInfo) => {
  const { email, password } = await signUp(page, testInfo, 'Lena');
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, testInfo, email, 'a wrong guess');
  await expect(page.locator('#password-error')).toBeVisible();
  await logIn(page, testInfo, email, password);
  await page.goto('/settings/security');
  const log = page.getByRole('region', { name: 'Security log' });
  const rows = log.getByRole('row');
  await expect(rows.nth(1)).toContainText('Signed in');
  await expect(rows.nth(2)).toContainText('Failed sign-in');
  await expect(rows.nth(2)).toContainText('127.0.0.1');
});
