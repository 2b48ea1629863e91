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
// The server's clock: a past instant while last month's tickets are opened and answered, null for the real time.
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

function monthsAgo(back: number, day: number, hour: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, hour));
}
const monthKey = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
const monthName = (d: Date) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
const agentFor = (email: string) => signIn(server.app, email);

/**
 * Contoso on a Gold contract since two months ago, round-the-clock calendar in London, with the
 * goal "Fast answers" (first-response compliance >= 95 %, fixed penalty capped at 200.00). Last
 * month: three tickets, two answered in minutes and one three days late; the month's scorecard is
 * evaluated. A contact to send the summary to.
 */
async function contosoLastMonth(ownerEmail: string) {
  const start = monthsAgo(2, 1, 12);
  fakeNow = start;
  let owner: Agent = await agentFor(ownerEmail);
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
  await ok(await owner.post(`/api/v1/clients/${client.id}/sites`, { name: 'London office', timeZone: 'Europe/London', isMain: true }), 'site');
  const contact = await ok<Named & { email: string }>(await owner.post(`/api/v1/clients/${client.id}/contacts`, { name: 'Carla Contoso', email: 'carla.ceo@contoso.test', roles: ['primary'] }), 'contact');
  const gold = (await ok<{ items: Named[] }>(await owner.get('/api/v1/plans?limit=100'), 'plans')).items.find((p) => p.name === 'Gold')!;
  const contract = await ok<Named & { version: number }>(await owner.post('/api/v1/contracts', { clientId: client.id, name: 'Contoso service agreement', planId: gold.id, startsAt: start.toISOString() }), 'contract');
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
        ],
      },
    }),
    'goals',
  );
  await ok(await owner.post(`/api/v1/contracts/${contract.id}/activate`, {}), 'activate');

  fakeNow = monthsAgo(1, 10, 10);
  owner = await agentFor(ownerEmail);
  const subjects = ['Outlook asks for the password', 'New starter needs a laptop', 'Printer on floor 2 offline'];
  const tickets = [];
  for (const subject of subjects) tickets.push(await ok<Named>(await owner.post('/api/v1/tickets', { clientId: client.id, subject, description: 'Please help.' }), 'ticket'));
  fakeNow = new Date(monthsAgo(1, 10, 10).getTime() + 5 * 60_000);
  await ok(await owner.post(`/api/v1/tickets/${tickets[0]!.id}/comments`, { body: 'Reset your session; it works again.' }), 'reply');
  await ok(await owner.post(`/api/v1/tickets/${tickets[1]!.id}/comments`, { body: 'A laptop is on its way.' }), 'reply');
  fakeNow = monthsAgo(1, 13, 10);
  owner = await agentFor(ownerEmail);
  await ok(await owner.post(`/api/v1/tickets/${tickets[2]!.id}/comments`, { body: 'Sorry for the wait: the printer is back.' }), 'reply');
  fakeNow = null;
  owner = await agentFor(ownerEmail);
  await ok(await owner.post(`/api/v1/contracts/${contract.id}/scorecards`, { periodKey: monthKey(monthsAgo(1, 1, 12)) }), 'scorecard');
  return { client, contact };
}

async function shot(page: Page, name: string) {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  await page.waitForTimeout(300);
  await screenshot(page, name);
}

