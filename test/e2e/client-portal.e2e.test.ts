import type { Browser, Page } from 'playwright-core';
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

const OTHER_CLIENT = 'Zanzibar Confidential Holdings';

async function apiPost(page: Page, url: string, data: unknown) {
  const { csrfToken } = await (await page.request.get('/api/v1/session')).json();
  const res = await page.request.post(url, { data, headers: { 'x-csrf-token': csrfToken } });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

test('a contact invited as client admin sees only their own company in the portal', async () => {
  const { owner } = await server.createTenant('Northwind IT');
  const { context, page } = await newPage(browser, server.baseUrl);
  await signInWithPassword(page, owner.email, TEST_PASSWORD);
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
  await screenshot(page, 'clients-empty');

  // Another client of the same MSP, with a site and a contact, that the portal user must never see.
  const other = await apiPost(page, '/api/v1/clients', { name: OTHER_CLIENT, code: 'ZAN' });
  await apiPost(page, `/api/v1/clients/${other.id}/sites`, { name: 'Zanzibar Vault', timeZone: 'Africa/Dar_es_Salaam', address: '1 Stone Town' });
  await apiPost(page, `/api/v1/clients/${other.id}/contacts`, { name: 'Zed Zanzibar', email: 'zed@zanzibar.test', roles: ['primary'] });

  // The owner creates a client through the UI.
  await page.reload();
  await page.getByRole('button', { name: 'New client' }).first().click();
  const newClient = page.getByRole('dialog', { name: 'New client' });
  await newClient.getByLabel(/^Name/).fill('Acme Logistics');
  await newClient.getByLabel(/^Code/).fill('ACME');
  await newClient.getByRole('button', { name: 'Create client' }).click();
  await page.getByRole('heading', { name: 'Acme Logistics', exact: true }).waitFor();
  const acmeId = page.url().split('/clients/')[1] ?? '';

  // A site in Berlin, picked from the searchable time-zone list.
  await page.getByRole('button', { name: 'Add site' }).first().click();
  const siteDialog = page.getByRole('dialog', { name: 'Add site' });
  await siteDialog.getByLabel(/^Name/).fill('Berlin warehouse');
  await siteDialog.getByLabel(/^Address/).fill('Lagerstraße 12\n10115 Berlin');
  await siteDialog.locator('input').and(siteDialog.getByLabel(/^Time zone/)).fill('Berlin');
  await page.getByRole('option', { name: 'Europe/Berlin' }).click();
  await siteDialog.getByLabel(/^Travel time/).fill('35');
  await siteDialog.getByRole('button', { name: 'Add site' }).click();
  const sites = page.getByRole('table', { name: 'Sites' });
  await sites.getByText('Europe/Berlin').waitFor();
  await expect(sites.getByText('35 min').isVisible()).resolves.toBe(true);

  // A contact, invited to the portal as client admin.
  await page.getByRole('button', { name: 'Add contact' }).first().click();
  const contactDialog = page.getByRole('dialog', { name: 'Add contact' });
  await contactDialog.getByLabel(/^Name/).fill('Clara Acme');
  await contactDialog.getByLabel(/^E-mail/).fill('clara@acme.test');
  await contactDialog.getByLabel(/^Phone/).fill('+49 30 1234567');
  await contactDialog.getByLabel('Primary').check();
  await contactDialog.getByLabel('Approver').check();
  await contactDialog.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('table', { name: 'Contacts' }).getByText('clara@acme.test').waitFor();

  await page.getByRole('button', { name: 'Invite Clara Acme to portal' }).click();
  const inviteDialog = page.getByRole('dialog', { name: 'Invite to portal' });
  await inviteDialog.getByLabel(/^Client admin/).check();
  await inviteDialog.getByRole('button', { name: 'Send invitation' }).click();
  const linkInput = inviteDialog.getByRole('textbox', { name: 'Invitation link' });
  await linkInput.waitFor();
  const inviteUrl = await linkInput.inputValue();
  expect(inviteUrl).toContain('/invite/');
  await inviteDialog.getByRole('button', { name: 'Done' }).click();
  await inviteDialog.waitFor({ state: 'hidden' });
  await screenshot(page, 'client-page');

  await page.goto('/clients');
  await page.getByRole('table', { name: 'Clients' }).getByText(OTHER_CLIENT).waitFor();
  await screenshot(page, 'clients-list');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(400); // the navbar slides away when the layout turns narrow
  await screenshot(page, 'clients-list-phone');
  await page.goto(`/clients/${acmeId}`);
  await page.getByRole('heading', { name: 'Acme Logistics', exact: true }).waitFor();
  await page.getByRole('table', { name: 'Contacts' }).waitFor();
  await screenshot(page, 'client-page-phone');
  await context.close();

  // The invited person, in a fresh browser.
  const invitee = await newPage(browser, server.baseUrl);
  const p = invitee.page;
  await p.goto(new URL(inviteUrl).pathname);
  await p.getByText('Acme Logistics', { exact: false }).first().waitFor();
  await expect(p.getByText('clara@acme.test').first().isVisible()).resolves.toBe(true);
  await p.getByLabel(/^Your name/).fill('Clara Acme');
  await p.getByLabel(/^Password/).fill('portal-passphrase-2026');
  await p.getByRole('button', { name: 'Create my account' }).click();

  await p.getByRole('heading', { name: 'Acme Logistics', exact: true }).waitFor();
  expect(new URL(p.url()).pathname).toBe('/portal');
  await p.getByRole('table', { name: 'Sites' }).getByText('Berlin warehouse').waitFor();
  await p.getByRole('table', { name: 'Contacts' }).getByText('Clara Acme').waitFor();
  await screenshot(p, 'portal');
  const body = () => p.locator('body').innerText();
  expect(await body()).not.toContain('Zanzibar');
  // No staff navigation in the portal.
  const nav = p.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByText('Clients', { exact: true }).count()).resolves.toBe(0);
  await expect(nav.getByText('Users & roles').count()).resolves.toBe(0);

  // Client admin pages: contacts and users of their own company only.
  await nav.getByRole('link', { name: 'Contacts' }).click();
  await p.getByRole('table', { name: 'Contacts' }).getByText('clara@acme.test').waitFor();
  expect(await body()).not.toContain('Zanzibar');
  await nav.getByRole('link', { name: 'Users' }).click();
  await p.getByRole('heading', { name: 'Users', exact: true }).waitFor();
  await p.waitForLoadState('networkidle');
  expect(await body()).not.toContain('Zanzibar');

  // The other client's address, typed in directly: not found, in the page and in the API.
  await p.goto(`/clients/${other.id}`);
  await p.getByText('was not found').waitFor();
  expect(await body()).not.toContain('Zanzibar');
  expect((await p.request.get(`/api/v1/clients/${other.id}`)).status()).toBe(404);
  expect((await p.request.get(`/api/v1/clients/${other.id}/sites`)).status()).toBe(404);

  await p.goto('/portal');
  await p.setViewportSize({ width: 390, height: 844 });
  await p.getByRole('heading', { name: 'Acme Logistics', exact: true }).waitFor();
  await p.waitForTimeout(400);
  await screenshot(p, 'portal-phone');
  await invitee.context.close();
});
