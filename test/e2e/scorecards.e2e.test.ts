import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage, screenshot, signInWithPassword } from '../support/e2e-browser';
import { startE2eServer, TEST_PASSWORD, type E2eServer } from '../support/e2e-server';
import { createUser, ok, signIn, type Agent } from '../support/test-app';

let server: E2eServer;
let browser: Browser;
// The server's clock: set to a past instant to open and answer tickets "last month", null for the real time.
let fakeNow: Date | null = null;

beforeAll(async () => {
  server = await startE2eServer({ now: () => fakeNow ?? new Date() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Named = { id: string; name: string };

/** The first day of the month `back` months before the real current month, at `hour` UTC on `day`. */
function monthsAgo(back: number, day: number, hour: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, hour));
}

const monthKey = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
const monthName = (d: Date) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);

/** Signs in through the API at the server's current (possibly past) instant. */
const agentFor = (email: string) => signIn(server.app, email);

/**
 * A client with a Gold contract since two months ago whose goal "Fast answers" (first-response
 * compliance >= 95 %) carries a fixed penalty of 500.00 capped at 200.00 a month; last month one
 * ticket was answered in time and one was not, so the goal is missed.
 */
async function contractWithMissedGoal(ownerEmail: string) {
  const start = monthsAgo(2, 1, 12);
  fakeNow = start;
  let owner: Agent = await agentFor(ownerEmail);
  // Open round the clock, so business time is wall-clock time whatever the test's hour.
  const calendars = await ok<{ items: Array<Named & { version: number }> }>(await owner.get('/api/v1/calendars?limit=100'), 'calendars');
  const day = [['00:00', '24:00']];
  for (const c of calendars.items)
    await ok(
      await owner.request(`/api/v1/calendars/${c.id}`, {
        method: 'PUT',
        body: { name: c.name, definition: { timeZone: 'Europe/London', week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }, holidays: [], holidaySets: [] } },
      }),
      'calendar',
    );
  const client = await ok<Named>(await owner.post('/api/v1/clients', { name: 'Contoso Freight', code: 'CONTOSO' }), 'client');
  await ok(await owner.post(`/api/v1/clients/${client.id}/sites`, { name: 'London office', timeZone: 'Europe/London', travelMinutes: 20, isMain: true }), 'site');
  const plans = await ok<{ items: Named[] }>(await owner.get('/api/v1/plans?limit=100'), 'plans');
  const gold = plans.items.find((p) => p.name === 'Gold');
  if (!gold) throw new Error('no Gold plan');
  const contract = await ok<Named & { version: number }>(
    await owner.post('/api/v1/contracts', { clientId: client.id, name: 'Contoso service agreement', planId: gold.id, startsAt: start.toISOString() }),
    'contract',
  );
  await ok(
    await owner.request(`/api/v1/contracts/${contract.id}`, {
      method: 'PATCH',
      headers: { 'if-match': `"${contract.version}"` },
      body: {
        goals: [
          {
            objective: 'Fast answers',
            metric: { key: 'first_response_compliance' },
            scope: {},
            comparator: 'gte',
            target: 95,
            period: 'monthly',
            minSample: 1,
            incentive: null,
            penalty: { kind: 'fixed', amountMinor: 50_000, capPerPeriodMinor: 20_000, capOverallMinor: 100_000 },
            method: 'Share of first responses given within the target of the ticket.',
          },
          {
            objective: 'Users rate us well',
            metric: { key: 'manual', manualName: 'Satisfaction score', manualUnit: 'percent' },
            scope: {},
            comparator: 'gte',
            target: 80,
            period: 'monthly',
            minSample: 1,
            incentive: null,
            penalty: null,
            method: 'The satisfaction survey score of the month, from the survey tool.',
          },
        ],
        responsibilities: [{ description: 'Approve standard changes within 2 business days', measure: { kind: 'attested' }, excludeFromCompliance: false }],
      },
    }),
    'goals',
  );
  await ok(await owner.post(`/api/v1/contracts/${contract.id}/activate`, {}), 'activate');

  // The month before: one ticket, answered a week late.
  fakeNow = monthsAgo(2, 10, 10);
  owner = await agentFor(ownerEmail);
  const early = await ok<Named>(await owner.post('/api/v1/tickets', { clientId: client.id, subject: 'Shared drive full', description: 'No space left.' }), 'ticket');
  fakeNow = monthsAgo(2, 17, 10);
  owner = await agentFor(ownerEmail);
  await ok(await owner.post(`/api/v1/tickets/${early.id}/comments`, { body: 'Cleaned up; 200 GB free now.' }), 'reply');

  // Last month: two tickets at 10:00; one answered five minutes later, the other only three days later.
  fakeNow = monthsAgo(1, 10, 10);
  owner = await agentFor(ownerEmail);
  const quick = await ok<Named>(await owner.post('/api/v1/tickets', { clientId: client.id, subject: 'Outlook asks for the password', description: 'Since this morning.' }), 'ticket');
  const slow = await ok<Named>(await owner.post('/api/v1/tickets', { clientId: client.id, subject: 'Printer on floor 2 offline', description: 'Nobody can print.' }), 'ticket');
  fakeNow = new Date(monthsAgo(1, 10, 10).getTime() + 5 * 60_000);
  await ok(await owner.post(`/api/v1/tickets/${quick.id}/comments`, { body: 'Reset your session; it works again.' }), 'reply');
  fakeNow = monthsAgo(1, 13, 10);
  owner = await agentFor(ownerEmail);
  await ok(await owner.post(`/api/v1/tickets/${slow.id}/comments`, { body: 'Sorry for the wait: the printer is back.' }), 'reply');
  fakeNow = null;

  // The month before was reviewed already: evaluated and finalised.
  owner = await agentFor(ownerEmail);
  const before = monthKey(monthsAgo(2, 1, 12));
  const draft = await ok<{ version: number }>(await owner.post(`/api/v1/contracts/${contract.id}/scorecards`, { periodKey: before }), 'evaluate');
  await ok(await owner.post(`/api/v1/contracts/${contract.id}/scorecards/${before}/finalise`, {}, { 'if-match': `"${draft.version}"` }), 'finalise');
  return { client, contract, quick, slow };
}

