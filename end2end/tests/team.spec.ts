import { Browser, expect, Page, test, TestInfo } from '@playwright/test';
import { freshEmail, jsOnly, logIn, ready } from './helpers';

/** Signs in and waits until the session is there (so the next navigation is signed in). */
async function signIn(page: Page, testInfo: TestInfo, email: string) {
  await logIn(page, testInfo, email);
  await expect(page).toHaveURL(/\/settings\/profile$/);
}

function membersSection(page: Page) {
  return page.getByRole('region', { name: 'Members' });
}

function pendingSection(page: Page) {
  return page.getByRole('region', { name: 'Pending invitations' });
}

/** On the owner's Team tab: invites `email`, as a Viewer of `brand` only, or of all brands. */
async function invite(page: Page, email: string, brand?: string) {
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite member' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Role').selectOption('Viewer');
  if (brand) {
    await dialog.getByRole('radio', { name: 'Only these brands' }).check();
    await dialog.getByRole('checkbox', { name: brand, exact: true }).check();
  }
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(pendingSection(page).getByRole('row').filter({ hasText: email })).toHaveCount(1);
}

/** The newest invitation link mailed to `email`, read from the dev mailbox. */
async function invitationLink(page: Page, email: string) {
  await page.goto('/dev/mailbox');
  const message = page.locator('article').filter({ hasText: email }).filter({ hasText: 'invited you to' }).first();
  await expect(message).toBeVisible();
  const link = message.getByRole('link', { name: /\/invite\?token=/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/invite\?token=/);
  return href!;
}

/**
 * The owner (already on /settings/team) invites a fresh Viewer of `brand` only; the invitee opens
 * the mailed link in a second browser and joins. Returns the invitee's browser, on /settings/brands.
 */
async function inviteAndJoin(page: Page, browser: Browser, testInfo: TestInfo, firstName: string, brand: string) {
  const email = freshEmail(firstName.toLowerCase(), testInfo);
  await invite(page, email, brand);

  const otherContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name === 'js' });
  const other = await otherContext.newPage();
  const link = await invitationLink(other, email);
  await other.goto(link);
  await ready(other, testInfo);
  await expect(other.getByRole('heading', { name: /^Join / })).toBeVisible();
  await other.getByLabel('First Name').fill(firstName);
  await other.getByLabel('Password').fill('a long and unusual phrase');
  await other.getByRole('button', { name: /^Join / }).click();
  // Like any sign-up, joining lands on the profile; then to the team's brands.
  await expect(other).toHaveURL(/\/settings\/profile$/);
  await other.goto('/settings/brands');
  await ready(other, testInfo);
  return { email, otherContext, other };
}

test('Free and Growth see what Scale adds, with a way to Billing', async ({ page }, testInfo) => {
  await signIn(page, testInfo, 'growth@demo.test');
  await page.goto('/settings/team');
  await expect(page.getByRole('heading', { name: 'Work on your brands together' })).toBeVisible();
  await expect(page.getByText(/Teams are part of the Scale plan/)).toBeVisible();
  const benefits = page.getByRole('listitem');
  await expect(benefits.filter({ hasText: /^Members/ })).toHaveCount(1);
  await expect(benefits.filter({ hasText: /^Roles/ })).toHaveCount(1);
  await expect(benefits.filter({ hasText: /^Per-brand access/ })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Upgrade to Scale' })).toHaveAttribute('href', '/settings/billing');
  await expect(page.getByRole('region', { name: 'Members' })).toHaveCount(0);
});

test('an invited Viewer of one brand joins from the mail and sees only that brand', async ({ page, browser }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the Invite dialog needs JavaScript');
  await signIn(page, testInfo, 'scale@demo.test');
  await page.goto('/settings/team');
  await ready(page, testInfo);
  await expect(membersSection(page).getByRole('row').filter({ hasText: 'You' })).toContainText('scale@demo.test');
  const brand = 'Acme Cloud';
  const { email, otherContext, other } = await inviteAndJoin(page, browser, testInfo, 'Ines', brand);

  const rows = other.getByRole('region', { name: 'Portfolio' }).getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(brand);
  await expect(other.getByRole('button', { name: 'Add brand' })).toHaveCount(0);

  await page.reload();
  await ready(page, testInfo);
  const member = membersSection(page).getByRole('row').filter({ hasText: email });
  await expect(member).toHaveCount(1);
  const cells = member.getByRole('cell');
  await expect(cells.nth(0)).toHaveText('Ines');
  await expect(cells.nth(2)).toHaveText('Viewer');
  await expect(cells.nth(3)).toHaveText(brand);
  await expect(pendingSection(page).getByText(email)).toHaveCount(0);
  await otherContext.close();
});

test('the invitation form refuses a missing brand choice and a bad email, keeping what was typed', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the Invite dialog needs JavaScript');
  await signIn(page, testInfo, 'scale@demo.test');
  await page.goto('/settings/team');
  await ready(page, testInfo);
  const email = freshEmail('vali', testInfo);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite member' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('radio', { name: 'Only these brands' }).check();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.locator('#invite-brands-error')).toHaveText('Choose at least one brand, or give access to all brands.');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Email')).toHaveValue(email);
  await expect(dialog.getByRole('radio', { name: 'Only these brands' })).toBeChecked();

  // The browser's own check lets this through (no dot in the domain); the app's does not.
  const bad = `vali-${Date.now()}@nowhere`;
  await dialog.getByLabel('Email').fill(bad);
  await dialog.getByRole('checkbox', { name: 'Acme Labs', exact: true }).check();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.locator('#invite-email-error')).toContainText('is not an email address');
  await expect(dialog.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.locator('#invite-brands-error')).toHaveCount(0);
  await expect(dialog.getByLabel('Email')).toHaveValue(bad);
  await expect(dialog.getByRole('checkbox', { name: 'Acme Labs', exact: true })).toBeChecked();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(pendingSection(page).getByText(email)).toHaveCount(0);
  await expect(pendingSection(page).getByText(bad)).toHaveCount(0);
});

