import { expect, test } from '@playwright/test';
import { freshEmail, logIn, ready, settingsNav, tabLabels } from './helpers';

test('a settings page sends a stranger to log in and back again', async ({ page }, testInfo) => {
  await page.goto('/settings/security');
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fsecurity$/);
  await ready(page, testInfo);
  await page.getByLabel('Email').fill('scale@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
});

test('a wrong password is refused next to the field and keeps the email', async ({ page }, testInfo) => {
  await logIn(page, testInfo, 'growth@demo.test', 'not-the-password');
  await expect(page).toHaveURL(/\/login/);
  const password = page.getByLabel('Password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#password-error')).toHaveText('That email and password do not match an account.');
  await expect(page.getByLabel('Email')).toHaveValue('growth@demo.test');
});

test('logging out ends the session', async ({ page }, testInfo) => {
  await logIn(page, testInfo, 'beta@demo.test');
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await ready(page, testInfo);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/settings/profile');
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('signing up starts a Free account, signed in at once', async ({ page }, testInfo) => {
  const email = freshEmail('new', testInfo);
  await page.goto('/signup');
  await ready(page, testInfo);
  await page.getByLabel('First Name').fill('Nora');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long and unusual phrase');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByRole('banner')).toContainText('Signed in as Nora');
  expect(await tabLabels(page)).toEqual(['Profile', 'Brands', 'Team', 'Upgrade', 'Security', 'Developer']);
  await expect(settingsNav(page)).toBeVisible();
});

test('sign-up refuses a common password and keeps what was typed', async ({ page }, testInfo) => {
  const email = freshEmail('weak', testInfo);
  await page.goto('/signup');
  await ready(page, testInfo);
  await page.getByLabel('First Name').fill('Otto');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('password123');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#password-error')).toContainText('too common');
  await expect(page.getByLabel('First Name')).toHaveValue('Otto');
  await expect(page.getByLabel('Email')).toHaveValue(email);
});

test('sign-up refuses an email that already has an account', async ({ page }, testInfo) => {
  await page.goto('/signup');
  await ready(page, testInfo);
  await page.getByLabel('First Name').fill('Copy');
  await page.getByLabel('Email').fill('free@demo.test');
  await page.getByLabel('Password').fill('a long and unusual phrase');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.locator('#email-error')).toContainText('already exists');
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-describedby', 'email-error');
});
