import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
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

test('a duplicate client name shows the API message under the name field', async () => {
  const { owner } = await server.createTenant();
  const { context, page } = await newPage(browser, server.baseUrl);
  await signInWithPassword(page, owner.email, TEST_PASSWORD);
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();

  const { csrfToken } = await (await page.request.get('/api/v1/session')).json();
  const created = await page.request.post('/api/v1/clients', { data: { name: 'Fabrikam Ltd' }, headers: { 'x-csrf-token': csrfToken } });
  expect(created.status()).toBe(201);

  await page.getByRole('button', { name: 'New client' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New client' });
  await dialog.getByLabel(/^Name/).fill('Fabrikam Ltd');
  await dialog.getByRole('button', { name: 'Create client' }).click();

  const nameInput = dialog.getByLabel(/^Name/);
  await dialog.getByText('Is already used by another client').waitFor();
  await expect(nameInput.getAttribute('aria-invalid')).resolves.toBe('true');
  // The message is tied to the input for screen readers.
  const describedBy = (await nameInput.getAttribute('aria-describedby')) ?? '';
  const ids = describedBy.split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  expect(texts.join(' ')).toContain('Is already used by another client');

  // Fixing the name lets the form through.
  await nameInput.fill('Fabrikam Europe');
  await dialog.getByRole('button', { name: 'Create client' }).click();
  await page.getByRole('heading', { name: 'Fabrikam Europe' }).waitFor();
  await context.close();
});

test('saving a client someone else changed meanwhile says so instead of overwriting', async () => {
  const { owner } = await server.createTenant();
  const { context, page } = await newPage(browser, server.baseUrl);
  await signInWithPassword(page, owner.email, TEST_PASSWORD);
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
  const { csrfToken } = await (await page.request.get('/api/v1/session')).json();
  const headers = { 'x-csrf-token': csrfToken };
  const client = await (await page.request.post('/api/v1/clients', { data: { name: 'Litware Inc' }, headers })).json();

  await page.goto(`/clients/${client.id}`);
  await page.getByRole('button', { name: 'Edit client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit client' });
  await dialog.getByLabel(/^Notes/).fill('Renewal in March');

  // A colleague saves first.
  expect((await page.request.patch(`/api/v1/clients/${client.id}`, { data: { code: 'LIT' }, headers })).status()).toBe(200);

  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.getByText('Someone else changed this').waitFor();
  const after = await (await page.request.get(`/api/v1/clients/${client.id}`)).json();
  expect(after.notes).toBe('');
  expect(after.code).toBe('LIT');
  await context.close();
});
