import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage, screenshot, signInWithPassword } from '../support/e2e-browser';
import { startE2eServer, TEST_PASSWORD, type E2eServer } from '../support/e2e-server';
import { createUser, ok, signIn, type Agent } from '../support/test-app';

let server: E2eServer;
let browser: Browser;
// The server's clock: moved ahead to see an expired link, null for the real time.
let fakeNow: Date | null = null;

beforeAll(async () => {
  server = await startE2eServer({ now: () => fakeNow ?? new Date() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A requester's resolved ticket and the one-click links of its "resolved" e-mail (rating -> URL). */
async function resolvedTicket(owner: Agent, requester: Agent, clientId: string) {
  const ticket = await ok<{ id: string; reference: string; subject: string }>(await requester.post('/api/v1/tickets', { clientId, subject: 'The VPN drops every hour' }), 'ticket');
  await ok(await owner.patch(`/api/v1/tickets/${ticket.id}`, { status: 'resolved' }), 'resolve');
  const mail = await server.ctx.db.selectFrom('outbox_emails').select('body_text').where('ticket_id', '=', ticket.id).where('kind', '=', 'ticket_resolved').executeTakeFirstOrThrow();
  const links = new Map([...mail.body_text.matchAll(/(http\S+\/s\/csat\/\S+\?r=(\d))/g)].map((m) => [Number(m[2]), m[1]!]));
  return { ticket, links };
}

test('a requester rates a resolved ticket from the e-mail, adds a comment, and sees the rating in the portal', async () => {
  const { tenant, owner } = await server.createTenant('Northwind IT');
  const staff = await signIn(server.app, owner.email);
  const client = await ok<{ id: string }>(await staff.post('/api/v1/clients', { name: 'Contoso' }), 'client');
  const requesterUser = await createUser(server.ctx, tenant.id, 'client_user', { clientId: client.id, name: 'Rita Requester' });
  const requester = await signIn(server.app, requesterUser.email);
  const { ticket, links } = await resolvedTicket(staff, requester, client.id);
  expect([...links.keys()]).toEqual([3, 2, 1]);

  // The link opens without a session; the page records its rating and thanks.
  const { context, page } = await newPage(browser, server.baseUrl, { width: 420, height: 800 });
  await page.goto(links.get(1)!);
  await expect.poll(() => page.getByRole('heading', { name: 'Thank you for your feedback' }).isVisible()).toBe(true);
  await expect.poll(() => page.getByText(`Ticket ${ticket.reference}: ${ticket.subject}`).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Bad' }).getAttribute('aria-pressed')).toBe('true');
  await page.getByLabel('Comment (optional)').fill('It took three days to get a reply.');
  await page.getByRole('button', { name: 'Send comment' }).click();
  await expect.poll(() => page.getByText('Your comment was sent. Thank you!').isVisible()).toBe(true);
  await screenshot(page, 'survey-answered');
  const survey = await server.ctx.db.selectFrom('csat_surveys').select(['rating', 'comment']).where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow();
  expect(survey).toEqual({ rating: 1, comment: 'It took three days to get a reply.' });

  // A changed link says so in plain words.
  await page.goto(links.get(3)!.replace(/[A-Za-z0-9_-]{5}\?/, 'AAAAA?'));
  await expect.poll(() => page.getByRole('heading', { name: 'This link does not work' }).isVisible()).toBe(true);
  fakeNow = new Date(Date.now() + 30 * 86_400_000);
  try {
    await page.goto(links.get(3)!);
    await expect.poll(() => page.getByRole('heading', { name: 'This link has expired' }).isVisible()).toBe(true);
  } finally {
    fakeNow = null;
  }
  await context.close();

  // In the portal the requester sees the rating and may change it.
  const portal = await newPage(browser, server.baseUrl);
  await signInWithPassword(portal.page, requesterUser.email, TEST_PASSWORD);
  await portal.page.waitForURL(/\/portal/);
  await portal.page.goto(`/portal/tickets/${ticket.id}`);
  const card = portal.page.getByRole('region', { name: 'How did we do?' });
  await expect.poll(() => card.getByRole('button', { name: 'Bad' }).getAttribute('aria-pressed')).toBe('true');
  await card.getByRole('button', { name: 'Good' }).click();
  await expect.poll(() => card.getByRole('button', { name: 'Good' }).getAttribute('aria-pressed')).toBe('true');
  await screenshot(portal.page, 'survey-portal-card');
  expect((await server.ctx.db.selectFrom('csat_surveys').select('rating').where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow()).rating).toBe(3);
  await portal.context.close();
});

test("an admin changes the survey settings and sends this quarter's NPS survey early", async () => {
  const { tenant, owner } = await server.createTenant('Fabrikam Services');
  const staff = await signIn(server.app, owner.email);
  const client = await ok<{ id: string }>(await staff.post('/api/v1/clients', { name: 'Tailspin' }), 'client');
  const gold = await server.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow();
  const contract = await ok<{ id: string }>(await staff.post('/api/v1/contracts', { clientId: client.id, name: 'Gold', planId: gold.id, startsAt: '2020-01-01T00:00:00Z' }), 'contract');
  await ok(await staff.post(`/api/v1/contracts/${contract.id}/activate`), 'activate');
  for (const name of ['Ann', 'Bob', 'Cy']) await ok(await staff.post(`/api/v1/clients/${client.id}/contacts`, { name, email: `${name.toLowerCase()}@tailspin.example`, roles: ['primary'] }), 'contact');

  const { context, page } = await newPage(browser, server.baseUrl);
  await signInWithPassword(page, owner.email, TEST_PASSWORD);
  await page.getByRole('link', { name: 'Satisfaction settings' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Satisfaction', exact: true }).isVisible()).toBe(true);
  await page.getByLabel('1 to 5').check();
  await page.getByLabel('Links work for (days)').fill('21');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => page.getByText('Satisfaction settings saved').isVisible()).toBe(true);
  const saved = await server.ctx.db.selectFrom('tenants').select(['csat_scale', 'csat_link_days']).where('id', '=', tenant.id).executeTakeFirstOrThrow();
  expect(saved).toEqual({ csat_scale: 'five', csat_link_days: 21 });

  await page.getByRole('button', { name: "Send this quarter's survey now" }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();
  const rounds = page.getByRole('region', { name: 'NPS rounds' });
  await expect.poll(() => rounds.getByRole('row').count()).toBe(2);
  const row = await rounds.getByRole('row').nth(1).innerText();
  expect(row).toContain('3');
  expect(row).toContain('0 %');
  await screenshot(page, 'survey-settings');
  await context.close();
});