test('a revoked invitation link no longer works', async ({ page }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the Invite dialog needs JavaScript');
  await signIn(page, testInfo, 'scale@demo.test');
  await page.goto('/settings/team');
  await ready(page, testInfo);
  const email = freshEmail('rev', testInfo);
  await invite(page, email);
  await pendingSection(page).getByRole('button', { name: `Revoke invitation to ${email}` }).click();
  await expect(page.getByText('Invitation revoked. Its link no longer works.')).toBeVisible();
  await expect(pendingSection(page).getByText(email)).toHaveCount(0);

  const mailbox = await page.context().newPage();
  const link = await invitationLink(mailbox, email);
  await mailbox.goto(link);
  await expect(mailbox.getByRole('heading', { name: 'This invitation does not work' })).toBeVisible();
  await expect(mailbox.getByLabel('Password')).toHaveCount(0);
  await mailbox.close();
});

test('a removed member disappears from the table and is signed out', async ({ page, browser }, testInfo) => {
  test.skip(jsOnly(testInfo), 'the Invite and Remove dialogs need JavaScript');
  await signIn(page, testInfo, 'scale@demo.test');
  await page.goto('/settings/team');
  await ready(page, testInfo);
  const { email, otherContext, other } = await inviteAndJoin(page, browser, testInfo, 'Rory', 'Acme Mobile');

  await page.reload();
  await ready(page, testInfo);
  const row = membersSection(page).getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: `Remove ${email}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove member' });
  await expect(dialog).toContainText(email);
  await dialog.getByRole('button', { name: 'Remove Rory' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
  await expect(page.getByText(`${email} was removed and signed out.`)).toBeVisible();
  await page.reload();
  await expect(membersSection(page).getByRole('row').filter({ hasText: email })).toHaveCount(0);

  await other.reload();
  await expect(other).toHaveURL(/\/login\?next=/);
  await otherContext.close();
});

test('a Viewer sees the members but cannot invite, change or remove anyone', async ({ page }, testInfo) => {
  await signIn(page, testInfo, 'viewer@demo.test');
  await page.goto('/settings/team');
  await ready(page, testInfo);
  const members = membersSection(page);
  await expect(members.getByRole('heading', { name: 'Members', level: 2 })).toBeVisible();
  const table = members.getByRole('table');
  for (const column of ['Name', 'Email', 'Role', 'Brand access', '2FA', 'Last active']) {
    await expect(table.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  const you = table.getByRole('row').filter({ hasText: 'viewer@demo.test' });
  await expect(you).toContainText('You');
  await expect(you).toContainText('Viewer');
  await expect(table.getByRole('row').filter({ hasText: 'agency@demo.test' })).toContainText('Owner');
  await expect(table.getByRole('row').filter({ hasText: 'admin@demo.test' })).toContainText('Admin');
  await expect(page.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Transfer ownership' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Change access of / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Resend|Revoke) invitation to / })).toHaveCount(0);
});
