import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage, screenshot, signInWithPassword } from '../support/e2e-browser';
import { startE2eServer, TEST_PASSWORD, type E2eServer } from '../support/e2e-server';
import { createUser, ok, signIn } from '../support/test-app';

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

type Named = { id: string; name: string };
test('an account manager announces maintenance to the Gold clients; only their portal shows it', async () => {
  const { tenant, owner } = await server.createTenant('Northwind Managed IT');
  const api = await signIn(server.app, owner.email);
  const plans = await ok<{ items: Named[] }>(await api.get('/api/v1/plans?limit=100'), 'plans');
  const planId = (name: string) => plans.items.find((p) => p.name === name)!.id;
  const clientOn = async (name: string, plan: string, contacts: Array<[string, string]>) => {
    const client = await ok<Named>(await api.post('/api/v1/clients', { name }), 'client');
    const contract = await ok<Named>(await api.post('/api/v1/contracts', { clientId: client.id, name: `${name} agreement`, planId: planId(plan), startsAt: '2024-01-01T00:00:00Z' }), 'contract');
    await ok(await api.post(`/api/v1/contracts/${contract.id}/activate`), 'activate');
    for (const [contactName, email] of contacts) await ok(await api.post(`/api/v1/clients/${client.id}/contacts`, { name: contactName, email, roles: ['primary'] }), 'contact');
    return client;
  };
  const contoso = await clientOn('Contoso Freight', 'Gold', [
    ['Carla Contoso', 'carla@contoso.test'],
    ['Chris Contoso', 'chris@contoso.test'],
  ]);
  const fabrikam = await clientOn('Fabrikam Foods', 'Silver', [['Fiona Fabrikam', 'fiona@fabrikam.test']]);
  const amy = await createUser(server.ctx, tenant.id, 'account_manager', { name: 'Amy Account', email: 'amy@northwind.test' });
  const colin = await createUser(server.ctx, tenant.id, 'client_user', { clientId: contoso.id, name: 'Colin Contoso', email: 'colin@contoso.test' });
  const fred = await createUser(server.ctx, tenant.id, 'client_user', { clientId: fabrikam.id, name: 'Fred Fabrikam', email: 'fred@fabrikam.test' });

  // The account manager writes the announcement.
  const { page: s } = await newPage(browser, server.baseUrl);
  await signInWithPassword(s, amy.email, TEST_PASSWORD);
  await s.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Announcements' }).click();
  await s.getByRole('heading', { name: 'No announcements yet' }).waitFor();
  await s.getByRole('link', { name: 'New announcement' }).first().click();
  await s.getByRole('heading', { name: 'New announcement' }).waitFor();
  await s.getByLabel(/^Subject/).fill('Firewall maintenance on Saturday');
  const body = s.getByLabel(/^Body/);
  await body.fill('We update the firewalls on Saturday from 22:00.\n\nExpect short VPN interruptions. ');
  await s.getByRole('button', { name: 'Bold' }).click();
  await body.press('End');
  await body.pressSequentially('<img src=x onerror=alert(1)>');
  // The preview shows the formatting, and nothing of the image or its handler.
  const preview = s.getByRole('region', { name: 'Preview' });
  await preview.getByText('We update the firewalls on Saturday from 22:00.').waitFor();
  await preview.locator('strong', { hasText: 'bold text' }).waitFor();
  expect(await preview.locator('img').count()).toBe(0);

  // Everyone at first; then the Gold plan: Contoso's two contacts.
  await expect.poll(() => s.getByTestId('recipient-count').textContent()).toBe('Will reach 3 contacts');
  await s.locator('input:not([type=hidden])').and(s.getByLabel(/^Plans/)).click();
  await s.getByRole('option', { name: 'Gold' }).click();
  await s.keyboard.press('Escape');
  await expect.poll(() => s.getByTestId('recipient-count').textContent()).toBe('Will reach 2 contacts');
  await s.getByRole('cell', { name: 'carla@contoso.test' }).waitFor();
  expect(await s.getByRole('cell', { name: 'fiona@fabrikam.test' }).count()).toBe(0);
  await screenshot(s, 'announcements-compose');

  // Send now, after confirming.
  await s.getByRole('button', { name: 'Send now' }).click();
  const confirm = s.getByRole('dialog', { name: 'Send this announcement now?' });
  await confirm.getByText(/goes out now to 2 contacts as a service notice/).waitFor();
  await confirm.getByRole('button', { name: 'Send now' }).click();
  await s.getByRole('heading', { name: 'Firewall maintenance on Saturday', level: 2 }).waitFor();
  await s.getByText('Sent', { exact: true }).first().waitFor();
  await s.getByRole('link', { name: 'Recipients' }).click();
  const rows = s.getByRole('row');
  await rows.filter({ hasText: 'carla@contoso.test' }).getByText('Queued').waitFor();
  await rows.filter({ hasText: 'chris@contoso.test' }).waitFor();
  expect(await rows.filter({ hasText: 'fiona@fabrikam.test' }).count()).toBe(0);

  // The list shows it sent, with its recipients.
  await s.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Announcements' }).click();
  const row = s.getByRole('row').filter({ hasText: 'Firewall maintenance on Saturday' });
  await row.getByText('Sent', { exact: true }).waitFor();
  await row.getByRole('link', { name: '2' }).waitFor();

  // Contoso's portal shows it; the e-mail's stored body has no image or handler either.
  const { page: c } = await newPage(browser, server.baseUrl);
  await signInWithPassword(c, colin.email, TEST_PASSWORD);
  await c.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Announcements' }).click();
  const article = c.getByRole('article', { name: 'Firewall maintenance on Saturday' });
  await article.getByText('Expect short VPN interruptions.').waitFor();
  await article.locator('strong', { hasText: 'bold text' }).waitFor();
  await screenshot(c, 'announcements-portal');
  const mails = await server.ctx.db.selectFrom('outbox_emails').select(['to_address', 'body_html']).where('tenant_id', '=', tenant.id).where('kind', '=', 'announcement_service_notice').orderBy('to_address').execute();
  expect(mails.map((m) => m.to_address)).toEqual(['carla@contoso.test', 'chris@contoso.test']);
  for (const m of mails) expect(m.body_html).not.toMatch(/img|onerror/);

  // Fabrikam's portal does not.
  const { page: f } = await newPage(browser, server.baseUrl);
  await signInWithPassword(f, fred.email, TEST_PASSWORD);
  await f.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Announcements' }).click();
  await f.getByRole('heading', { name: 'No announcements yet' }).waitFor();
  expect(await f.getByText('Firewall maintenance on Saturday').count()).toBe(0);
});

