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

async function csrf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/v1/session')).json()).csrfToken;
}

async function apiSend(page: Page, method: 'post' | 'put', url: string, data: unknown) {
  const res = await page.request[method](url, { data, headers: { 'x-csrf-token': await csrf(page) } });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

async function apiGet(page: Page, url: string) {
  const res = await page.request.get(url);
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** Picks an option of a Mantine Select (typing into it when it is searchable). */
async function pick(scope: Locator | Page, page: Page, label: RegExp, option: string, type = option) {
  const input = scope.locator('input:not([type=hidden])').and(scope.getByLabel(label));
  await input.click();
  if (await input.isEditable()) await input.fill(type);
  await page.getByRole('option', { name: option, exact: true }).click();
}

type Named = { id: string; name: string };

/**
 * A client with a Gold contract in force. The seeded "Business hours" calendar is opened round
 * the clock first, so the clocks run whenever the test runs (nights and weekends included).
 */
async function clientWithGoldContract(page: Page) {
  const calendars: { items: (Named & { version: number })[] } = await apiGet(page, '/api/v1/calendars?limit=100');
  const day = [['00:00', '24:00']];
  for (const c of calendars.items)
    await apiSend(page, 'put', `/api/v1/calendars/${c.id}`, {
      name: c.name,
      definition: { timeZone: 'Europe/London', week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }, holidays: [], holidaySets: [] },
    });
  const client: Named = await apiSend(page, 'post', '/api/v1/clients', { name: 'Contoso Freight', code: 'CONTOSO' });
  await apiSend(page, 'post', `/api/v1/clients/${client.id}/sites`, { name: 'London office', timeZone: 'Europe/London', travelMinutes: 20, isMain: true });
  const plans: { items: Named[] } = await apiGet(page, '/api/v1/plans?limit=100');
  const gold = plans.items.find((p) => p.name === 'Gold');
  if (!gold) throw new Error('no Gold plan');
  const contract: Named = await apiSend(page, 'post', '/api/v1/contracts', {
    clientId: client.id,
    name: 'Contoso service agreement',
    planId: gold.id,
    startsAt: new Date(Date.now() - 86_400_000).toISOString(),
  });
  await apiSend(page, 'post', `/api/v1/contracts/${contract.id}/activate`, {});
  return client;
}

test('a client opens a ticket, a technician answers it on the board, pauses and resolves it, and the client sees it all', async () => {
  const { tenant, owner } = await server.createTenant('Fabrikam Managed IT');
  const admin = await newPage(browser, server.baseUrl);
  await signInWithPassword(admin.page, owner.email, TEST_PASSWORD);
  await admin.page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  const client = await clientWithGoldContract(admin.page);
  await admin.context.close();
  const carol = await createUser(server.ctx, tenant.id, 'client_user', { clientId: client.id, name: 'Carol Contoso', email: 'carol@contoso.test' });
  const tom = await createUser(server.ctx, tenant.id, 'technician', { name: 'Tom Technician', email: 'tom@fabrikam.test' });

  // The client user opens a ticket in the portal; the catalog item shows the expected times first.
  const portal = await newPage(browser, server.baseUrl);
  const p = portal.page;
  await signInWithPassword(p, carol.email, TEST_PASSWORD);
  await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Tickets' }).click();
  await p.getByRole('heading', { name: 'Tickets', exact: true }).waitFor();
  await p.getByRole('link', { name: 'New ticket' }).first().click();
  await p.getByRole('heading', { name: 'New ticket' }).waitFor();
  await pick(p, p, /^Catalog item/, 'Password reset', 'Password');
  const expected = p.getByRole('alert', { name: 'Expected times' });
  await expected.getByText(/^Expected first response within .+, resolution within .+/).waitFor();
  await p.getByLabel(/^Description/).fill('I am locked out of my laptop since this morning.');
  await expected.getByRole('button', { name: 'Why these times' }).click();
  await expected.getByRole('list', { name: 'Explanation' }).getByText(/Password reset/).first().waitFor();
  await p.waitForTimeout(300);
  await screenshot(p, 'tickets-portal-new-expected');
  await p.getByRole('button', { name: 'Open ticket' }).click();
  const title = p.getByRole('heading', { name: 'Password reset' });
  await title.waitFor();
  const ticketId = new URL(p.url()).pathname.split('/portal/tickets/')[1] ?? '';
  expect(ticketId).not.toBe('');
  await p.getByRole('region', { name: 'First response clock' }).getByText(/^Due in /).waitFor();

  // The technician sees it on the board and replies publicly: the first response is met.
  const staff = await newPage(browser, server.baseUrl);
  const s = staff.page;
  await signInWithPassword(s, tom.email, TEST_PASSWORD);
  await s.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Board' }).click();
  const board = s.getByRole('table', { name: 'Tickets' });
  await board.getByRole('link', { name: 'Password reset' }).waitFor();
  await board.getByLabel(/^First response: due in /).first().waitFor();
  await screenshot(s, 'tickets-board');
  await s.setViewportSize({ width: 390, height: 844 });
  await s.getByRole('list', { name: 'Tickets' }).getByLabel(/^Resolution: due in /).waitFor();
  await s.waitForTimeout(400);
  await screenshot(s, 'tickets-board-phone');
  await s.setViewportSize({ width: 1366, height: 860 });
  await board.getByRole('link', { name: 'Password reset' }).click();
  await s.getByRole('heading', { name: 'Password reset' }).waitFor();
  await s.getByRole('button', { name: 'Take it' }).click();
  await s.getByRole('button', { name: 'Take it' }).waitFor({ state: 'hidden' });

  await s.getByLabel(/^Reply/).fill('I have reset your password; the new one is on its way by text message.');
  await s.getByRole('button', { name: 'Send reply' }).click();
  const firstResponse = s.getByRole('region', { name: 'First response clock' });
  await firstResponse.getByLabel('First response state: Met').waitFor();
  await firstResponse.getByText('Met', { exact: true }).first().waitFor();

  // An internal note the client never sees.
  await s.locator('label').filter({ hasText: /^Internal$/ }).click();
  await s.getByLabel(/^Internal note/).fill('Reset via the AD console; MFA re-enrolment pending.');
  await s.getByRole('button', { name: 'Add internal note' }).click();
  await s.getByRole('listitem', { name: /^Internal note by Tom Technician/ }).waitFor();

  // Waiting on the client pauses the resolution clock.
  await pick(s.getByRole('region', { name: 'Work on this ticket' }), s, /^Status/, 'Waiting on client');
  const resolution = s.getByRole('region', { name: 'Resolution clock' });
  await resolution.getByLabel('Resolution state: Paused').waitFor();
  await resolution.getByText(/^Paused/).first().waitFor();
  await screenshot(s, 'tickets-staff-ticket');
  await s.setViewportSize({ width: 390, height: 844 });
  await s.waitForTimeout(400);
  await screenshot(s, 'tickets-staff-ticket-phone');
  await s.setViewportSize({ width: 1366, height: 860 });

  // Resolved.
  await pick(s.getByRole('region', { name: 'Work on this ticket' }), s, /^Status/, 'Resolved');
  await resolution.getByLabel(/^Resolution state: (Met|Breached)/).waitFor();
  await s.getByText('Resolved', { exact: true }).first().waitFor();

  // Staff open tickets too, with the same expected times before submitting.
  await s.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Board' }).click();
  await s.getByRole('link', { name: 'New ticket' }).first().click();
  await s.getByRole('heading', { name: 'New ticket' }).waitFor();
  await pick(s, s, /^Client/, 'Contoso Freight', 'Contoso');
  await pick(s, s, /^Catalog item/, 'Password reset', 'Password');
  await s.getByRole('alert', { name: 'Expected times' }).getByText(/^Expected first response within 15 business minutes/).waitFor();
  await screenshot(s, 'tickets-staff-new-expected');
  await staff.context.close();

  // The client user sees the reply and the resolved status, and never the internal note.
  await p.reload();
  await p.getByRole('heading', { name: 'Password reset' }).waitFor();
  await p.getByText('I have reset your password; the new one is on its way by text message.').waitFor();
  await p.getByText('Resolved', { exact: true }).first().waitFor();
  await p.getByRole('region', { name: 'Resolution clock' }).getByLabel('Resolution events').getByText(/^Paused/).first().waitFor();
  expect(await p.locator('body').innerText()).not.toContain('AD console');
  await screenshot(p, 'tickets-portal-ticket');
  await p.setViewportSize({ width: 390, height: 844 });
  await p.waitForTimeout(400);
  await screenshot(p, 'tickets-portal-ticket-phone');
  await portal.context.close();
});

test('staff work a ticket: priority override with a reason, files, time and timer, saved views, notifications, ticket settings', async () => {
  const { owner } = await server.createTenant('Litware Support');
  const { context, page: s } = await newPage(browser, server.baseUrl);
  await signInWithPassword(s, owner.email, TEST_PASSWORD);
  await s.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  const client = await clientWithGoldContract(s);
  const ticket: Named = await apiSend(s, 'post', '/api/v1/tickets', { clientId: client.id, subject: 'VPN drops every hour', description: 'Since the router update.' });

  await s.goto(`/tickets/${ticket.id}`);
  await s.getByRole('heading', { name: 'VPN drops every hour' }).waitFor();

  // A priority override needs a reason; with one, the clocks record the change.
  await s.getByRole('button', { name: 'Change priority' }).click();
  const override = s.getByRole('dialog', { name: 'Change priority' });
  await pick(override, s, /^Priority/, 'P1 · Critical');
  await override.getByRole('button', { name: 'Change priority' }).click();
  await override.getByText('A reason is required to override the priority').waitFor();
  await override.getByLabel(/^Reason/).fill('The whole office is offline');
  await override.getByRole('button', { name: 'Change priority' }).click();
  await override.waitFor({ state: 'hidden' });
  await s.getByText('Priority overridden: The whole office is offline').waitFor();
  await s.getByRole('region', { name: 'Resolution clock' }).getByText(/^Target changed/).first().waitFor();

  // Files: an allowed one is listed with a download link, a refused type says why.
  const fileInput = s.getByRole('region', { name: 'Attachments' }).locator('input[type=file]');
  await fileInput.setInputFiles({ name: 'router.log', mimeType: 'text/plain', buffer: Buffer.from('link down\nlink up\n') });
  await s.getByRole('table', { name: 'Attachments' }).getByRole('link', { name: /router\.log/ }).waitFor();
  await fileInput.setInputFiles({ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
  await s.getByRole('region', { name: 'Attachments' }).getByText(/cannot be attached|not an allowed/).waitFor();

  // Time: an entry by hand, then the timer.
  const time = s.getByRole('region', { name: 'Time' });
  await time.getByLabel(/^Minutes/).fill('45');
  await time.getByLabel(/^Note/).fill('Replaced the router firmware');
  await time.getByRole('button', { name: 'Add entry' }).click();
  await time.getByRole('table', { name: 'Time entries' }).getByText('Replaced the router firmware').waitFor();
  await time.getByRole('button', { name: 'Start timer' }).click();
  await time.getByLabel('Timer running').waitFor();
  await time.getByRole('button', { name: 'Stop timer' }).click();
  await time.getByRole('button', { name: 'Start timer' }).waitFor();
  await screenshot(s, 'tickets-staff-work');

  // Saved views on the board.
  await s.goto('/board');
  await s.getByRole('table', { name: 'Tickets' }).getByRole('link', { name: 'VPN drops every hour' }).waitFor();
  await pick(s, s, /^Priority$/, 'P1 · Critical');
  await s.getByRole('button', { name: 'Views' }).click();
  await s.getByRole('menuitem', { name: 'Save current filters…' }).click();
  const save = s.getByRole('dialog', { name: 'Save view' });
  await save.getByLabel(/^Name/).fill('Critical');
  await save.getByRole('button', { name: 'Save view' }).click();
  await save.waitFor({ state: 'hidden' });
  await s.getByRole('button', { name: 'Clear filters' }).first().click();
  await s.getByRole('button', { name: 'Views' }).click();
  await s.getByRole('menuitem', { name: 'Critical' }).click();
  await s.getByText('View:').waitFor();
  await s.getByRole('table', { name: 'Tickets' }).getByRole('link', { name: 'VPN drops every hour' }).waitFor();
  await s.getByRole('button', { name: 'Views' }).click();
  await s.getByRole('button', { name: 'Delete view Critical' }).click();
  await s.getByRole('dialog', { name: 'Delete view' }).getByRole('button', { name: 'Delete view' }).click();
  await s.getByRole('dialog', { name: 'Delete view' }).waitFor({ state: 'hidden' });

  // The bell opens its list.
  await s.getByRole('button', { name: /^Notifications/ }).click();
  await s.getByText('Mark all read').waitFor();
  await s.keyboard.press('Escape');

  // Ticket settings.
  await s.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Ticket settings' }).click();
  await s.getByRole('heading', { name: 'Ticket settings' }).waitFor();
  await s.getByRole('checkbox', { name: 'Waiting on third party' }).check();
  await s.getByLabel(/^Support address/).fill('help@litware.test');
  await s.getByRole('button', { name: 'Save settings' }).click();
  await s.getByText('Ticket settings saved').waitFor();
  const saved = await apiGet(s, '/api/v1/tenant/ticket-settings');
  expect(saved.pausingStatuses).toContain('waiting_on_third_party');
  expect(saved.supportAddress).toBe('help@litware.test');
  await screenshot(s, 'tickets-settings');
  await context.close();
});
