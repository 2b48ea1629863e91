import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCalendar } from '../support/ical-reader';
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
test('the account manager sets a quarterly cadence, opens the next agenda and subscribes a calendar to the feed', async () => {
  const { tenant, owner } = await server.createTenant('Fabrikam Managed IT');
  const admin = await signIn(server.app, owner.email);
  const client = await ok<Named>(await admin.post('/api/v1/clients', { name: 'Contoso Freight', code: 'CONTOSO' }), 'client');
  await ok(await admin.post(`/api/v1/clients/${client.id}/sites`, { name: 'Basel', timeZone: 'Europe/Berlin', isMain: true }), 'site');
  await ok(await admin.post(`/api/v1/clients/${client.id}/contacts`, { name: 'Carla Contoso', email: 'carla@contoso.test', roles: ['primary'] }), 'contact');
  const gold = (await ok<{ items: Named[] }>(await admin.get('/api/v1/plans?limit=100'), 'plans')).items.find((p) => p.name === 'Gold')!;
  const contract = await ok<Named>(await admin.post('/api/v1/contracts', { clientId: client.id, name: 'Contoso service agreement', planId: gold.id, startsAt: '2026-01-01T00:00:00Z' }), 'contract');
  await ok(await admin.post(`/api/v1/contracts/${contract.id}/activate`), 'activate');
  await ok(await admin.post('/api/v1/problems', { clientId: client.id, title: 'Basel printers jam', plan: 'Replace the fleet' }), 'problem');
  const amy = await createUser(server.ctx, tenant.id, 'account_manager', { name: 'Amy Account', email: 'amy@fabrikam.test' });

  const { page: s } = await newPage(browser, server.baseUrl);
  await signInWithPassword(s, amy.email, TEST_PASSWORD);
  await s.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  await s.goto(`/contracts/${contract.id}`);

  // The cadence form: quarterly preset, the first meeting's zone suggested from the client's main site, five dates previewed.
  const section = s.getByRole('region', { name: 'Review meetings' });
  await section.getByText(/No review cadence yet/).waitFor();
  await section.getByRole('button', { name: 'Set cadence' }).click();
  const form = s.getByRole('dialog', { name: 'Set the review cadence' });
  await form.getByText('Quarterly', { exact: true }).click();
  await expect.poll(async () => form.getByRole('list', { name: 'Next five meetings' }).getByRole('listitem').count()).toBe(5);
  await expect.poll(async () => (await form.getByRole('list', { name: 'Next five meetings' }).innerText()).match(/Europe\/Berlin/g)?.length ?? 0).toBe(5);
  // A custom rule the server refuses is named under its field.
  await form.getByText('Custom rule', { exact: true }).click();
  await form.getByLabel(/^Recurrence rule/).fill('FREQ=HOURLY');
  await form.getByText(/FREQ=HOURLY is not supported/).first().waitFor();
  await form.getByText('Quarterly', { exact: true }).click();
  await form.getByRole('list', { name: 'Next five meetings' }).getByRole('listitem').nth(4).waitFor();
  await expect.poll(() => form.getByText(/HOURLY/).count()).toBe(0);
  await screenshot(s, 'meetings-cadence-form');
  await form.getByRole('button', { name: 'Save cadence' }).click();
  await form.waitFor({ state: 'hidden' });

  // Amy takes part herself, with the client's contact.
  await section.getByRole('button', { name: 'Participants' }).click();
  const people = s.getByRole('dialog', { name: 'Review participants' });
  await people.getByLabel('From your organisation').click();
  await s.getByRole('option', { name: /Amy Account/ }).click();
  await s.keyboard.press('Escape');
  await people.getByLabel(/^From the client/).click();
  await s.getByRole('option', { name: /Carla Contoso/ }).click();
  await s.keyboard.press('Escape');
  await people.getByRole('button', { name: 'Save participants' }).click();
  await people.waitFor({ state: 'hidden' });
  await section.getByText(/Participants: Amy Account, Carla Contoso/).waitFor();

  const cadence = await ok<{ cadence: { rrule: string; timeZone: string; nextStarts: string[] } }>(await admin.get(`/api/v1/contracts/${contract.id}/meetings/cadence`), 'cadence');
  expect(cadence.cadence.rrule).toMatch(/^FREQ=MONTHLY;INTERVAL=3;BYDAY=-?\d[A-Z]{2}$/);
  expect(cadence.cadence.timeZone).toBe('Europe/Berlin');
  const next = cadence.cadence.nextStarts[0]!;

  // The next meeting's agenda: built when opened, with the client's open problem and its plan.
  await section.getByRole('link', { name: 'Agenda and minutes' }).first().click();
  await s.waitForURL(/\/meetings\//);
  const agenda = s.getByRole('region', { name: 'Agenda' });
  await agenda.getByText('No scorecard has been evaluated for this contract yet.').waitFor();
  await agenda.getByText(/Basel printers jam/).waitFor();
  await agenda.getByText('Plan: Replace the fleet.').waitFor();
  await screenshot(s, 'meetings-agenda');

  // My account: create a feed, copy its URL, and fetch it as a calendar app would (no session needed, but from this browser).
  await s.goto('/account');
  const feeds = s.getByRole('region', { name: 'Calendar feeds' });
  await feeds.getByRole('button', { name: 'Create feed' }).click();
  const url = await feeds.getByRole('textbox', { name: 'Feed URL' }).inputValue();
  expect(url).toMatch(new RegExp(`^${server.baseUrl}/feeds/[A-Za-z0-9_-]+\\.ics$`));
  const fetched = await s.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'omit' });
    return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
  }, url);
  expect(fetched.status).toBe(200);
  expect(fetched.type).toBe('text/calendar; charset=utf-8');
  const cal = readCalendar(fetched.body);
  const series = cal.events.find((e) => !e.recurrenceId)!;
  expect(series).toMatchObject({ summary: 'Service review (Contoso Freight)', tzid: 'Europe/Berlin' });
  expect(cal.expand(series.uid, new Date(new Date(next).getTime() + 400 * 86_400_000)).map((d) => d.toISOString())).toEqual(expect.arrayContaining(cadence.cadence.nextStarts.slice(0, 4)));
  await feeds.getByRole('row').filter({ hasText: 'Revoke' }).waitFor();
  await screenshot(s, 'meetings-feeds');

  // Revoking asks first, then the URL stops working.
  await feeds.getByRole('button', { name: 'Revoke' }).click();
  await s.getByRole('dialog', { name: 'Revoke calendar feed' }).getByRole('button', { name: 'Revoke' }).click();
  await feeds.getByText('No feed yet.').waitFor();
  expect(await s.evaluate(async (u) => (await fetch(u)).status, url)).toBe(404);

  // The client's administrator sees the upcoming meetings in the portal and opens one.
  const carla = await createUser(server.ctx, tenant.id, 'client_admin', { clientId: client.id, name: 'Carla Admin', email: 'carla.admin@contoso.test' });
  const { page: p } = await newPage(browser, server.baseUrl);
  await signInWithPassword(p, carla.email, TEST_PASSWORD);
  await p.getByRole('link', { name: 'Review meetings' }).click();
  const upcoming = p.getByRole('table', { name: 'Upcoming meetings' });
  await upcoming.getByRole('row').filter({ hasText: 'Contoso service agreement' }).first().waitFor();
  await p.getByRole('region', { name: 'Calendar feeds' }).waitFor();
  await screenshot(p, 'meetings-portal');
  await upcoming.getByRole('link', { name: 'Service review' }).first().click();
  await p.getByRole('region', { name: 'Agenda' }).getByText(/Basel printers jam/).waitFor();
  expect(await p.getByRole('region', { name: 'At-risk signals' }).count()).toBe(0);
});