/** A screenshot without the passing notifications over the page. */
async function shot(page: Page, name: string, fullPage = true) {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  await page.waitForTimeout(300);
  if (fullPage) await screenshot(page, name);
  else await page.screenshot({ path: `.tmp/screenshots/${name}.png` });
}

async function downloadTo(page: Page, click: () => Promise<void>, dir: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, download.suggestedFilename() || 'download');
  await download.saveAs(file);
  return file;
}

function hasPdftotext() {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('the account manager evaluates and finalises last month; the client admin sees the missed goal, its tickets and the statement', async () => {
  const { tenant, owner } = await server.createTenant('Fabrikam Managed IT');
  const { client, contract, slow } = await contractWithMissedGoal(owner.email);
  const lastMonth = monthsAgo(1, 1, 12);
  const periodKey = monthKey(lastMonth);
  const month = monthName(lastMonth);
  const amy = await createUser(server.ctx, tenant.id, 'account_manager', { name: 'Amy Account', email: 'amy@fabrikam.test' });
  const carla = await createUser(server.ctx, tenant.id, 'client_admin', { clientId: client.id, name: 'Carla Contoso', email: 'carla@contoso.test' });
  const colin = await createUser(server.ctx, tenant.id, 'client_user', { clientId: client.id, name: 'Colin Contoso', email: 'colin@contoso.test' });

  // The account manager finds the scorecards from the contract page; none exists yet.
  const staff = await newPage(browser, server.baseUrl);
  const s = staff.page;
  await signInWithPassword(s, amy.email, TEST_PASSWORD);
  await s.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await s.goto(`/contracts/${contract.id}`);

  // Counts for per-unit fees are recorded on the contract page; the form names a missing count.
  const counts = s.getByRole('region', { name: 'User and device counts' });
  await counts.getByRole('button', { name: 'Record count' }).click();
  const record = s.getByRole('dialog', { name: 'Record a count' });
  await record.getByRole('button', { name: 'Record' }).click();
  await record.getByText(/must be a number/i).waitFor();
  await record.getByLabel(/^Count/).fill('42');
  await record.getByLabel(/^Effective from/).fill('2026-01-01');
  await record.getByRole('button', { name: 'Record' }).click();
  await counts.getByRole('row').filter({ hasText: '42' }).filter({ hasText: 'Users' }).waitFor();

  const card = s.getByRole('region', { name: 'Scorecards' });
  await card.getByRole('link', { name: monthName(monthsAgo(2, 1, 12)) }).waitFor();
  await card.getByRole('link', { name: 'Scorecards' }).click();
  await s.getByRole('heading', { name: 'Scorecards', exact: true }).waitFor();
  const list = s.getByRole('table', { name: 'Scorecards by month' });
  await list.getByRole('row').filter({ hasText: monthName(monthsAgo(2, 1, 12)) }).getByText('Final', { exact: true }).waitFor();
  await expect(list.getByRole('link', { name: month }).count()).resolves.toBe(0);

  // Evaluate last month: the dialog says what happens.
  await s.getByRole('button', { name: 'Evaluate month' }).first().click();
  const evaluate = s.getByRole('dialog', { name: 'Evaluate month' });
  await evaluate.getByText('A final scorecard never changes: re-open it first to evaluate it again.').waitFor();
  await evaluate.locator('input:not([type=hidden])').and(evaluate.getByLabel(/^Month/)).click();
  await s.getByRole('option', { name: month, exact: true }).click();
  await evaluate.getByRole('button', { name: 'Evaluate' }).click();
  await s.getByRole('heading', { name: `Scorecard · ${month}` }).waitFor();
  expect(new URL(s.url()).pathname).toBe(`/contracts/${contract.id}/scorecards/${periodKey}`);

  // The goal is missed with a capped credit; the attested responsibility waits for an attestation.
  const goals = s.getByRole('table', { name: 'Goals' });
  const goalRow = goals.getByRole('row').filter({ hasText: 'Fast answers' });
  await goalRow.getByText('Missed', { exact: true }).waitFor();
  await goalRow.getByText('50 %', { exact: true }).waitFor();
  await goalRow.getByText(/^−.*200\.00$/).waitFor();
  await s.getByRole('region', { name: 'Client responsibilities' }).getByText('Not assessed', { exact: true }).waitFor();
  await s.getByRole('img', { name: /^Trend: Fast answers/ }).locator('svg').first().waitFor();
  await shot(s, 'scorecards-staff-draft');

  // The manual goal waits for its value; the evidence note is required, a file may back it.
  const manualRow = goals.getByRole('row').filter({ hasText: 'Users rate us well' });
  await manualRow.getByText('Not evaluable', { exact: true }).waitFor();
  await s.getByRole('alert').filter({ hasText: 'This scorecard needs input before it is finalised' }).getByText('A value for “Users rate us well” (Satisfaction score)').waitFor();
  await manualRow.getByRole('button', { name: 'Enter value for Users rate us well' }).click();
  const manual = s.getByRole('dialog', { name: 'Enter value: Users rate us well' });
  await manual.getByLabel(/^Value \(percent\)/).fill('92');
  await manual.getByRole('button', { name: 'Save value' }).click();
  await manual.getByText('An evidence note is required: where the figure comes from').waitFor();
  await manual.getByLabel(/^Evidence note/).fill('Survey tool export, 48 answers');
  await manual.locator('input[type=file]').setInputFiles({ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from('question,score\noverall,92\n') });
  await manual.getByRole('button', { name: 'Save value' }).click();
  await manual.waitFor({ state: 'hidden' });
  await manualRow.getByText('Met', { exact: true }).waitFor();
  await manualRow.getByText('92 %', { exact: true }).waitFor();

  // Attest the responsibility; a breach needs a note.
  await s.getByRole('button', { name: 'Attest: Approve standard changes within 2 business days' }).click();
  const attest = s.getByRole('dialog', { name: 'Attest responsibility' });
  await attest.getByLabel('Did not keep it').check();
  await attest.getByRole('button', { name: 'Save attestation' }).click();
  await attest.getByText('A note is required when the responsibility was not kept').waitFor();
  await attest.getByLabel('Kept it').check();
  await attest.getByRole('button', { name: 'Save attestation' }).click();
  await attest.waitFor({ state: 'hidden' });
  await s.getByRole('region', { name: 'Client responsibilities' }).getByText('Kept', { exact: true }).waitFor();

  // The drill-down lists the tickets behind the figure, the late one breached, linking to the ticket.
  await goalRow.getByRole('button', { name: 'Fast answers: open the tickets behind this figure' }).click();
  const drawer = s.getByRole('dialog', { name: 'Fast answers' });
  const tickets = drawer.getByRole('table', { name: 'Tickets behind the goal' });
  const slowRow = tickets.getByRole('row').filter({ hasText: 'Printer on floor 2 offline' });
  await slowRow.getByText('Breached', { exact: true }).waitFor();
  expect(await slowRow.getByRole('link').getAttribute('href')).toBe(`/tickets/${slow.id}`);
  await tickets.getByRole('row').filter({ hasText: 'Outlook asks for the password' }).getByText('Met', { exact: true }).waitFor();
  await shot(s, 'scorecards-staff-drilldown', false);
  await s.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // Finalise: the confirmation says it cannot be changed afterwards.
  await s.getByRole('button', { name: 'Finalise' }).click();
  const confirm = s.getByRole('dialog', { name: `Finalise ${month}` });
  await confirm.getByText('cannot be changed afterwards').waitFor();
  await confirm.getByRole('button', { name: 'Finalise' }).click();
  await confirm.waitFor({ state: 'hidden' });
  await s.getByRole('button', { name: 'Re-open' }).waitFor();
  await expect(s.getByRole('button', { name: 'Finalise' }).count()).resolves.toBe(0);

  // The statement carries the credit, negative.
  await s.getByRole('link', { name: 'Statement' }).click();
  await s.getByRole('heading', { name: `Statement · ${month}` }).waitFor();
  const lines = s.getByRole('region', { name: 'Statement lines' });
  await lines.locator('tr[data-kind=service_credit]').getByText(/^−.*200\.00$/).waitFor();
  await shot(s, 'scorecards-staff-statement');

  await s.goto(`/contracts/${contract.id}/review-pack`);
  await s.getByRole('region', { name: 'Latest scorecard' }).getByText(month).waitFor();
  await s.getByRole('region', { name: 'Goals missed twice running' }).getByRole('link', { name: 'Fast answers' }).waitFor();
  await s.getByRole('img', { name: /^Trend: Fast answers/ }).locator('svg').first().waitFor();
  await shot(s, 'scorecards-staff-review-pack');
  await s.emulateMedia({ media: 'print' });
  await expect(s.getByRole('navigation', { name: 'Main navigation' }).isVisible()).resolves.toBe(false);
  await screenshot(s, 'scorecards-review-pack-print');
  await s.emulateMedia({ media: 'screen' });

  // A client user has no scorecards in the portal.
  const user = await newPage(browser, server.baseUrl);
  await signInWithPassword(user.page, colin.email, TEST_PASSWORD);
  await user.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Tickets' }).waitFor();
  await expect(user.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Scorecards' }).count()).resolves.toBe(0);
  await user.context.close();

  // The client admin sees the final scorecard, opens the missed goal and its tickets.
  const portal = await newPage(browser, server.baseUrl);
  const p = portal.page;
  await signInWithPassword(p, carla.email, TEST_PASSWORD);
  await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Scorecards' }).click();
  await p.getByRole('table', { name: 'Scorecards by month' }).getByRole('link', { name: month }).click();
  await p.getByRole('heading', { name: `Scorecard · ${month}` }).waitFor();
  const portalGoal = p.getByRole('table', { name: 'Goals' }).getByRole('row').filter({ hasText: 'Fast answers' });
  await portalGoal.getByText('Missed', { exact: true }).waitFor();
  await expect(p.getByRole('button', { name: 'Finalise' }).count()).resolves.toBe(0);
  await p.getByRole('img', { name: /^Trend: Fast answers/ }).locator('svg').first().waitFor();
  await shot(p, 'scorecards-portal-scorecard');
  await portalGoal.getByRole('button', { name: 'Tickets behind Fast answers' }).click();
  const portalDrawer = p.getByRole('dialog', { name: 'Fast answers' });
  const portalSlow = portalDrawer.getByRole('table', { name: 'Tickets behind the goal' }).getByRole('row').filter({ hasText: 'Printer on floor 2 offline' });
  await portalSlow.getByText('Breached', { exact: true }).waitFor();
  await shot(p, 'scorecards-portal-drilldown', false);
  await portalSlow.getByRole('link').click();
  await p.getByRole('heading', { name: 'Printer on floor 2 offline' }).waitFor();
  expect(new URL(p.url()).pathname).toBe(`/portal/tickets/${slow.id}`);

  // Back on the scorecard the drill-down is open again, as it was left; then the statement.
  await p.goBack();
  await p.getByRole('heading', { name: `Scorecard · ${month}` }).waitFor();
  await portalDrawer.getByRole('table', { name: 'Tickets behind the goal' }).waitFor();
  await p.keyboard.press('Escape');
  await portalDrawer.waitFor({ state: 'hidden' });
  await p.getByRole('link', { name: 'Statement' }).click();
  await p.getByRole('heading', { name: `Statement · ${month}` }).waitFor();
  await shot(p, 'scorecards-portal-statement');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statement-'));
  const pdf = await downloadTo(p, () => p.getByRole('link', { name: `Download the statement of ${month} as PDF` }).click(), dir);
  expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  if (hasPdftotext()) {
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // The credit line: the goal named, the amount negative (currency sign or code before it).
    expect(text).toMatch(/Service credit: Fast answers[^\n]*[-−]\D{0,4}200\.00/);
  } else {
    // Without pdftotext: the CSV of the same statement carries the credit line.
    const csv = await (await p.request.get(`/api/v1/contracts/${contract.id}/statements/${periodKey}.csv`)).text();
    expect(csv).toMatch(/service_credit,[^\n]*Fast answers[^\n]*-200\.00/);
  }
  const csvFile = await downloadTo(p, () => p.getByRole('link', { name: `Download the statement of ${month} as CSV` }).click(), dir);
  expect(fs.readFileSync(csvFile, 'utf8')).toMatch(/Fast answers/);
  await portal.context.close();

  // Re-opening needs a reason; the final revision stays readable, and the client keeps seeing it.
  await s.goto(`/contracts/${contract.id}/scorecards/${periodKey}`);
  await s.getByRole('button', { name: 'Re-open' }).click();
  const reopen = s.getByRole('dialog', { name: `Re-open ${month}` });
  await reopen.getByRole('button', { name: 'Re-open' }).click();
  await reopen.getByText('A reason is required to re-open a final scorecard').waitFor();
  await reopen.getByLabel(/^Reason/).fill('The printer ticket was logged against the wrong client');
  await reopen.getByRole('button', { name: 'Re-open' }).click();
  await reopen.waitFor({ state: 'hidden' });
  await s.getByText('Revision 2', { exact: true }).waitFor();
  await s.getByRole('button', { name: 'Finalise' }).waitFor();
  await s.goto(`/contracts/${contract.id}/scorecards/${periodKey}?revision=1`);
  await s.getByText('Revision 1: read-only').waitFor();
  await expect(s.getByRole('button', { name: 'Finalise' }).count()).resolves.toBe(0);
  await expect(s.getByRole('button', { name: 'Re-open' }).count()).resolves.toBe(0);
  await staff.context.close();
});
