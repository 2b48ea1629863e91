import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage, screenshot, signInWithPassword } from '../support/e2e-browser';
import { startE2eServer, TEST_PASSWORD, type E2eServer } from '../support/e2e-server';
import { createUser } from '../support/test-app';

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

async function apiPost(page: Page, url: string, data: unknown) {
  const { csrfToken } = await (await page.request.get('/api/v1/session')).json();
  const res = await page.request.post(url, { data, headers: { 'x-csrf-token': csrfToken } });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** Picks an option of a Mantine Select (typing into it when it is searchable). */
async function pick(scope: Locator | Page, page: Page, label: RegExp, option: string, type = option) {
  const input = scope.locator('input:not([type=hidden])').and(scope.getByLabel(label));
  await input.click();
  // Searchable selects take typing; plain ones only open their list.
  if (await input.isEditable()) await input.fill(type);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function simulate(page: Page, clientId: string) {
  await page.goto(`/pact/simulator?clientId=${clientId}`);
  await page.getByRole('heading', { name: 'What would this ticket get?' }).waitFor();
  await pick(page, page, /^Urgency/, 'High: work is badly hindered', 'High');
  await pick(page, page, /^Impact/, 'Department or site', 'Dep');
  await page.getByRole('button', { name: 'Show targets' }).click();
  const result = page.getByRole('region', { name: 'Targets for this ticket' });
  await result.waitFor();
  return result;
}

test('owner contracts Gold, proposes Premium Response, the client admin accepts it and the simulator shows faster targets', async () => {
  const { tenant, owner } = await server.createTenant('Northwind IT');
  const { context, page } = await newPage(browser, server.baseUrl);
  await signInWithPassword(page, owner.email, TEST_PASSWORD);
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();

  const acme = await apiPost(page, '/api/v1/clients', { name: 'Acme Logistics', code: 'ACME' });
  await apiPost(page, `/api/v1/clients/${acme.id}/sites`, { name: 'Berlin warehouse', timeZone: 'Europe/Berlin', address: 'Lagerstraße 12', travelMinutes: 35, isMain: true });
  const other = await apiPost(page, '/api/v1/clients', { name: 'Zanzibar Confidential Holdings', code: 'ZAN' });
  const clara = await createUser(server.ctx, tenant.id, 'client_admin', { clientId: acme.id, name: 'Clara Acme', email: 'clara@acme.test' });
  const zed = await createUser(server.ctx, tenant.id, 'client_user', { clientId: other.id, name: 'Zed Zanzibar', email: 'zed@zanzibar.test' });

  // Configuration pages the owner works with.
  await page.goto('/pact/plans');
  await page.getByText('Platinum').first().waitFor();
  await screenshot(page, 'pact-plans');
  await page.goto('/pact/catalog');
  await page.getByRole('table', { name: 'Catalog' }).waitFor();
  await screenshot(page, 'pact-catalog');
  await page.goto('/pact/calendars');
  await page.getByRole('link', { name: 'Business hours' }).first().click();
  await page.getByText('A ticket opened now with a 4 business-hour target is due').waitFor();
  await screenshot(page, 'pact-calendar-editor');

  // The owner opens the client and creates a Gold contract.
  await page.goto(`/clients/${acme.id}`);
  await page.getByRole('heading', { name: 'Acme Logistics', exact: true }).waitFor();
  await page.getByRole('region', { name: 'Contract' }).getByRole('button', { name: 'New contract' }).click();
  const draft = page.getByRole('dialog', { name: 'New contract' });
  await pick(draft, page, /^Plan/, 'Gold');
  await draft.getByRole('button', { name: 'Create draft' }).click();
  await page.getByRole('heading', { name: 'Acme Logistics service agreement' }).waitFor();
  const contractId = new URL(page.url()).pathname.split('/contracts/')[1] ?? '';
  expect(contractId).not.toBe('');

  await page.getByRole('button', { name: 'Activate' }).click();
  await page.getByRole('dialog', { name: 'Activate contract' }).getByRole('button', { name: 'Activate' }).click();
  const timeline = page.getByRole('region', { name: 'Amendments' });
  await timeline.getByText('Accepted', { exact: true }).first().waitFor();
  await expect(page.getByRole('region', { name: 'Terms in force now' }).getByText('Gold').first().isVisible()).resolves.toBe(true);

  const before = await simulate(page, acme.id);
  const responseBefore = await before.getByText(/^within /).first().innerText();
  expect(await before.innerText()).not.toContain('Premium Response');

  // An amendment adding Premium Response.
  await page.goto(`/contracts/${contractId}`);
  await page.getByRole('button', { name: 'Propose amendment' }).click();
  const propose = page.getByRole('dialog', { name: 'Propose amendment' });
  await pick(propose, page, /^Rider/, 'Premium Response', 'Premium');
  await propose.getByRole('button', { name: 'Propose amendment' }).click();
  await propose.waitFor({ state: 'hidden' });
  await page.getByRole('region', { name: 'Amendments' }).getByText('Proposed', { exact: true }).waitFor();
  await screenshot(page, 'pact-contract');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(400);
  await screenshot(page, 'pact-contract-phone');
  await page.setViewportSize({ width: 1366, height: 860 });

  // The client admin signs in to the portal and accepts it.
  const portal = await newPage(browser, server.baseUrl);
  const p = portal.page;
  await signInWithPassword(p, clara.email, TEST_PASSWORD);
  await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My service levels' }).click();
  const pending = p.getByRole('region', { name: 'Pending amendments' });
  await pending.getByText('Premium Response').first().waitFor();
  await screenshot(p, 'pact-portal-pending');
  await pending.getByRole('button', { name: 'Accept' }).click();
  const accept = p.getByRole('dialog', { name: /^Accept amendment/ });
  await accept.getByText(/IP address/).waitFor();
  await screenshot(p, 'pact-portal-accept-dialog');
  await accept.getByRole('button', { name: 'Accept and sign' }).click();
  await pending.waitFor({ state: 'hidden' });
  await p.getByRole('region', { name: 'Your plan' }).getByText('+ Premium Response').waitFor();
  await p.getByRole('table', { name: 'Catalog' }).waitFor();
  await screenshot(p, 'pact-portal-service-levels');
  await p.setViewportSize({ width: 390, height: 844 });
  await p.waitForTimeout(400);
  await screenshot(p, 'pact-portal-service-levels-phone');
  await portal.context.close();

  // The owner runs the simulator again: faster, and the explanation names the rider.
  const after = await simulate(page, acme.id);
  await after.getByRole('list', { name: 'Explanation' }).getByText(/Premium Response/).first().waitFor();
  const responseAfter = await after.getByText(/^within /).first().innerText();
  expect(responseAfter).not.toBe(responseBefore);
  await screenshot(page, 'pact-simulator');
  await context.close();

  // A user of another client: this contract does not exist for them.
  const stranger = await newPage(browser, server.baseUrl);
  await signInWithPassword(stranger.page, zed.email, TEST_PASSWORD);
  await stranger.page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await stranger.page.goto(`/contracts/${contractId}`);
  await stranger.page.getByText('was not found').waitFor();
  expect(await stranger.page.locator('body').innerText()).not.toContain('Acme');
  expect((await stranger.page.request.get(`/api/v1/contracts/${contractId}`)).status()).toBe(404);
  await stranger.context.close();
});
