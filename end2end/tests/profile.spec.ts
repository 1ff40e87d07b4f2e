import { expect, test } from '@playwright/test';
import { jsOnly, ready, signUp } from './helpers';

test.describe('first name', () => {
  test('auto-saves as you type and survives a reload', async ({ page }, testInfo) => {
    test.skip(jsOnly(testInfo), 'auto-save needs JavaScript');
    await signUp(page, testInfo, 'Tess');
    const name = page.getByLabel('First Name');
    await name.fill('Theodora');
    await expect(page.getByRole('status').filter({ hasText: 'Saved' }).first()).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Signed in as Theodora');
    await page.reload();
    await expect(page.getByLabel('First Name')).toHaveValue('Theodora');
  });

  test('a reload one second after the last keystroke keeps the final value', async ({ page }, testInfo) => {
    test.skip(jsOnly(testInfo), 'auto-save needs JavaScript');
    await signUp(page, testInfo, 'Tess');
    const name = page.getByLabel('First Name');
    await name.click();
    await name.press('End');
    await name.pressSequentially('a', { delay: 20 });
    // The spec's own timing: the reload comes one second after typing stops.
    await page.waitForTimeout(1000);
    await page.reload();
    await expect(page.getByLabel('First Name')).toHaveValue('Tessa');
  });

  test('an empty name is refused next to the field and nothing is saved', async ({ page }, testInfo) => {
    test.skip(jsOnly(testInfo), 'the live check needs JavaScript');
    await signUp(page, testInfo, 'Tess');
    const name = page.getByLabel('First Name');
    await name.fill('');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#first_name-error')).toHaveText('Enter your first name.');
    await name.blur();
    await page.reload();
    await expect(page.getByLabel('First Name')).toHaveValue('Tess');
  });

  test('saves with the Save button without JavaScript', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'no-js', 'the Save button is the no-JavaScript path');
    await signUp(page, testInfo, 'Tess');
    await page.getByLabel('First Name').fill('Tamsin');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await expect(page).toHaveURL(/\/settings\/profile/);
    await expect(page.getByLabel('First Name')).toHaveValue('Tamsin');
    await expect(page.getByRole('banner')).toContainText('Signed in as Tamsin');
  });
});

test('regional settings show in the next report date', async ({ page }, testInfo) => {
  await signUp(page, testInfo, 'Rhea');
  await page.getByText('Regional Settings').click();
  await page.getByLabel('Timezone').selectOption('Asia/Tokyo');
  if (testInfo.project.name === 'no-js') {
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.getByText('Regional Settings').click();
  }
  const report = page.getByText(/Next weekly report: \d\d\/\d\d\/\d{4} 09:00 Asia\/Tokyo/);
  await expect(report).toBeVisible();
  const [, mm, dd, yyyy] = (await report.textContent())!.match(/(\d\d)\/(\d\d)\/(\d{4})/)!;
  // The weekly report goes out on Mondays.
  expect(new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd))).getUTCDay()).toBe(1);
  await page.getByLabel('Date Format').selectOption('DD/MM/YYYY');
  if (testInfo.project.name === 'no-js') {
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.getByText('Regional Settings').click();
  }
  await expect(page.getByText(`Next weekly report: ${dd}/${mm}/${yyyy} 09:00 Asia/Tokyo`)).toBeVisible();
  await page.reload();
  await page.getByText('Regional Settings').click();
  await expect(page.getByLabel('Timezone')).toHaveValue('Asia/Tokyo');
  await expect(page.getByLabel('Date Format')).toHaveValue('DD/MM/YYYY');
});

test('changing the email goes through a link in the mailbox', async ({ page, context }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the Change dialog needs JavaScript');
  const { password } = await signUp(page, testInfo, 'Milo');
  const newEmail = `moved-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  await page.getByRole('button', { name: 'Change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change email address' });
  await dialog.getByLabel('New email').fill(newEmail);
  await dialog.getByLabel('Password').fill('not my password');
  await dialog.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(dialog.locator('#change-email-password-error')).toHaveText('That is not your current password.');
  await expect(dialog.getByLabel('New email')).toHaveValue(newEmail);
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Waiting for confirmation of ${newEmail}`)).toBeVisible();

  const mailbox = await context.newPage();
  await mailbox.goto('/dev/mailbox');
  const message = mailbox.locator('article').filter({ hasText: newEmail }).filter({ hasText: 'Confirm your new' }).first();
  await message.getByRole('link').click();
  await expect(mailbox.getByRole('heading', { name: 'Email address changed' })).toBeVisible();

  await page.reload();
  await expect(page.getByText(newEmail).first()).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(newEmail);
});

test('feedback is sent from a dialog and thanked for', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the feedback dialog needs JavaScript');
  await signUp(page, testInfo, 'Fay');
  await page.getByRole('button', { name: 'Submit Feedback' }).click();
  const dialog = page.getByRole('dialog', { name: 'Submit Feedback' });
  await dialog.getByLabel('Kind').selectOption('Feature request');
  await dialog.getByLabel('Message').fill('short');
  await dialog.getByRole('button', { name: 'Send feedback' }).click();
  await expect(dialog.locator('#feedback-message-error')).toContainText('at least 10 characters');
  await dialog.getByLabel('Message').fill('Please let me export the brand table as CSV.');
  await dialog.getByRole('button', { name: 'Send feedback' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Thank you! Your feedback reached the team.')).toBeVisible();
});

test('a deleted account cannot log in again', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the deletion dialog needs JavaScript');
  const { email, password } = await signUp(page, testInfo, 'Dora');
  await page.getByText('Danger Zone').click();
  await page.getByRole('button', { name: 'Delete account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete account' });
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/account-deleted$/);
  await expect(page.getByRole('heading', { name: 'Your account is gone' })).toBeVisible();
  await page.goto('/login');
  await ready(page, testInfo);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('#password-error')).toHaveText('That email and password do not match an account.');
});
