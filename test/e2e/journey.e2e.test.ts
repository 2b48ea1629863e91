import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage, screenshot, signInWithPassword } from '../support/e2e-browser';
import { startE2eServer, TEST_PASSWORD, type E2eServer } from '../support/e2e-server';
import { createUser, ok, signIn, type Agent } from '../support/test-app';

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

/** A browser page; actions wait up to 30 s, as the machine running the suite may be busy with other work. */
async function open(viewport?: { width: number; height: number }) {
  const opened = await newPage(browser, server.baseUrl, viewport);
  opened.context.setDefaultTimeout(30_000);
  return opened;
}

type Named = { id: string; name: string };
type TicketRow = { id: string; number: number; reference: string; subject: string; version: number };

/** Day `day` of the month `back` months before the current one, at noon UTC. */
function monthsAgo(back: number, day = 15): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, 12));
}
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const monthName = (d: Date) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
const quarterKey = (d: Date) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;

/** A screenshot without the passing notifications over the page. */
async function shot(page: Page, name: string) {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  await page.waitForTimeout(300);
  await screenshot(page, name);
}

/**
 * Five earlier months of answered CSAT surveys (a rise, a dip, a recovery) and two quarters of
 * NPS answers for the client, written as the survey module stores them, so the chart has a
 * history; this month's answer comes from the requester's click in the test.
 */
async function satisfactionHistory(tenantId: string, clientId: string, tickets: TicketRow[]) {
  const scores = [
    [5, 4, 5],
    [5, 5, 4, 5],
    [4, 3, 4],
    [3, 2, 3, 4],
    [4, 4, 5],
  ];
  let t = 0;
  for (let i = 0; i < scores.length; i++) {
    const at = monthsAgo(5 - i, 12);
    for (const score of scores[i] ?? []) {
      const ticket = tickets[t++];
      if (!ticket) throw new Error('not enough tickets for the history');
      await server.ctx.db
        .insertInto('csat_surveys')
        .values({
          tenant_id: tenantId,
          ticket_id: ticket.id,
          client_id: clientId,
          contract_id: null,
          site_id: null,
          recipient_email: 'rita@northwind.test',
          recipient_contact_id: null,
          recipient_user_id: null,
          technician_id: null,
          category: null,
          priority: 'P3',
          plan_name: null,
          scale: 'five',
          sent_at: at,
          expires_at: new Date(at.getTime() + 14 * 86_400_000),
          rating: score,
          score,
          responded_at: new Date(at.getTime() + 3_600_000),
          response_count: 1,
          follow_up_ticket_id: null,
        })
        .execute();
    }
  }
  // NPS: the quarter of five months ago +40, the quarter of last month lower.
  const rounds: Array<[Date, number[]]> = [
    [monthsAgo(5, 20), [9, 10, 7, 6, 9]],
    [monthsAgo(1, 20), [9, 6, 5, 8, 10, 3]],
  ];
  const seen = new Set<string>();
  for (const [at, npsScores] of rounds) {
    const quarter = quarterKey(at);
    if (seen.has(quarter)) continue;
    seen.add(quarter);
    const round = await server.ctx.db
      .insertInto('nps_rounds')
      .values({ tenant_id: tenantId, quarter_key: quarter, started_at: at, started_by: null, expires_at: new Date(at.getTime() + 60 * 86_400_000), recipient_count: npsScores.length })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [n, score] of npsScores.entries())
      await server.ctx.db
        .insertInto('nps_surveys')
        .values({
          tenant_id: tenantId,
          round_id: round.id,
          quarter_key: quarter,
          client_id: clientId,
          contact_id: null,
          email: `person${n}-${quarter}@northwind.test`,
          sent_at: at,
          expires_at: new Date(at.getTime() + 60 * 86_400_000),
          score,
          responded_at: new Date(at.getTime() + 86_400_000),
        })
        .execute();
  }
}

