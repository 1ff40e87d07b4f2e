import { expect, Page, TestInfo, test } from '@playwright/test';
import { jsOnly, logIn, ready, signUp } from './helpers';
import { totp } from './totp';

async function enableTwoFactor(page: Page, testInfo: TestInfo, password: string) {
  await page.goto('/settings/security');
  await ready(page, testInfo);
  await page.getByRole('button', { name: 'Enable' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set up two-factor authentication' });
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  const text = await dialog.getByText(/Setup key/).textContent();
  const secret = text!.match(/Setup key\s*([A-Z2-7]{32})/)![1];
  await dialog.getByLabel('Authentication code').fill(totp(secret));
  await dialog.getByRole('button', { name: 'Turn on' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  return { secret, recovery: (await codes.allTextContents()).map((c) => c.trim()) };
}

test('two-factor: enable with the Setup key, then sign in with a code and with a recovery code', async ({ page, browser }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the setup dialog needs JavaScript');
  const { email, password } = await signUp(page, testInfo, 'Tova');
  const { secret, recovery } = await enableTwoFactor(page, testInfo, password);
  await expect(page.getByText('Recovery codes: 10 left')).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await logIn(other, testInfo, email, password);
  await expect(other).toHaveURL(/\/login\/2fa$/);
  await other.getByLabel('Authentication code').fill(totp(secret, 1));
  await other.getByRole('button', { name: 'Verify' }).click();
  await expect(other).toHaveURL(/\/settings\/profile$/);

  const third = await (await browser.newContext()).newPage();
  await logIn(third, testInfo, email, password);
  await third.getByRole('link', { name: 'Use a recovery code' }).click();
  await third.getByLabel('Recovery code').fill(recovery[0]);
  await third.getByRole('button', { name: 'Verify' }).click();
  await expect(third).toHaveURL(/\/settings\/profile$/);
});

test('two-factor: a wrong code is refused next to the field', async ({ page, browser }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the setup dialog needs JavaScript');
  const { email, password } = await signUp(page, testInfo, 'Ugo');
  await enableTwoFactor(page, testInfo, password);
  const other = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await other.goto('/login');
  await other.getByLabel('Email').fill(email);
  await other.getByLabel('Password').fill(password);
  await other.getByRole('button', { name: 'Log in' }).click();
  await other.getByLabel('Authentication code').fill('000000');
  await other.getByRole('button', { name: 'Verify' }).click();
  await expect(other.locator('#code-error')).toContainText('That code is not right');
  await expect(other).toHaveURL(/\/login\/2fa$/);
});
