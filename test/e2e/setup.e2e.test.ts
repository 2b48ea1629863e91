import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage } from '../support/e2e-browser';
import { startE2eServer, type E2eServer } from '../support/e2e-server';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer({ setupToken: 'e2e-setup-code' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('first-run set-up creates the organisation and its owner, then signs in', async () => {
  const { context, page } = await newPage(browser, server.baseUrl);
  await page.goto('/');
  await page.getByRole('heading', { name: 'Set up servicepact' }).waitFor();
  expect(page.url()).toContain('/setup');
  await expect(page.getByText('Printed in the terminal where servicepact started').isVisible()).resolves.toBe(true);

  // A wrong code is refused with a message, not a crash.
  await page.getByLabel(/^Set-up code/).fill('not-the-code');
  await page.getByLabel(/^Organisation/).fill('Contoso Managed Services');
  await page.getByLabel(/^Your name/).fill('Orla Owner');
  await page.getByLabel(/^E-mail/).fill('orla@contoso.test');
  await page.getByLabel(/^Password/).fill('a-long-and-unusual-passphrase');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.getByRole('alert').or(page.locator('.mantine-InputWrapper-error')).first().waitFor();

  await page.getByLabel(/^Set-up code/).fill('e2e-setup-code');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
  await page.getByText('No clients yet').waitFor();
  await expect(page.getByText('Contoso Managed Services').first().isVisible()).resolves.toBe(true);

  const session = await (await page.request.get('/api/v1/session')).json();
  expect(session.user.email).toBe('orla@contoso.test');
  expect(session.user.role).toBe('owner');
  await context.close();
});
