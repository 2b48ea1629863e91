import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage, screenshot, signInWithPassword } from '../support/e2e-browser';
import { startE2eServer, TEST_PASSWORD, type E2eServer } from '../support/e2e-server';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('a wrong password shows the API message on the sign-in page', async () => {
  const { owner } = await server.createTenant();
  const { context, page } = await newPage(browser, server.baseUrl);
  await signInWithPassword(page, owner.email, 'not-the-password');
  await page.getByRole('alert').waitFor();
  expect((await page.getByRole('alert').innerText()).length).toBeGreaterThan(5);
  await screenshot(page, 'sign-in-error');
  await context.close();
});

test('the owner invites staff, creates and revokes an API token, reads the audit log and changes security settings', async () => {
  const { owner } = await server.createTenant('Northwind IT');
  const { context, page } = await newPage(browser, server.baseUrl);
  await signInWithPassword(page, owner.email, TEST_PASSWORD);
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });

  // Users & roles: invite a technician, see the link to copy.
  await nav.getByRole('link', { name: 'Users & roles' }).click();
  await page.getByRole('table', { name: 'Staff' }).getByText(owner.email).waitFor();
  await page.getByRole('button', { name: 'Invite staff' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite staff' });
  await invite.getByLabel(/^Name/).fill('Tom Technician');
  await invite.getByLabel(/^E-mail/).fill('tom@northwind.test');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  const link = await invite.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  expect(link).toContain('/invite/');
  await invite.getByRole('button', { name: 'Done' }).click();
  await invite.waitFor({ state: 'hidden' });
  await screenshot(page, 'users');

  // API tokens: the token is shown once, then revoked after confirmation.
  await nav.getByRole('link', { name: 'API tokens' }).click();
  await page.getByText('No API tokens').waitFor();
  await page.getByRole('button', { name: 'New token' }).first().click();
  const create = page.getByRole('dialog', { name: 'New API token' });
  await create.getByLabel(/^Name/).fill('RMM alerts');
  await create.getByLabel('Clients: write').check();
  await create.getByRole('button', { name: 'Create token' }).click();
  const token = await create.getByRole('textbox', { name: 'Token' }).inputValue();
  expect(token).toMatch(/^spt_/);
  await create.getByRole('button', { name: 'Done' }).click();
  const tokens = page.getByRole('table', { name: 'API tokens' });
  await tokens.getByText('RMM alerts').waitFor();
  await screenshot(page, 'api-tokens');
  await tokens.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog', { name: 'Revoke token' }).getByRole('button', { name: 'Revoke' }).click();
  await page.getByText('No API tokens').waitFor();

  // Audit log: newest first, filterable.
  await nav.getByRole('link', { name: 'Audit log' }).click();
  const audit = page.getByRole('table', { name: 'Audit log' });
  await audit.waitFor();
  expect(await audit.locator('tbody tr').count()).toBeGreaterThan(1);
  await screenshot(page, 'audit-log');

  // Security settings.
  await nav.getByRole('link', { name: 'Security' }).click();
  await page.getByLabel('Require two-factor authentication for client admins').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Settings saved').waitFor();
  const tenant = await (await page.request.get('/api/v1/tenant')).json();
  expect(tenant.mfaRequiredClientAdmin).toBe(true);
  await screenshot(page, 'security');

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'My account' }).click();
  await page.getByRole('heading', { name: 'My account' }).waitFor();
  await screenshot(page, 'my-account');
  await context.close();
});

test('a staff member whose organisation requires two-factor is sent to set it up, whatever they open', async () => {
  const { owner } = await server.createTenant();
  const { context, page } = await newPage(browser, server.baseUrl);
  await signInWithPassword(page, owner.email, TEST_PASSWORD);
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
  const { csrfToken } = await (await page.request.get('/api/v1/session')).json();
  const res = await page.request.patch('/api/v1/tenant', { data: { mfaRequiredStaff: true }, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status()).toBe(200);

  await page.goto('/settings/users');
  await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/account/two-factor');
  await expect(page.getByText('Required by your organisation').isVisible()).resolves.toBe(true);
  await screenshot(page, 'mfa-required');
  await context.close();
});
