import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage, screenshot, signInWithPassword } from '../support/e2e-browser';
import { startE2eServer, TEST_PASSWORD, type E2eServer } from '../support/e2e-server';
import { previousQuarter } from '../../src/domain/satisfaction/risk-rules';
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

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/**
 * The account manager's morning: the At risk page lists her client with three bad ratings in a
 * row, in words, above a client of a colleague; "My clients" keeps hers; the name opens the
 * client. The Satisfaction report shows the same answers by technician for the last 30 days.
 */
test('an account manager sees her clients at risk and the satisfaction report', async () => {
  const { tenant, owner } = await server.createTenant('Northwind IT');
  const api = await signIn(server.app, owner.email);
  const amy = await createUser(server.ctx, tenant.id, 'account_manager', { name: 'Amy Account' });
  const max = await createUser(server.ctx, tenant.id, 'account_manager', { name: 'Max Account' });
  const tech = await createUser(server.ctx, tenant.id, 'technician', { name: 'Tina Tech' });
  const contoso = await ok<{ id: string; name: string }>(await api.post('/api/v1/clients', { name: 'Contoso Freight' }), 'client');
  const fabrikam = await ok<{ id: string; name: string }>(await api.post('/api/v1/clients', { name: 'Fabrikam Labs' }), 'client');
  await server.ctx.db.updateTable('clients').set({ account_manager_id: amy.id }).where('id', '=', contoso.id).execute();
  await server.ctx.db.updateTable('clients').set({ account_manager_id: max.id }).where('id', '=', fabrikam.id).execute();

  // Contoso rated its last three tickets badly; Fabrikam gave one bad rating and one good.
  const rate = async (clientId: string, score: number, ago: number, category: string) => {
    const t = await ok<{ id: string }>(await api.post('/api/v1/tickets', { clientId, subject: `VPN drops ${ago}` }), 'ticket');
    await server.ctx.db
      .insertInto('csat_surveys')
      .values({ tenant_id: tenant.id, ticket_id: t.id, client_id: clientId, recipient_email: `r${ago}@example.test`, technician_id: tech.id, category, priority: 'P2', plan_name: 'Gold', scale: 'five', sent_at: daysAgo(ago + 1), expires_at: daysAgo(ago - 13), rating: score, score, responded_at: daysAgo(ago), response_count: 1 })
      .execute();
  };
  for (const ago of [3, 2, 1]) await rate(contoso.id, 1, ago, 'network');
  await rate(fabrikam.id, 2, 4, 'hardware');
  await rate(fabrikam.id, 5, 5, 'hardware');
  // Fabrikam's NPS fell from all promoters to all detractors between two quarters.
  const quarter = (d: Date) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  const q2 = quarter(daysAgo(100));
  const q1 = previousQuarter(q2);
  for (const [q, scores] of [[q1, [10, 10, 9]], [q2, [2, 3, 4]]] as const) {
    const round = await server.ctx.db.insertInto('nps_rounds').values({ tenant_id: tenant.id, quarter_key: q, started_at: daysAgo(300), expires_at: daysAgo(1) }).returning('id').executeTakeFirstOrThrow();
    let i = 0;
    for (const score of scores) {
      await server.ctx.db
        .insertInto('nps_surveys')
        .values({ tenant_id: tenant.id, round_id: round.id, quarter_key: q, client_id: fabrikam.id, email: `p${q}${i++}@example.test`, sent_at: daysAgo(300), expires_at: daysAgo(1), score, responded_at: daysAgo(250) })
        .execute();
    }
  }

  const { context, page } = await newPage(browser, server.baseUrl);
  try {
    await signInWithPassword(page, amy.email, TEST_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'At risk' }).click();
    await page.getByRole('heading', { name: 'At risk', exact: true }).waitFor();
    // An account manager starts with her own clients.
    const table = page.getByRole('table', { name: 'Clients at risk' });
    await table.getByRole('link', { name: 'Contoso Freight' }).waitFor();
    await expect(table.getByRole('link', { name: 'Fabrikam Labs' }).count()).resolves.toBe(0);
    await table.getByText('The last 3 satisfaction ratings were all negative', { exact: false }).waitFor();
    await expect(table.getByLabel('Risk score 2').count()).resolves.toBe(1);

    // Everyone: Contoso (score 2) above Fabrikam (NPS drop, score 1).
    await page.getByLabel('Account manager').first().click();
    await page.getByRole('option', { name: 'Everyone' }).click();
    await table.getByRole('link', { name: 'Fabrikam Labs' }).waitFor();
    const names = await table.getByRole('row').filter({ has: page.getByRole('link') }).getByRole('link').allTextContents();
    expect(names).toEqual(['Contoso Freight', 'Fabrikam Labs']);
    await table.getByText(`NPS dropped from 100 in ${q1} to -100 in ${q2}`, { exact: false }).waitFor();
    await table.getByText('Account manager: Max Account').waitFor();
    await screenshot(page, 'satisfaction-at-risk');

    await table.getByRole('link', { name: 'Contoso Freight' }).click();
    await page.waitForURL(`**/clients/${contoso.id}`);

    await nav.getByRole('link', { name: 'Satisfaction', exact: true }).click();
    await page.getByRole('heading', { name: 'Satisfaction', exact: true }).waitFor();
    await page.getByText('Last 30 days', { exact: true }).click();
    const byClient = page.getByRole('table', { name: 'Satisfaction by client' });
    const contosoRow = byClient.getByRole('row').filter({ hasText: 'Contoso Freight' });
    await contosoRow.waitFor();
    // Three answers of 1: average 1, none positive.
    await expect(contosoRow.getByRole('cell').allTextContents()).resolves.toEqual(['Contoso Freight', '1', '0 %', '3', '3', '100 %', '—']);
    await page.getByText('Technician', { exact: true }).click();
    const byTech = page.getByRole('table', { name: 'Satisfaction by technician' });
    await byTech.getByRole('row').filter({ hasText: 'Tina Tech' }).waitFor();
    // Tina: 1, 1, 1, 2, 5 -> 2.
    await expect(byTech.getByRole('row').filter({ hasText: 'Tina Tech' }).getByRole('cell').allTextContents()).resolves.toEqual(['Tina Tech', '2', '20 %', '5', '5', '100 %']);
    await page.getByLabel('Totals for the period').waitFor();
    await screenshot(page, 'satisfaction-report');
  } finally {
    await context.close();
  }
});