test('the account manager generates a summary, writes the narrative, publishes, downloads the PDF and sends it; the client admin reads it in the portal', async () => {
  const { tenant, owner } = await server.createTenant('Fabrikam Managed IT');
  const { client, contact } = await contosoLastMonth(owner.email);
  const lastMonth = monthsAgo(1, 1, 12);
  const periodKey = monthKey(lastMonth);
  const month = monthName(lastMonth);
  const amy = await createUser(server.ctx, tenant.id, 'account_manager', { name: 'Amy Account', email: 'amy@fabrikam.test' });
  const carla = await createUser(server.ctx, tenant.id, 'client_admin', { clientId: client.id, name: 'Carla Contoso', email: 'carla@contoso.test' });

  const staff = await newPage(browser, server.baseUrl);
  const s = staff.page;
  await signInWithPassword(s, amy.email, TEST_PASSWORD);
  await s.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await s.goto(`/clients/${client.id}`);
  const section = s.getByRole('region', { name: 'Executive summaries' });
  await section.getByText('No executive summaries yet').waitFor();

  // Generate last month: the period picker offers ended months, last month first.
  await section.getByRole('button', { name: 'Generate summary' }).click();
  const dialog = s.getByRole('dialog', { name: 'Generate an executive summary' });
  await expect(dialog.locator('input:not([type=hidden])').and(dialog.getByLabel(/^Period/)).inputValue()).resolves.toBe(month);
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await s.getByRole('heading', { name: `Executive summary, ${month}` }).waitFor();
  expect(new URL(s.url()).pathname).toBe(`/clients/${client.id}/summaries/${periodKey}`);

  // The page shows the figures: 3 tickets, 2 of 3 answered in time, the goal missed with its credit.
  const doc = s.getByRole('article', { name: `Executive summary for Contoso Freight, ${month}` });
  await doc.getByText('Prepared by Fabrikam Managed IT for Contoso Freight', { exact: false }).waitFor();
  await doc.getByText('66.7 %').first().waitFor();
  const goals = doc.getByRole('region', { name: 'Goals' });
  await goals.getByRole('row').filter({ hasText: 'Fast answers' }).getByText('Missed').waitFor();
  await doc.getByRole('region', { name: 'Service levels' }).locator('svg').first().waitFor();
  await doc.getByText(/Change requests and transitions are not yet recorded/).waitFor();

  // The narrative, then publish behind a confirmation.
  const narrative = 'November was a steady month: two of three requests were answered within minutes.\n\nThe floor 2 printer waited three days for a part; we now keep spares on site.';
  await s.getByLabel('From your account manager').fill(narrative);
  await s.getByRole('button', { name: 'Save narrative' }).click();
  await s.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await doc.getByText('we now keep spares on site', { exact: false }).waitFor();
  await s.getByRole('button', { name: 'Publish', exact: true }).click();
  const confirm = s.getByRole('dialog', { name: 'Publish this summary?' });
  await confirm.getByText(/will see it in the portal/).waitFor();
  await confirm.getByRole('button', { name: 'Publish' }).click();
  await s.getByText('Published', { exact: true }).first().waitFor();
  await expect(s.getByRole('button', { name: 'Save narrative' }).count()).resolves.toBe(0);
  await shot(s, 'summary-staff-published');

  // The PDF: its first page as PNG has content, and reads as the document.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-e2e-'));
  const [download] = await Promise.all([s.waitForEvent('download'), s.getByRole('link', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`executive-summary-contoso-freight-${periodKey}.pdf`);
  const pdf = path.join(dir, 'summary.pdf');
  await download.saveAs(pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);
  const png = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
  const image = fs.readFileSync(path.join(dir, png));
  expect(image.subarray(1, 4).toString()).toBe('PNG');
  // A blank A4 page at 80 dpi compresses to a few kilobytes; text, tiles and a chart make it far larger.
  expect(image.length).toBeGreaterThan(30_000);
  fs.mkdirSync('.tmp/screenshots', { recursive: true });
  fs.copyFileSync(path.join(dir, png), '.tmp/screenshots/summary-pdf-page-1.png');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const expected of ['EXECUTIVE SUMMARY', 'Contoso Freight', month, 'Prepared by Fabrikam Managed IT', 'two of three requests were answered', 'Fast answers', 'Missed', 'Changes and transitions']) expect(text).toContain(expected);

  // Send it to the client's CEO: the log shows the e-mail queued, with the PDF attached in the outbox.
  await s.getByRole('button', { name: 'Send by e-mail' }).click();
  const send = s.getByRole('dialog', { name: 'Send the summary by e-mail' });
  await send.getByLabel(`${contact.name} <${contact.email}>`).check();
  await send.getByRole('button', { name: 'Send to 1 contact' }).click();
  await send.waitFor({ state: 'hidden' });
  const log = s.getByRole('region', { name: 'Delivery log' });
  await log.getByRole('row').filter({ hasText: contact.email }).getByText('Queued').waitFor();
  const attached = await server.ctx.db.selectFrom('outbox_attachments').select(['filename', 'content_type']).where('tenant_id', '=', tenant.id).execute();
  expect(attached).toEqual([{ filename: `executive-summary-contoso-freight-${periodKey}.pdf`, content_type: 'application/pdf' }]);
  await staff.context.close();

  // The client admin finds it in the portal, with the narrative.
  const portal = await newPage(browser, server.baseUrl);
  const p = portal.page;
  await signInWithPassword(p, carla.email, TEST_PASSWORD);
  await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Executive summaries' }).click();
  await p.getByRole('link', { name: month }).click();
  await p.getByRole('heading', { name: `Executive summary, ${month}` }).waitFor();
  await p.getByText('we now keep spares on site', { exact: false }).waitFor();
  await expect(p.getByRole('button', { name: 'Publish' }).count()).resolves.toBe(0);
  await shot(p, 'summary-portal');
  await portal.context.close();
});

test('Generate all shows the batch progressing to done', async () => {
  const { tenant, owner } = await server.createTenant('Northwind Managed IT');
  await contosoLastMonth(owner.email);
  const amy = await createUser(server.ctx, tenant.id, 'account_manager', { name: 'Amy Account', email: 'amy@northwind.test' });
  const { page, context } = await newPage(browser, server.baseUrl);
  await signInWithPassword(page, amy.email, TEST_PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Executive summaries' }).click();
  await page.getByRole('heading', { name: 'Generate executive summaries' }).waitFor();
  await page.getByRole('button', { name: 'Generate all' }).click();
  await page.getByText('Done: 1 summary generated.').waitFor();
  await expect(page.getByRole('progressbar', { name: 'Progress of the summaries' }).getAttribute('aria-valuenow')).resolves.toBe('100');
  await context.close();
});
