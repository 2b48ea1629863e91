import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { totpCode } from '../../src/modules/auth/totp';
import { launchBrowser, newPage, signInWithPassword } from '../support/e2e-browser';
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

test('the owner enrols in two-factor authentication and signs in again with a code', async () => {
  const { owner } = await server.createTenant('Northwind IT');
  const { context, page } = await newPage(browser, server.baseUrl);

  await signInWithPassword(page, owner.email, TEST_PASSWORD);
  await expect.poll(() => page.url()).toContain('/clients');

  await page.goto('/account');
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  const secret = (await page.getByTestId('mfa-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await page.getByRole('img', { name: /QR code/ }).waitFor();
  await page.getByLabel(/^Code from your app/).fill(await totpCode(secret, new Date()));
  await page.getByRole('button', { name: 'Turn on two-factor' }).click();

  const codes = page.getByTestId('recovery-codes').locator('li');
  await codes.first().waitFor();
  expect(await codes.count()).toBe(10);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByText('Two-factor authentication is on').waitFor();

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();

  await signInWithPassword(page, owner.email, TEST_PASSWORD);
  await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
  // The next 30 s step: accepted (one step of drift) and never the code already used to enrol.
  await page.getByLabel(/^Code/).fill(await totpCode(secret, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
  expect(page.url()).toContain('/clients');
  await context.close();
});