/**
 * The goal editor offers the satisfaction measures with their units: an average score 1-5
 * (starting at 4.5, out of range refused on the field), NPS without a ticket scope.
 */
test('a draft contract takes a CSAT average goal and an NPS goal from the goal editor', async () => {
  const { owner } = await server.createTenant('Southwind IT');
  const api = await signIn(server.app, owner.email);
  const client = await ok<{ id: string }>(await api.post('/api/v1/clients', { name: 'Bravo Bakeries' }), 'client');
  const plans = await ok<{ items: Array<{ id: string; name: string }> }>(await api.get('/api/v1/plans'), 'plans');
  const silver = plans.items.find((p) => p.name === 'Silver')!;
  const draft = await ok<{ id: string }>(await api.post('/api/v1/contracts', { clientId: client.id, name: 'Bravo support', planId: silver.id, startsAt: '2026-01-01T00:00:00Z' }), 'contract');

  const { context, page } = await newPage(browser, server.baseUrl, { width: 1366, height: 1000 });
  try {
    await signInWithPassword(page, owner.email, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.goto(`/contracts/${draft.id}`);
    const section = page.getByRole('region', { name: 'Goals and responsibilities' });
    await section.getByRole('button', { name: 'Add goal' }).click();
    const add = page.getByRole('dialog', { name: 'Add goal' });
    await add.getByLabel(/^Objective/).fill('Happy users');
    await add.getByLabel(/^Measure/).click();
    await page.getByRole('option', { name: 'CSAT average score' }).click();
    await add.getByText('An average score, from 1 to 5').waitFor();
    expect(await add.getByLabel(/^Target/).inputValue()).toBe('4.5');
    await add.getByText('Which tickets count (the surveys of these tickets)').waitFor();
    await add.getByText(/With fewer survey answers in the period/).waitFor();
    await add.getByLabel(/^Minimum sample/).fill('10');
    await screenshot(page, 'satisfaction-goal-editor');
    await add.getByRole('button', { name: 'Add goal' }).click();
    await add.waitFor({ state: 'hidden' });
    const card = section.getByRole('article', { name: 'Goal: Happy users' });
    await card.getByText('At least 4.5 out of 5').waitFor();

    await section.getByRole('button', { name: 'Add goal' }).click();
    await add.getByLabel(/^Objective/).fill('Clients recommend us');
    await add.getByLabel(/^Measure/).click();
    await page.getByRole('option', { name: 'NPS (Net Promoter Score)' }).click();
    expect(await add.getByLabel(/^Target/).inputValue()).toBe('30');
    await add.getByText(/it is not limited to some tickets/).waitFor();
    await expect(add.getByText('Which tickets count', { exact: false }).count()).resolves.toBe(0);
    // The target keeps to NPS's range as it is typed (the server refuses it too, naming the field).
    await add.getByLabel(/^Target/).fill('120');
    await add.getByLabel(/^Minimum sample/).fill('5');
    expect(await add.getByLabel(/^Target/).inputValue()).toBe('100');
    await add.getByLabel(/^Target/).fill('40');
    await add.getByRole('button', { name: 'Add goal' }).click();
    await add.waitFor({ state: 'hidden' });
    await section.getByRole('article', { name: 'Goal: Clients recommend us' }).getByText('At least 40', { exact: true }).waitFor();
  } finally {
    await context.close();
  }
});
