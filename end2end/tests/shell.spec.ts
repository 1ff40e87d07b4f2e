import { expect, test } from '@playwright/test';
import { logIn, ready, settingsNav, tabLabels } from './helpers';

const TABS: Record<string, string[]> = {
  'free@demo.test': ['Profile', 'Brands', 'Team', 'Upgrade', 'Security', 'Developer'],
  'growth@demo.test': ['Profile', 'Brands', 'Team', 'Billing', 'Enterprise', 'Security', 'Developer'],
  'scale@demo.test': ['Profile', 'Brands', 'Team', 'Billing', 'Enterprise', 'Security', 'Developer', 'Referral'],
  'agency@demo.test': [
    'Profile', 'Brands', 'Team', 'Agency', 'White-Label', 'Billing', 'Enterprise', 'Security', 'Developer', 'Referral',
  ],
  'admin@demo.test': ['Profile', 'Brands', 'Team', 'Agency', 'White-Label', 'Billing', 'Enterprise', 'Security', 'Developer'],
  'viewer@demo.test': ['Profile', 'Brands', 'Team', 'Agency', 'White-Label', 'Billing', 'Enterprise', 'Security', 'Developer'],
  'beta@demo.test': ['Profile', 'Brands', 'Team', 'Billing', 'Enterprise', 'Security', 'Developer'],
};

for (const [email, expected] of Object.entries(TABS)) {
  test(`${email} sees exactly their tabs`, async ({ page }, testInfo) => {
    await logIn(page, testInfo, email);
    await expect(page).toHaveURL(/\/settings\/profile$/);
    await expect(settingsNav(page)).toBeVisible();
    expect(await tabLabels(page)).toEqual(expected);
    await expect(settingsNav(page).getByRole('link', { name: 'Profile' })).toHaveAttribute('aria-current', 'page');
  });
}

test('moving between tabs marks the current one', async ({ page }, testInfo) => {
  await logIn(page, testInfo, 'scale@demo.test');
  await ready(page, testInfo);
  await settingsNav(page).getByRole('link', { name: 'Security' }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  await expect(settingsNav(page).getByRole('link', { name: 'Security' })).toHaveAttribute('aria-current', 'page');
  await expect(settingsNav(page).getByRole('link', { name: 'Profile' })).not.toHaveAttribute('aria-current', 'page');
});

test('a tab the plan hides answers 404 and links back', async ({ page }, testInfo) => {
  await logIn(page, testInfo, 'free@demo.test');
  const response = await page.goto('/settings/agency');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('not available on your current plan or role')).toBeVisible();
  await page.getByRole('link', { name: 'Back to Settings' }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
});

test('/settings goes to the profile tab', async ({ page }, testInfo) => {
  await logIn(page, testInfo, 'growth@demo.test');
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
});

test('the header says who is signed in', async ({ page }, testInfo) => {
  await logIn(page, testInfo, 'agency@demo.test');
  await expect(page.getByRole('banner')).toContainText('Signed in as Ava');
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
});
