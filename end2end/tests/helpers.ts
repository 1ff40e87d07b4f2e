import { expect, Page, TestInfo } from '@playwright/test';

export const PASSWORD = 'demo-password';

/** With JavaScript on, wait until the WASM bundle has hydrated the page. */
export async function ready(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name === 'js') {
    // The debug WASM bundle is large; under a loaded CI machine it can take a while to compile.
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1, { timeout: 60_000 });
  }
}

export async function logIn(page: Page, testInfo: TestInfo, email: string, password = PASSWORD) {
  await page.goto('/login');
  await ready(page, testInfo);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export function settingsNav(page: Page) {
  return page.getByRole('navigation', { name: 'Settings' });
}

export async function tabLabels(page: Page): Promise<string[]> {
  const links = settingsNav(page).getByRole('link');
  return (await links.allTextContents()).map((t) => t.trim());
}

/** A unique address for accounts a test creates. */
export function freshEmail(prefix: string, testInfo: TestInfo) {
  return `${prefix}-${testInfo.project.name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

/** Signs up a fresh account (so tests that change things never touch the demo accounts). */
export async function signUp(page: Page, testInfo: TestInfo, firstName = 'Tess', password = 'a long and unusual phrase') {
  const email = freshEmail(firstName.toLowerCase(), testInfo);
  await page.goto('/signup');
  await ready(page, testInfo);
  await page.getByLabel('First Name').fill(firstName);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await ready(page, testInfo);
  return { email, password };
}

export const jsOnly = (testInfo: TestInfo) => testInfo.project.name !== 'js';
