import path from 'node:path';
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

/** A screenshot of one element (a section, a dialog), beside the full-page ones; a tall window shows a whole dialog. */
async function shotOf(locator: Locator, name: string, page?: Page) {
  const before = page?.viewportSize();
  if (page && before) await page.setViewportSize({ width: before.width, height: 2200 });
  await locator.screenshot({ path: path.resolve('.tmp/screenshots', `${name}.png`) });
  if (page && before) await page.setViewportSize(before);
}

test('an account manager proposes a goal with a penalty, a 140 % target is refused on the field, the client admin accepts it and sees the goal', async () => {
  const { tenant } = await server.createTenant('Northwind IT');
  const am = await createUser(server.ctx, tenant.id, 'account_manager', { name: 'Andy Account', email: 'andy@northwind.test' });
  const { context, page } = await newPage(browser, server.baseUrl, { width: 1366, height: 1000 });
  await signInWithPassword(page, am.email, TEST_PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();

  // A client with a main site, its client admin, and an active Gold contract.
  const acme = await apiPost(page, '/api/v1/clients', { name: 'Acme Logistics', code: 'ACME' });
  await apiPost(page, `/api/v1/clients/${acme.id}/sites`, { name: 'Berlin warehouse', timeZone: 'Europe/Berlin', travelMinutes: 35, isMain: true });
  const clara = await createUser(server.ctx, tenant.id, 'client_admin', { clientId: acme.id, name: 'Clara Acme', email: 'clara@acme.test' });
  const gold = (await (await page.request.get('/api/v1/plans')).json()).items.find((p: { name: string }) => p.name === 'Gold');
  const contract = await apiPost(page, '/api/v1/contracts', { clientId: acme.id, name: 'Acme managed services', planId: gold.id, startsAt: '2026-01-01T00:00:00Z' });
  await apiPost(page, `/api/v1/contracts/${contract.id}/activate`, {});

  // The contract page has a goals section: none yet.
  await page.goto(`/contracts/${contract.id}`);
  const section = page.getByRole('region', { name: 'Goals and responsibilities' });
  await section.getByText('No goals are agreed.').waitFor();

  // Propose an amendment adding a goal, with a penalty; first with a 140 % target.
  await page.getByRole('button', { name: 'Propose amendment' }).click();
  const propose = page.getByRole('dialog', { name: 'Propose amendment' });
  await propose.getByText('Goal', { exact: true }).click();
  await propose.getByLabel(/^Objective/).fill('Fast answers');
  // The measure's own description is the help text, and prefills how it is measured.
  await propose.getByText(/Share of first-response clocks met/).first().waitFor();
  expect(await propose.getByLabel(/^How it is measured/).inputValue()).toMatch(/^Share of first-response clocks met/);
  await propose.getByLabel(/^Target \(%\)/).fill('140');
  await propose.getByLabel(/^Minimum sample/).fill('20');
  const missed = propose.getByRole('group', { name: /If missed/ });
  await missed.getByText('% of the fee', { exact: true }).click();
  await missed.getByLabel(/^Credit \(% of the fee\)/).fill('5');
  await missed.getByLabel(/^At most per month/).fill('200');
  await missed.getByLabel(/^At most in all/).fill('1000');
  await propose.getByRole('button', { name: 'Propose amendment' }).click();

  // The server's message sits under the target field, and the dialog stays open.
  const targetInput = propose.getByLabel(/^Target \(%\)/);
  await propose.getByText('Must be a percentage from 0 to 100').waitFor();
  expect(await targetInput.getAttribute('aria-invalid')).toBe('true');
  await shotOf(propose, 'goals-propose-modal-error', page);

  await targetInput.fill('95');
  await expect(propose.getByText('Must be a percentage from 0 to 100').count()).resolves.toBe(0);
  await propose.getByRole('button', { name: 'Propose amendment' }).click();
  await propose.waitFor({ state: 'hidden' });
  const timeline = page.getByRole('region', { name: 'Amendments' });
  await timeline.getByText(/Adds goal 'Fast answers'/).waitFor();
  expect(await timeline.getByText(/Adds goal 'Fast answers'/).innerText()).toContain('credit 5 % of the monthly fee when missed, at most 200.00 per month and 1,000.00 in all');
  await context.close();

  // The client admin reads the goal in the pending amendment, accepts it, and sees it in force.
  const portal = await newPage(browser, server.baseUrl, { width: 1366, height: 1000 });
  const p = portal.page;
  await signInWithPassword(p, clara.email, TEST_PASSWORD);
  await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My service levels' }).click();
  const pending = p.getByRole('region', { name: 'Pending amendments' });
  const proposed = pending.getByRole('article', { name: 'Goal: Fast answers' });
  await proposed.waitFor();
  expect(await proposed.innerText()).toContain('At least 95 %');
  expect(await proposed.innerText()).toMatch(/Credit 5 % of the monthly fee when missed, at most €200\.00 per month and €1,000\.00 in all/);
  await screenshot(p, 'goals-portal-pending');
  await pending.getByRole('button', { name: 'Accept' }).click();
  await p.getByRole('dialog', { name: /^Accept amendment/ }).getByRole('button', { name: 'Accept and sign' }).click();
  await pending.waitFor({ state: 'hidden' });
  const goals = p.getByRole('region', { name: 'Goals and your responsibilities' });
  const inForce = goals.getByRole('article', { name: 'Goal: Fast answers' });
  await inForce.waitFor();
  expect(await inForce.innerText()).toContain('First-response compliance');
  expect(await inForce.innerText()).toContain('At least 20 tickets');
  await shotOf(goals, 'goals-portal-in-force');
  await p.setViewportSize({ width: 390, height: 844 });
  await p.waitForTimeout(400);
  await shotOf(goals, 'goals-portal-in-force-phone');
  await portal.context.close();

  // Back on the contract page, the goal is in the terms in force, with its penalty and caps.
  const staff = await newPage(browser, server.baseUrl, { width: 1366, height: 1000 });
  await signInWithPassword(staff.page, am.email, TEST_PASSWORD);
  await staff.page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await staff.page.goto(`/contracts/${contract.id}`);
  const staffSection = staff.page.getByRole('region', { name: 'Goals and responsibilities' });
  const card = staffSection.getByRole('article', { name: 'Goal: Fast answers' });
  await card.waitFor();
  expect(await card.innerText()).toMatch(/at most €200\.00 per month and €1,000\.00 in all/);
  await shotOf(staffSection, 'goals-contract-section');
  // Proposing a change opens the form on the goal, prefilled.
  await card.getByRole('button', { name: 'Propose a change to goal Fast answers' }).click();
  const change = staff.page.getByRole('dialog', { name: 'Propose amendment' });
  expect(await change.getByLabel(/^Objective/).inputValue()).toBe('Fast answers');
  expect(await change.getByLabel(/^Target \(%\)/).inputValue()).toBe('95');
  await shotOf(change, 'goals-propose-modal-change', staff.page);
  await staff.context.close();
});

test('a draft contract takes goals and responsibilities directly: add, edit, field errors, and they carry into the original agreement', async () => {
  const { tenant, owner } = await server.createTenant('Southwind IT');
  const { context, page } = await newPage(browser, server.baseUrl, { width: 1366, height: 1000 });
  await signInWithPassword(page, owner.email, TEST_PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  const client = await apiPost(page, '/api/v1/clients', { name: 'Bravo Bakeries' });
  await apiPost(page, `/api/v1/clients/${client.id}/sites`, { name: 'Bakery', timeZone: 'Europe/London', isMain: true });
  const silver = (await (await page.request.get('/api/v1/plans')).json()).items.find((p: { name: string }) => p.name === 'Silver');
  const draft = await apiPost(page, '/api/v1/contracts', { clientId: client.id, name: 'Bravo support', planId: silver.id, startsAt: '2026-01-01T00:00:00Z' });
  expect(tenant.id).toBeTruthy();

  await page.goto(`/contracts/${draft.id}`);
  const section = page.getByRole('region', { name: 'Goals and responsibilities' });
  await section.getByText(/No goals yet/).waitFor();

  // A backlog goal: the age field appears, and the method follows the metric with its N.
  await section.getByRole('button', { name: 'Add goal' }).click();
  const add = page.getByRole('dialog', { name: 'Add goal' });
  await add.getByLabel(/^Objective/).fill('No forgotten tickets');
  await add.getByLabel(/^Measure/).click();
  await page.getByRole('option', { name: 'Backlog older than N business days' }).click();
  await add.getByLabel(/^Older than \(business days\)/).fill('10');
  await expect(add.getByLabel(/^How it is measured/).inputValue()).resolves.toMatch(/older than 10 business days/);
  expect(await add.getByLabel(/^Comparator/).inputValue()).toBe('At most (≤)');
  await add.getByLabel(/^Target \(tickets\)/).fill('3');
  await add.getByLabel(/^Minimum sample/).fill('0');
  // A penalty with an empty overall cap is refused on that field.
  const missed = add.getByRole('group', { name: /If missed/ });
  await missed.getByText('Fixed amount', { exact: true }).click();
  await missed.getByLabel(/^Credit/).fill('150');
  await missed.getByLabel(/^At most per month/).fill('150');
  await add.getByRole('button', { name: 'Add goal' }).click();
  await add.getByText('Is required: a penalty is always capped over the contract').waitFor();
  await missed.getByLabel(/^At most in all/).fill('900');
  await add.getByRole('button', { name: 'Add goal' }).click();
  await add.waitFor({ state: 'hidden' });
  const card = section.getByRole('article', { name: 'Goal: No forgotten tickets' });
  await card.waitFor();
  expect(await card.innerText()).toContain('At most 3');

  // Edit it: the form opens filled in.
  await card.getByRole('button', { name: 'Edit goal No forgotten tickets' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit goal' });
  expect(await edit.getByLabel(/^Older than/).inputValue()).toBe('10');
  await edit.getByLabel(/^Target/).fill('2');
  await edit.getByRole('button', { name: 'Save goal' }).click();
  await edit.waitFor({ state: 'hidden' });
  await card.getByText('At most 2', { exact: true }).waitFor();

  // A responsibility measured from the tickets.
  await section.getByRole('button', { name: 'Add responsibility' }).click();
  const resp = page.getByRole('dialog', { name: 'Add responsibility' });
  await resp.getByLabel(/^Responsibility/).fill('Answer information requests within 8 business hours');
  await shotOf(resp, 'goals-draft-responsibility-modal', page);
  await resp.getByRole('button', { name: 'Add responsibility' }).click();
  await resp.waitFor({ state: 'hidden' });
  await section.getByRole('article', { name: 'Responsibility: Answer information requests within 8 business hours' }).waitFor();
  await shotOf(section, 'goals-draft-section');

  // Activation agrees them with the rest of the draft.
  await page.getByRole('button', { name: 'Activate' }).click();
  await page.getByRole('dialog', { name: 'Activate contract' }).getByRole('button', { name: 'Activate' }).click();
  await page.getByRole('region', { name: 'Terms in force now' }).waitFor();
  await section.getByRole('button', { name: 'Propose a goal' }).waitFor();
  const view = await (await page.request.get(`/api/v1/contracts/${draft.id}/amendments/1`)).json();
  expect(view.terms.goals.map((g: { objective: string; target: number }) => [g.objective, g.target])).toEqual([['No forgotten tickets', 2]]);
  expect(view.terms.responsibilities).toHaveLength(1);
  await context.close();
});