test('a requester rates a resolved ticket from the e-mail; the account manager sees it on the journey, moves the client on with evidence, and plans a problem the client admin reads in the portal', async () => {
  const { tenant, owner } = await server.createTenant('Tailspin Managed IT');
  const ownerAgent: Agent = await signIn(server.app, owner.email);
  const client = await ok<Named & { version: number }>(await ownerAgent.post('/api/v1/clients', { name: 'Northwind Traders', code: 'NORTHWIND' }), 'client');
  await ok(await ownerAgent.post(`/api/v1/clients/${client.id}/sites`, { name: 'Head office', timeZone: 'Europe/London', travelMinutes: 15, isMain: true }), 'site');
  const amy = await createUser(server.ctx, tenant.id, 'account_manager', { name: 'Amy Account', email: 'amy@tailspin.test' });
  const carla = await createUser(server.ctx, tenant.id, 'client_admin', { clientId: client.id, name: 'Carla Northwind', email: 'carla@northwind.test' });
  const rita = await createUser(server.ctx, tenant.id, 'client_user', { clientId: client.id, name: 'Rita Requester', email: 'rita@northwind.test' });

  // History: tickets behind the earlier surveys, and three earlier stages.
  const history: TicketRow[] = [];
  for (let i = 0; i < 17; i++)
    history.push(await ok<TicketRow>(await ownerAgent.post('/api/v1/tickets', { clientId: client.id, subject: `Earlier request ${i + 1}`, description: 'Done long ago.' }), 'history ticket'));
  await satisfactionHistory(tenant.id, client.id, history);
  const stages: Array<[string, Date, string]> = [
    ['onboarding_pain_points', monthsAgo(5, 1), 'Signed; fixing the slow VPN and the shared mailbox they raised.'],
    ['easy_wins', monthsAgo(3, 10), 'Patching and backups in order; the office noticed.'],
    ['new_processes', monthsAgo(1, 5), 'Change requests now go through approval; some push-back.'],
  ];
  for (const [stage, at, note] of stages) await ok(await ownerAgent.post(`/api/v1/clients/${client.id}/journey`, { stage, effectiveOn: isoDay(at), note, evidence: [] }), `stage ${stage}`);

  // The owner names Amy the client's account manager on the client form.
  const ownerPage = await open();
  const o = ownerPage.page;
  await signInWithPassword(o, owner.email, TEST_PASSWORD);
  await o.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await o.goto(`/clients/${client.id}`);
  await o.getByRole('button', { name: 'Edit client' }).click();
  const edit = o.getByRole('dialog', { name: 'Edit client' });
  await edit.locator('input:not([type=hidden])').and(edit.getByLabel(/^Account manager/)).click();
  await o.getByRole('option', { name: /^Amy Account/ }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await edit.waitFor({ state: 'hidden' });
  await o.getByText('Amy Account', { exact: true }).waitFor();
  await ownerPage.context.close();

  // This month's tickets show a surge of MFA questions and of how-to questions: two suggestions.
  for (let i = 1; i <= 5; i++) {
    await ok(await ownerAgent.post('/api/v1/tickets', { clientId: client.id, subject: `MFA prompt loops on phone ${i}`, description: 'Cannot finish sign-in.', tags: ['mfa'] }), 'mfa ticket');
    await ok(await ownerAgent.post('/api/v1/tickets', { clientId: client.id, subject: `How do I share a calendar ${i}`, description: 'New to the tools.', tags: ['how-to'] }), 'how-to ticket');
  }

  // Rita opens a ticket; it is resolved and the resolution e-mail carries the rating links.
  const ritaAgent = await signIn(server.app, rita.email);
  const printer = await ok<TicketRow>(await ritaAgent.post('/api/v1/tickets', { clientId: client.id, subject: 'Label printer prints blank labels', description: 'Since the driver update.' }), 'ticket');
  await ok(await ownerAgent.patch(`/api/v1/tickets/${printer.id}`, { status: 'resolved' }), 'resolve');
  const mail = await server.ctx.db.selectFrom('outbox_emails').select(['body_text', 'body_html', 'to_address']).where('tenant_id', '=', tenant.id).where('ticket_id', '=', printer.id).where('kind', '=', 'ticket_resolved').executeTakeFirstOrThrow();
  expect(mail.to_address).toBe(rita.email);
  const links = [...`${mail.body_text}\n${mail.body_html ?? ''}`.matchAll(/https?:\/\/[^\s"'<>]*\/s\/csat\/[A-Za-z0-9_.-]+\?r=(\d+)/g)];
  expect(links.length).toBeGreaterThanOrEqual(3);
  // The best answer on the tenant's scale (three-point by default: 3 = good, scored 5).
  const best = links.reduce((a, b) => (Number(b[1]) > Number(a[1]) ? b : a));
  const link = new URL(best[0].replaceAll('&amp;', '&'));

  // Rita clicks it: no sign-in, the rating is recorded by the page.
  const requester = await open();
  await requester.page.goto(link.pathname + link.search);
  await requester.page.getByText('Thank you for your feedback').waitFor();
  await shot(requester.page, 'journey-survey-thanks');
  await requester.context.close();

  // Amy sees this month's rating on the client's journey chart, next to the history.
  const staff = await open({ width: 1366, height: 900 });
  const s = staff.page;
  await signInWithPassword(s, amy.email, TEST_PASSWORD);
  await s.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await s.goto(`/clients/${client.id}`);
  const journey = s.getByRole('region', { name: 'Journey', exact: true });
  const chart = journey.getByRole('img', { name: /^Journey chart\./ });
  await chart.locator('svg').first().waitFor();
  const label = (await chart.getAttribute('aria-label')) ?? '';
  expect(label).toContain(`${monthName(monthsAgo(0))} 5.0 from 1 response`);
  expect(label).toContain(`${monthName(monthsAgo(2))} 3.0 from 4 responses`);
  expect(label).toContain('Easy wins from');
  await journey.getByRole('region', { name: 'Current stage', exact: true }).getByText('3. New processes').waitFor();
  await journey.getByText('CSAT, latest month').waitFor();
  await journey.getByRole('button', { name: 'Show the figures' }).click();
  const csatTable = journey.getByRole('table', { name: 'CSAT by month' });
  const thisMonth = csatTable.getByRole('row').filter({ hasText: monthName(monthsAgo(0)) });
  await expect(thisMonth.getByRole('cell').allInnerTexts()).resolves.toEqual([monthName(monthsAgo(0)), '5.0', '100 %', '1']);
  await journey.getByRole('button', { name: 'Hide the figures' }).click();
  // The chart alone, without the fixed header over it.
  const hideHeader = await s.addStyleTag({ content: '.mantine-AppShell-header { visibility: hidden !important; }' });
  await journey.getByTestId('journey-chart').screenshot({ path: '.tmp/screenshots/journey-staff-chart.png' });
  // The tooltip names the month, the stage in force and both figures.
  const chartBox = await journey.getByTestId('journey-chart').boundingBox();
  if (chartBox) await s.mouse.move(chartBox.x + chartBox.width * 0.62, chartBox.y + chartBox.height * 0.6);
  await journey.getByTestId('journey-chart').getByText(/Stage: \d\. /).waitFor();
  await journey.getByTestId('journey-chart').screenshot({ path: '.tmp/screenshots/journey-staff-chart-tooltip.png' });
  // On a phone the chart keeps its names and axes.
  await s.setViewportSize({ width: 390, height: 844 });
  await s.waitForTimeout(400);
  await journey.getByTestId('journey-chart').screenshot({ path: '.tmp/screenshots/journey-staff-chart-phone.png' });
  await s.setViewportSize({ width: 1366, height: 900 });
  await s.mouse.move(0, 0);
  await hideHeader.evaluate((el) => (el as Element).remove());

  // The data suggests two stages: Amy dismisses the training one, and applies the security one.
  const suggested = journey.getByRole('region', { name: 'Suggested stages' });
  await suggested.getByText('5 training or how-to tickets in the last 30 days', { exact: false }).waitFor();
  await suggested.getByRole('button', { name: 'Dismiss the suggestion: User training' }).click();
  await suggested.getByRole('button', { name: 'Dismiss the suggestion: User training' }).waitFor({ state: 'detached' });
  await suggested.getByText('5 security tickets in the last 30 days', { exact: false }).waitFor();
  await shot(s, 'journey-staff-suggestion');
  await suggested.getByRole('button', { name: 'Apply the suggestion: Enhanced security measures' }).click();

  // The form opens with the suggestion: stage, its help, the MFA tickets as evidence.
  const change = s.getByRole('dialog', { name: 'Change stage' });
  await expect(change.locator('input:not([type=hidden])').and(change.getByLabel(/^Stage/)).inputValue()).resolves.toBe('4. Enhanced security measures');
  await change.getByText('Multi-factor sign-in and other security controls add steps for users.').waitFor();
  await change.getByText(/MFA prompt loops on phone 5/).first().waitFor();
  await change.getByLabel(/^Effective from/).fill('');
  await change.getByLabel(/^Note/).fill('Multi-factor sign-in rolled out to every user this week.');
  await change.getByRole('button', { name: 'Change stage' }).click();
  await change.getByText('Enter the date the stage took effect').waitFor();
  await change.getByLabel(/^Effective from/).fill(isoDay(new Date()));
  const ticketPicker = change.locator('input:not([type=hidden])').and(change.getByLabel(/^Tickets/));
  await ticketPicker.click();
  await ticketPicker.fill('Label printer');
  await s.getByRole('option', { name: `${printer.reference} · Label printer prints blank labels` }).click();
  // Close the picker's list by moving on, not with Escape (that would close the dialog).
  await change.getByLabel(/^Note/).click();
  // The change request behind it, by name and link.
  await change.getByRole('button', { name: 'Add a change, project or link' }).click();
  await change.getByLabel('Name of evidence 1').fill('CHG-42 MFA roll-out');
  await change.getByLabel('Link of evidence 1').fill('https://changes.tailspin.test/CHG-42');
  await s.screenshot({ path: '.tmp/screenshots/journey-change-stage-form.png' });
  await change.getByRole('button', { name: 'Change stage' }).click();
  await change.waitFor({ state: 'hidden' });
  await journey.getByRole('region', { name: 'Current stage', exact: true }).getByText('4. Enhanced security measures').waitFor();
  await expect(journey.getByRole('button', { name: /^Apply the suggestion/ }).count()).resolves.toBe(0);
  const timeline = journey.getByLabel('Stage changes');
  await timeline.getByText('Multi-factor sign-in rolled out to every user this week.').waitFor();
  const evidence = timeline.getByRole('link', { name: /Label printer prints blank labels/ });
  expect(await evidence.getAttribute('href')).toBe(`/tickets/${printer.id}`);
  expect(await timeline.getByRole('link', { name: /CHG-42 MFA roll-out/ }).getAttribute('href')).toBe('https://changes.tailspin.test/CHG-42');
  await shot(s, 'journey-staff-client-page');

  // The printer keeps failing: Amy records a problem from the ticket and plans the fix.
  await evidence.click();
  await s.getByRole('heading', { name: 'Label printer prints blank labels' }).waitFor();
  const problemCard = s.getByRole('region', { name: 'Problem', exact: true });
  await problemCard.getByText('Not part of a known problem.').waitFor();
  await problemCard.getByRole('button', { name: 'New problem from this ticket' }).click();
  const create = s.getByRole('dialog', { name: 'New problem' });
  await create.getByLabel(/^Title/).fill('Label printers lose their driver after updates');
  await create.getByRole('button', { name: 'Record problem' }).click();
  await s.getByRole('heading', { name: 'Label printers lose their driver after updates' }).waitFor();
  const problemUrl = new URL(s.url()).pathname;
  expect(problemUrl).toMatch(/^\/problems\/[0-9a-f-]{36}$/);
  await s.getByRole('region', { name: 'Linked tickets' }).getByRole('link', { name: 'Label printer prints blank labels' }).waitFor();

  const analysis = s.getByRole('region', { name: 'Analysis and plan' });
  await analysis.getByRole('button', { name: 'Edit' }).click();
  await analysis.getByLabel(/^Root cause/).fill('The vendor driver package resets the label stock on every update.');
  await analysis.getByLabel(/^Workaround/).fill('Re-select the 62 mm label stock in the printer settings after an update.');
  await analysis.getByLabel(/^Plan/).fill('Replace the four label printers with a model whose driver keeps its settings, and pin the driver version meanwhile.');
  await analysis.getByLabel(/^Estimated cost/).fill('1840');
  await analysis.getByLabel(/^Currency/).fill('GBP');
  await analysis.getByRole('button', { name: 'Save' }).click();
  await analysis.getByText('£1,840.00').waitFor();

  const milestones = s.getByRole('region', { name: 'Milestones', exact: true });
  await milestones.getByRole('button', { name: 'Edit milestones' }).click();
  await milestones.getByLabel('Milestone 1 title').fill('Pin the driver version');
  await milestones.getByLabel('Milestone 1 done').fill(isoDay(new Date()));
  await milestones.getByRole('button', { name: 'Add milestone' }).click();
  await milestones.getByLabel('Milestone 2 title').fill('Replace the label printers');
  await milestones.getByLabel('Milestone 2 due').fill(isoDay(new Date(Date.now() + 30 * 86_400_000)));
  await milestones.getByRole('button', { name: 'Save milestones' }).click();
  await milestones.getByRole('list', { name: 'Milestones' }).getByText('Replace the label printers').waitFor();

  const status = s.getByRole('region', { name: 'Status', exact: true });
  await status.locator('input:not([type=hidden])').and(status.getByLabel(/^Status/)).click();
  await s.getByRole('option', { name: /^Plan agreed/ }).click();
  await s.getByText('A long-term plan to remove the cause is agreed with the client.').first().waitFor();
  await s.locator('.mantine-Badge-root', { hasText: 'Plan agreed' }).first().waitFor();
  await shot(s, 'journey-staff-problem');

  // The ticket page now names the problem.
  await s.goto(`/tickets/${printer.id}`);
  await s.getByRole('region', { name: 'Problem', exact: true }).getByRole('link', { name: /Label printers lose their driver after updates/ }).waitFor();
  await staff.context.close();

  // Carla, the client admin, reads the plan in the portal, and sees the journey's stage.
  const portal = await open();
  const p = portal.page;
  await signInWithPassword(p, carla.email, TEST_PASSWORD);
  await p.getByRole('region', { name: 'Our journey' }).getByRole('region', { name: 'Current stage', exact: true }).getByText('4. Enhanced security measures').waitFor();
  await shot(p, 'journey-portal-company');
  await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Problems' }).click();
  await p.getByRole('table', { name: 'Problems' }).getByRole('link', { name: 'Label printers lose their driver after updates' }).click();
  await p.getByRole('heading', { name: 'Label printers lose their driver after updates' }).waitFor();
  const plan = p.getByRole('region', { name: 'Cause and plan' });
  await plan.getByText('Replace the four label printers with a model whose driver keeps its settings, and pin the driver version meanwhile.').waitFor();
  await plan.getByText('Re-select the 62 mm label stock in the printer settings after an update.').waitFor();
  await plan.getByText('£1,840.00').waitFor();
  const portalMilestones = p.getByRole('list', { name: 'Milestones' });
  await portalMilestones.getByText('Pin the driver version').waitFor();
  await portalMilestones.getByText('Replace the label printers').waitFor();
  await expect(p.getByRole('button', { name: 'Edit' }).count()).resolves.toBe(0);
  const ticketLink = p.getByRole('region', { name: 'Linked tickets' }).getByRole('link', { name: 'Label printer prints blank labels' });
  expect(await ticketLink.getAttribute('href')).toBe(`/portal/tickets/${printer.id}`);
  await shot(p, 'journey-portal-problem');
  await portal.context.close();

  // A client user has neither problems nor the journey.
  const user = await open();
  await signInWithPassword(user.page, rita.email, TEST_PASSWORD);
  await user.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Tickets' }).waitFor();
  await expect(user.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Problems' }).count()).resolves.toBe(0);
  await expect(user.page.getByRole('region', { name: 'Our journey' }).count()).resolves.toBe(0);
  await user.context.close();
}, 180_000);

test('a technician turns recurring tickets into a problem, links another ticket to it from the ticket page; a client without a journey says what is missing', async () => {
  const { tenant, owner } = await server.createTenant('Contoso IT Services');
  const ownerAgent = await signIn(server.app, owner.email);
  const client = await ok<Named>(await ownerAgent.post('/api/v1/clients', { name: 'Litware Inc', code: 'LITWARE' }), 'client');
  const site = await ok<Named>(await ownerAgent.post(`/api/v1/clients/${client.id}/sites`, { name: 'Warehouse', timeZone: 'Europe/London', travelMinutes: 30, isMain: true }), 'site');
  const catalog = await ok<{ items: Named[] }>(await ownerAgent.get('/api/v1/catalog?limit=100'), 'catalog');
  const item = catalog.items[0];
  if (!item) throw new Error('no catalog item');
  const vpn: TicketRow[] = [];
  for (let i = 1; i <= 3; i++)
    vpn.push(await ok<TicketRow>(await ownerAgent.post('/api/v1/tickets', { clientId: client.id, siteId: site.id, catalogItemId: item.id, subject: `VPN drops in the afternoon (${i})`, description: 'Again.' }), 'vpn ticket'));
  const monitor = await ok<TicketRow>(await ownerAgent.post('/api/v1/tickets', { clientId: client.id, subject: 'Scanner loses the network share', description: 'Same as the VPN?' }), 'other ticket');
  const tom = await createUser(server.ctx, tenant.id, 'technician', { name: 'Tom Technician', email: 'tom@contoso-it.test' });

  const staff = await open();
  const s = staff.page;
  await signInWithPassword(s, tom.email, TEST_PASSWORD);
  await s.getByRole('navigation', { name: 'Main navigation' }).waitFor();

  // No stage and no answers yet: the journey says so, and a technician cannot change the stage.
  await s.goto(`/clients/${client.id}`);
  const journey = s.getByRole('region', { name: 'Journey', exact: true });
  await journey.getByText('Current stage: none recorded yet.').waitFor();
  await journey.getByTestId('journey-chart-empty').getByText(/no stage has been recorded and no survey has been answered/).waitFor();
  await expect(journey.getByRole('button', { name: 'Change stage' }).count()).resolves.toBe(0);
  await s.addStyleTag({ content: '.mantine-AppShell-header { visibility: hidden !important; }' });
  await journey.screenshot({ path: '.tmp/screenshots/journey-empty.png' });

  // The problems page offers the recurring VPN tickets as a problem.
  await s.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Problems' }).click();
  await s.getByRole('heading', { name: 'No problems recorded' }).waitFor();
  const recurring = s.getByRole('region', { name: 'Recurring tickets' });
  const group = recurring.getByRole('article', { name: `${item.name} at Warehouse` });
  await group.getByRole('link', { name: /VPN drops in the afternoon \(3\)/ }).waitFor();
  await shot(s, 'journey-problems-empty-with-suggestion');
  await group.getByRole('button', { name: 'Turn into a problem' }).click();
  const create = s.getByRole('dialog', { name: 'New problem' });
  await expect(create.getByLabel(/^Title/).inputValue()).resolves.toBe(`Recurring: ${item.name} at Warehouse`);
  await create.getByLabel(/^Title/).fill('VPN drops at the warehouse every afternoon');
  await create.getByText(/VPN drops in the afternoon \(2\)/).first().waitFor();
  await create.getByRole('button', { name: 'Record problem' }).click();
  await s.getByRole('heading', { name: 'VPN drops at the warehouse every afternoon' }).waitFor();
  const linked = s.getByRole('region', { name: 'Linked tickets' });
  await expect(linked.getByRole('row').count()).resolves.toBe(4);

  // One of them was something else: unlink it.
  await linked.getByRole('button', { name: `Unlink ${vpn[0]!.reference}` }).click();
  await expect.poll(() => linked.getByRole('row').count()).toBe(3);

  // The scanner ticket turns out to be the same cause: linked from its own page.
  await s.goto(`/tickets/${monitor.id}`);
  const card = s.getByRole('region', { name: 'Problem', exact: true });
  await card.getByRole('button', { name: 'Link to problem' }).click();
  await card.locator('input:not([type=hidden])').and(card.getByLabel(/^Link to problem/)).click();
  await s.getByRole('option', { name: /VPN drops at the warehouse every afternoon/ }).click();
  await card.getByRole('link', { name: /PRB-\d+ · VPN drops at the warehouse every afternoon/ }).waitFor();
  await shot(s, 'journey-ticket-problem-card');

  // The list filters by status; the edit forms read well.
  await s.goto('/problems');
  const table = s.getByRole('table', { name: 'Problems' });
  await table.getByRole('row').filter({ hasText: 'VPN drops at the warehouse every afternoon' }).getByText('3', { exact: true }).waitFor();
  await s.locator('input:not([type=hidden])').and(s.getByLabel('Status', { exact: true })).click();
  await s.getByRole('option', { name: 'Resolved' }).click();
  await s.getByRole('heading', { name: 'No problems match' }).waitFor();
  await s.goto('/problems?status=open');
  await table.getByRole('link', { name: 'VPN drops at the warehouse every afternoon' }).waitFor();
  await shot(s, 'journey-problems-list');
  await table.getByRole('link', { name: 'VPN drops at the warehouse every afternoon' }).click();
  await s.getByRole('region', { name: 'Analysis and plan' }).getByRole('button', { name: 'Edit' }).click();
  await s.getByRole('region', { name: 'Milestones', exact: true }).getByRole('button', { name: 'Edit milestones' }).click();
  await s.getByRole('region', { name: 'Milestones', exact: true }).getByRole('button', { name: 'Add milestone' }).click();
  await shot(s, 'journey-problem-editing');
  await staff.context.close();
}, 120_000);