test('a newsletter is scheduled and cancelled in the UI; a reader unsubscribes from its link without signing in', async () => {
  const { tenant, owner } = await server.createTenant('Tailspin IT');
  const api = await signIn(server.app, owner.email);
  const client = await ok<Named>(await api.post('/api/v1/clients', { name: 'Wingtip Toys' }), 'client');
  await ok(await api.post(`/api/v1/clients/${client.id}/contacts`, { name: 'Wendy Wingtip', email: 'wendy@wingtip.test', roles: ['primary'] }), 'contact');

  // Scheduling from the compose page, then cancelling after confirming.
  const { page: s } = await newPage(browser, server.baseUrl);
  await signInWithPassword(s, owner.email, TEST_PASSWORD);
  await s.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await s.goto('/announcements/new');
  await s.locator('label', { hasText: /^Newsletter$/ }).click();
  await s.getByText('Each e-mail carries an unsubscribe link').waitFor();
  await s.getByLabel(/^Subject/).fill('Spring tips');
  await s.getByLabel(/^Body/).fill('Five ways to spot phishing.');
  await expect.poll(() => s.getByTestId('recipient-count').textContent()).toBe('Will reach 1 contact');
  await s.getByLabel(/^Send at/).fill('2099-03-01T09:00');
  await s.getByRole('button', { name: 'Schedule' }).click();
  await s.waitForURL(/\/announcements\/[0-9a-f-]{36}$/);
  await s.getByText(/^Scheduled for /).waitFor();
  // The schedule is kept: the page read afresh still says so.
  await s.reload();
  await s.getByText(/^Scheduled for /).waitFor();
  await s.getByRole('button', { name: 'Cancel scheduled send' }).click();
  await s.getByRole('dialog', { name: 'Cancel the scheduled send?' }).getByRole('button', { name: 'Cancel the send' }).click();
  await s.getByText('This scheduled announcement was cancelled; nothing was sent.').waitFor();

  // A newsletter sent now carries a link to the unsubscribe page.
  const news = await ok<Named>(await api.post('/api/v1/announcements', { kind: 'newsletter', subject: 'Summer tips', bodyHtml: '<p>Back up before holidays.</p>', audience: { clientIds: [client.id] } }), 'draft');
  await ok(await api.post(`/api/v1/announcements/${news.id}/send`, {}), 'send');
  const mail = await server.ctx.db.selectFrom('outbox_emails').select('body_text').where('tenant_id', '=', tenant.id).where('subject', '=', 'Summer tips').executeTakeFirstOrThrow();
  const link = /Unsubscribe from newsletters: (\S+)/.exec(mail.body_text)![1]!;
  expect(link.startsWith(`${server.baseUrl}/unsubscribe/`)).toBe(true);

  const { page: r } = await newPage(browser, server.baseUrl);
  await r.goto(link);
  await r.getByRole('heading', { name: 'Unsubscribe from newsletters' }).waitFor();
  await r.getByText('wendy@wingtip.test').waitFor();
  // Opening the page changed nothing: a mail scanner following the link does not unsubscribe anyone.
  expect(await server.ctx.db.selectFrom('newsletter_unsubscribes').select('email').where('tenant_id', '=', tenant.id).execute()).toEqual([]);
  await r.getByRole('button', { name: 'Unsubscribe' }).click();
  await r.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
  await r.getByText('wendy@wingtip.test will no longer receive newsletters from Tailspin IT.').waitFor();
  await screenshot(r, 'announcements-unsubscribed');
  expect(await server.ctx.db.selectFrom('newsletter_unsubscribes').select('email').where('tenant_id', '=', tenant.id).execute()).toEqual([{ email: 'wendy@wingtip.test' }]);
  await r.goto(`${server.baseUrl}/unsubscribe/not-a-real-token-at-all`);
  await r.getByRole('heading', { name: 'This link does not work' }).waitFor();
});
