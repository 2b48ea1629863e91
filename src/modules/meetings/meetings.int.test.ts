import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCalendar } from '../../../test/support/ical-reader';
import { agentFrom, createTenant, createTestApp, createUser, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/support/test-app';

/**
 * Review meetings through the API with a controlled clock: a Berlin cadence of the second
 * Tuesday at 10:00, changed to quarterly mid-way; meetings moved and cancelled with the e-mails
 * (invite.ics read back by ical.js); action items that become tickets; and what client users see.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (p: string) => `/api/v1${p}`;
const u = () => randomUUID().slice(0, 8);

let address = 0;
async function signIn(email: string): Promise<Agent> {
  address++;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.81.${Math.floor(address / 250)}.${(address % 250) + 1}` });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sp_session')!;
  return agentFrom(t.app, `sp_session=${cookie.value}`, res.json().csrfToken);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function ok(res: { statusCode: number; body: string; json(): any }, status = 200): any {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

async function world() {
  const { tenant, owner } = await createTenant(t.ctx);
  const agent = await signIn(owner.email);
  const client = ok(await agent.post(api('/clients'), { name: `Contoso ${u()}` }), 201);
  ok(await agent.post(api(`/clients/${client.id}/sites`), { name: 'Basel', timeZone: 'Europe/Zurich', isMain: true }), 201);
  const other = ok(await agent.post(api('/clients'), { name: `Fabrikam ${u()}` }), 201);
  const gold = (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow()).id;
  const contract = ok(await agent.post(api('/contracts'), { clientId: client.id, name: `Managed services ${u()}`, planId: gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
  ok(await agent.post(api(`/contracts/${contract.id}/activate`)));
  const otherContract = ok(await agent.post(api('/contracts'), { clientId: other.id, name: `Other ${u()}`, planId: gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
  const contact = ok(await agent.post(api(`/clients/${client.id}/contacts`), { name: 'Carla Client', email: `carla-${u()}@contoso.test`, roles: ['primary'] }), 201);
  const otherContact = ok(await agent.post(api(`/clients/${other.id}/contacts`), { name: 'Otto Other', email: `otto-${u()}@fabrikam.test`, roles: ['primary'] }), 201);
  const am = await createUser(t.ctx, tenant.id, 'account_manager', { name: 'Ada Manager' });
  const accountManager = await signIn(am.email);
  const technician = await signIn((await createUser(t.ctx, tenant.id, 'technician')).email);
  const clientAdmin = await signIn((await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id })).email);
  const clientUser = await signIn((await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id })).email);
  const otherAdmin = await signIn((await createUser(t.ctx, tenant.id, 'client_admin', { clientId: other.id })).email);
  const foreign = await createTenant(t.ctx);
  const foreignOwner = await signIn(foreign.owner.email);
  return { tenant, owner, agent, client, other, contract, otherContract, contact, otherContact, am, accountManager, technician, clientAdmin, clientUser, otherAdmin, foreignOwner };
}
type W = Awaited<ReturnType<typeof world>>;

const cadence = { title: 'Service review', rrule: 'FREQ=MONTHLY;BYDAY=2TU', firstStart: '2027-01-12T10:00', timeZone: 'Europe/Berlin', durationMinutes: 60, location: 'Basel office, room 2' };

async function outboxFor(tenantId: string, kind: string) {
  const rows = await t.ctx.db.selectFrom('outbox_emails').select(['id', 'to_address', 'subject', 'body_text']).where('tenant_id', '=', tenantId).where('kind', '=', kind).orderBy('created_at').execute();
  const out = [];
  for (const r of rows) {
    const atts = await t.ctx.db.selectFrom('outbox_attachments').select(['filename', 'content_type', 'content']).where('tenant_id', '=', tenantId).where('email_id', '=', r.id).orderBy('position').execute();
    out.push({ ...r, attachments: atts.map((a) => ({ filename: a.filename, contentType: a.content_type, text: Buffer.from(a.content).toString('utf8') })) });
  }
  return out;
}

describe('the cadence', () => {
  let w: W;
  beforeAll(async () => {
    w = await world();
    t.setNow(new Date('2026-12-01T09:00:00Z'));
  });
  afterAll(() => t.setNow(null));

  it('refuses bad rules, zones and first meetings, naming the field, and writes nothing', async () => {
    const put = (body: object) => w.accountManager.request(api(`/contracts/${w.contract.id}/meetings/cadence`), { method: 'PUT', body: { ...cadence, ...body } });
    const cases: Array<[object, string, RegExp]> = [
      [{ rrule: 'FREQ=HOURLY' }, 'rrule', /HOURLY is not supported/],
      [{ rrule: 'FREQ=MONTHLY;BYDAY=9TU' }, 'rrule', /ordinal/],
      [{ rrule: 'FREQ=MONTHLY;BYSETPOS=1;BYDAY=TU' }, 'rrule', /BYSETPOS is not supported/],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone', /not a known IANA time zone/],
      [{ firstStart: '2027-02-30T10:00' }, 'firstStart', /not a real date/],
      [{ firstStart: '2027-01-05T10:00' }, 'firstStart', /first such day is 2027-01-12/],
      [{ durationMinutes: 2 }, 'durationMinutes', /between 5 and 1440/],
    ];
    for (const [body, field, message] of cases) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[field]).toMatch(message);
    }
    expect(ok(await w.accountManager.get(api(`/contracts/${w.contract.id}/meetings/cadence`)))).toEqual({ cadence: null, suggestedTimeZone: 'Europe/Zurich' });
  });

  it('previews the next five dates without saving, on the wall clock across DST', async () => {
    const p = ok(await w.accountManager.post(api(`/contracts/${w.contract.id}/meetings/cadence/preview`), { rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR', firstStart: '2027-01-29T14:00', timeZone: 'Europe/Berlin' }));
    expect(p.starts.map((s: { local: string }) => s.local)).toEqual(['2027-01-29T14:00', '2027-04-30T14:00', '2027-07-30T14:00', '2027-10-29T14:00', '2028-01-28T14:00']);
    expect(p.starts[0].startsAt).toBe('2027-01-29T13:00:00.000Z');
    expect(p.starts[1].startsAt).toBe('2027-04-30T12:00:00.000Z');
  });

  it('is set by the account manager, read by staff, refused to technicians and clients, hidden from other tenants', async () => {
    const set = ok(await w.accountManager.request(api(`/contracts/${w.contract.id}/meetings/cadence`), { method: 'PUT', body: cadence }));
    expect(set.cadence).toMatchObject({ rrule: 'FREQ=MONTHLY;BYDAY=2TU', firstStart: '2027-01-12T10:00', timeZone: 'Europe/Berlin' });
    expect(set.cadence.nextStarts.slice(0, 4)).toEqual(['2027-01-12T09:00:00.000Z', '2027-02-09T09:00:00.000Z', '2027-03-09T09:00:00.000Z', '2027-04-13T08:00:00.000Z']);
    expect((await w.technician.request(api(`/contracts/${w.contract.id}/meetings/cadence`), { method: 'PUT', body: cadence })).statusCode).toBe(403);
    expect(ok(await w.technician.get(api(`/contracts/${w.contract.id}/meetings/cadence`))).cadence.id).toBe(set.cadence.id);
    expect((await w.clientAdmin.get(api(`/contracts/${w.contract.id}/meetings/cadence`))).statusCode).toBe(403);
    expect((await w.foreignOwner.get(api(`/contracts/${w.contract.id}/meetings/cadence`))).statusCode).toBe(404);
    expect((await w.foreignOwner.request(api(`/contracts/${w.contract.id}/meetings/cadence`), { method: 'PUT', body: cadence })).statusCode).toBe(404);
  });

  it('changes apply to future meetings only: earlier ones keep the old rule', async () => {
    // Two monthly meetings are held; on 1 March the cadence becomes quarterly from April.
    t.setNow(new Date('2027-03-01T09:00:00Z'));
    // Sessions end after a while: sign in again at the new date.
    w.accountManager = await signIn(w.am.email);
    const prepared = ok(await w.accountManager.get(api(`/contracts/${w.contract.id}/meetings/2027-04-13T08:00:00.000Z`)));
    expect(prepared.agenda).not.toBeNull();
    ok(await w.accountManager.request(api(`/contracts/${w.contract.id}/meetings/participants`), { method: 'PUT', body: { contactIds: [w.contact.id] } }));
    ok(await w.accountManager.request(api(`/contracts/${w.contract.id}/meetings/cadence`), { method: 'PUT', body: { ...cadence, rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU', firstStart: '2027-04-13T10:00', notify: true } }));
    // Participants' calendars learn both: the earlier series ends (SEQUENCE 1, two meetings), the new one is an invitation.
    const [update] = await outboxFor(w.tenant.id, 'meeting_update');
    const old = readCalendar(update!.attachments[0]!.text);
    expect(old.events[0]).toMatchObject({ sequence: 1, rrule: 'FREQ=MONTHLY;COUNT=2;BYDAY=2TU' });
    expect(old.expand(old.events[0]!.uid, new Date('2028-01-01T00:00:00Z')).map((d) => d.toISOString())).toEqual(['2027-01-12T09:00:00.000Z', '2027-02-09T09:00:00.000Z']);
    const [invitation] = await outboxFor(w.tenant.id, 'meeting_invitation');
    const fresh = readCalendar(invitation!.attachments[0]!.text);
    expect(fresh.expand(fresh.events[0]!.uid, new Date('2028-01-01T00:00:00Z')).map((d) => d.toISOString().slice(0, 10))).toEqual(['2027-04-13', '2027-07-13', '2027-10-12']);
    expect(fresh.events[0]!.uid).not.toBe(old.events[0]!.uid);
    const list = ok(await w.accountManager.get(api(`/contracts/${w.contract.id}/meetings?from=2027-01-01T00:00:00Z&to=2028-01-01T00:00:00Z`)));
    expect(list.items.map((m: { startsAt: string }) => m.startsAt.slice(0, 10))).toEqual(['2027-01-12', '2027-02-09', '2027-04-13', '2027-07-13', '2027-10-12']);
    // The April meeting prepared before the change is the same date in the new cadence: it kept its agenda.
    expect(list.items[2].id).toBe(prepared.id);
    // Only the title changed: the same series (calendars keep it), no new cadence.
    const before = ok(await w.accountManager.get(api(`/contracts/${w.contract.id}/meetings/cadence`))).cadence.id;
    const renamed = ok(await w.accountManager.request(api(`/contracts/${w.contract.id}/meetings/cadence`), { method: 'PUT', body: { ...cadence, title: 'Quarterly review', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU', firstStart: '2027-04-13T10:00' } }));
    expect(renamed.cadence).toMatchObject({ id: before, title: 'Quarterly review' });
    t.setNow(new Date('2026-12-01T09:00:00Z'));
  });
});

describe('meetings, invitations, feeds', () => {
  let w: W;
  const first = '2027-01-12T09:00:00.000Z';
  const second = '2027-02-09T09:00:00.000Z';
  const fourth = '2027-04-13T08:00:00.000Z';
  beforeAll(async () => {
    w = await world();
    t.setNow(new Date('2026-12-01T09:00:00Z'));
    ok(await w.accountManager.request(api(`/contracts/${w.contract.id}/meetings/cadence`), { method: 'PUT', body: cadence }));
  });
  afterAll(() => t.setNow(null));

  it('takes staff and contacts of the client as participants, naming the ones that are not', async () => {
    const bad = await w.accountManager.request(api(`/contracts/${w.contract.id}/meetings/participants`), { method: 'PUT', body: { userIds: [w.am.id], contactIds: [w.contact.id, w.otherContact.id] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ 'contactIds[1]': "is not a contact of the contract's client" });
    const p = ok(await w.accountManager.request(api(`/contracts/${w.contract.id}/meetings/participants`), { method: 'PUT', body: { userIds: [w.am.id], contactIds: [w.contact.id] } }));
    expect(p.users.map((x: { name: string }) => x.name)).toEqual(['Ada Manager']);
    expect(p.contacts.map((x: { name: string }) => x.name)).toEqual(['Carla Client']);
    // The picker offers active staff and the client's contacts, also to account managers (who cannot list users).
    const options = ok(await w.accountManager.get(api(`/contracts/${w.contract.id}/meetings/participant-options`)));
    expect(options.users.map((x: { name: string }) => x.name)).toContain('Ada Manager');
    expect(options.contacts.map((x: { id: string }) => x.id)).toEqual([w.contact.id]);
    expect((await w.clientAdmin.get(api(`/contracts/${w.contract.id}/meetings/participant-options`))).statusCode).toBe(403);
  });

  it('builds the agenda when staff first open a meeting, from problems and open action items', async () => {
    ok(await w.agent.post(api('/problems'), { clientId: w.client.id, title: 'Basel printers jam', plan: 'Replace the fleet in Q1' }), 201);
    const m = ok(await w.accountManager.get(api(`/contracts/${w.contract.id}/meetings/${first}`)));
    expect(m).toMatchObject({ startsAt: first, status: 'scheduled', clientName: w.client.name, minutes: '', actionItems: [], version: 1 });
    const section = (a: { sections: Array<{ kind: string; items: Array<{ text: string; detail?: string }> }> }, k: string) => a.sections.find((s) => s.kind === k)!;
    expect(section(m.agenda, 'scorecard').items).toEqual([]);
    expect(section(m.agenda, 'problems').items[0]).toMatchObject({ text: expect.stringMatching(/PRB-\d+ Basel printers jam \(open\)/), detail: 'Plan: Replace the fleet in Q1.' });
    expect(m.agenda.sections.some((s: { kind: string }) => s.kind === 'risks')).toBe(true);
    // An action item left open shows on the next meeting's agenda.
    ok(await w.technician.post(api(`/contracts/${w.contract.id}/meetings/${first}/action-items`), { title: 'Send the backup report', ownerContactId: w.contact.id, dueOn: '2027-01-31' }), 201);
    const next = ok(await w.accountManager.get(api(`/contracts/${w.contract.id}/meetings/${second}`)));
    expect(section(next.agenda, 'action_items').items).toEqual([expect.objectContaining({ text: 'Send the backup report', detail: 'Owner: Carla Client, due 2027-01-31' })]);
    expect((await w.accountManager.get(api(`/contracts/${w.contract.id}/meetings/2027-01-13T09:00:00.000Z`))).statusCode).toBe(404);
  });

  it('turns an action item into a ticket of the client once', async () => {
    const item = ok(await w.accountManager.post(api(`/contracts/${w.contract.id}/meetings/${first}/action-items`), { title: 'Replace the Basel switch', ownerUserId: w.am.id }), 201);
    const both = await w.accountManager.post(api(`/contracts/${w.contract.id}/meetings/${first}/action-items`), { title: 'x', ownerUserId: w.am.id, ownerContactId: w.contact.id });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields).toHaveProperty('ownerContactId');
    const ticketed = ok(await w.accountManager.post(api(`/contracts/${w.contract.id}/meetings/${first}/action-items/${item.id}/ticket`)), 201);
    expect(ticketed.ticket.reference).toMatch(/^[A-Z]+-\d+$/);
    const ticket = ok(await w.accountManager.get(api(`/tickets/${ticketed.ticket.id}`)));
    expect(ticket).toMatchObject({ subject: 'Replace the Basel switch', client: { id: w.client.id } });
    expect((await w.accountManager.post(api(`/contracts/${w.contract.id}/meetings/${first}/action-items/${item.id}/ticket`))).statusCode).toBe(409);
    const done = ok(await w.accountManager.patch(api(`/contracts/${w.contract.id}/meetings/${first}/action-items/${item.id}`), { done: true }));
    expect(done.done).toBe(true);
    expect((await w.clientUser.post(api(`/contracts/${w.contract.id}/meetings/${first}/action-items`), { title: 'x' })).statusCode).toBe(403);
  });

  it('e-mails the series invitation to every participant as invite.ics (METHOD:REQUEST)', async () => {
    const sent = ok(await w.accountManager.post(api(`/contracts/${w.contract.id}/meetings/invitations`)), 201);
    expect(sent.items.map((x: { name: string }) => x.name).sort()).toEqual(['Ada Manager', 'Carla Client']);
    const mails = await outboxFor(w.tenant.id, 'meeting_invitation');
    expect(mails).toHaveLength(2);
    const [att] = mails[0]!.attachments;
    expect(att).toMatchObject({ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8' });
    const cal = readCalendar(att!.text);
    expect(cal.method).toBe('REQUEST');
    expect(cal.events[0]!.attendees.sort()).toEqual([`mailto:${w.am.email}`, `mailto:${w.contact.email}`].sort());
    expect(cal.expand(cal.events[0]!.uid, new Date('2027-05-01T00:00:00Z')).map((d) => d.toISOString())).toEqual([first, second, '2027-03-09T09:00:00.000Z', fourth]);
    expect(mails[0]!.body_text).toMatch(/every month on the second Tuesday/);
  });

  it('moves one meeting and cancels another with If-Match, e-mailing the change with a higher SEQUENCE', async () => {
    const m = await w.accountManager.get(api(`/contracts/${w.contract.id}/meetings/${fourth}`));
    const etag = m.headers.etag as string;
    const moved = ok(await w.accountManager.patch(api(`/contracts/${w.contract.id}/meetings/${fourth}`), { startsAt: '2027-04-14T12:00:00Z' }, { 'if-match': etag }));
    expect(moved).toMatchObject({ startsAt: '2027-04-14T12:00:00.000Z', endsAt: '2027-04-14T13:00:00.000Z', recurrenceStart: fourth, moved: true, sequence: 1 });
    expect((await w.accountManager.patch(api(`/contracts/${w.contract.id}/meetings/${fourth}`), { minutes: 'late' }, { 'if-match': etag })).statusCode).toBe(412);
    const update = (await outboxFor(w.tenant.id, 'meeting_update'))[0]!;
    expect(update.attachments[0]!.contentType).toBe('text/calendar; method=REQUEST; charset=utf-8');
    const upd = readCalendar(update.attachments[0]!.text);
    expect(upd.events[0]).toMatchObject({ recurrenceId: new Date(fourth), start: new Date('2027-04-14T12:00:00Z'), sequence: 1 });

    ok(await w.accountManager.patch(api(`/contracts/${w.contract.id}/meetings/${second}`), { status: 'cancelled' }));
    const cancel = await outboxFor(w.tenant.id, 'meeting_cancellation');
    expect(cancel).toHaveLength(2);
    expect(cancel[0]!.subject).toMatch(/^Cancelled: Service review on 2027-02-09 10:00 \(Europe\/Berlin\)/);
    const c = readCalendar(cancel[0]!.attachments[0]!.text);
    expect(c.method).toBe('CANCEL');
    expect(c.events[0]).toMatchObject({ status: 'CANCELLED', recurrenceId: new Date(second), sequence: 1 });
    const moveCancelled = await w.accountManager.patch(api(`/contracts/${w.contract.id}/meetings/${second}`), { startsAt: '2027-02-10T09:00:00Z' });
    expect(moveCancelled.statusCode).toBe(400);
    expect(moveCancelled.json().error.fields).toHaveProperty('startsAt');
    const list = ok(await w.clientUser.get(api(`/contracts/${w.contract.id}/meetings?from=2027-01-01T00:00:00Z&to=2027-05-01T00:00:00Z`)));
    expect(list.items.map((x: { startsAt: string; status: string }) => `${x.startsAt} ${x.status}`)).toEqual([`${first} scheduled`, `${second} cancelled`, '2027-03-09T09:00:00.000Z scheduled', '2027-04-14T12:00:00.000Z scheduled']);
  });

  it('shows client users their meetings without the at-risk section, and nothing of other clients', async () => {
    const m = ok(await w.clientUser.get(api(`/contracts/${w.contract.id}/meetings/${first}`)));
    expect(m.agenda.sections.some((s: { kind: string }) => s.kind === 'risks')).toBe(false);
    expect(m.actionItems.length).toBe(2);
    // Untouched: no agenda yet, and a client user's visit prepares nothing.
    const untouched = ok(await w.clientUser.get(api(`/contracts/${w.contract.id}/meetings/2027-05-11T08:00:00.000Z`)));
    expect(untouched).toMatchObject({ id: null, agenda: null, version: 0 });
    expect((await w.otherAdmin.get(api(`/contracts/${w.contract.id}/meetings`))).statusCode).toBe(404);
    expect((await w.otherAdmin.get(api(`/contracts/${w.contract.id}/meetings/${first}`))).statusCode).toBe(404);
    expect((await w.clientUser.patch(api(`/contracts/${w.contract.id}/meetings/${first}`), { minutes: 'x' })).statusCode).toBe(403);
    expect((await w.foreignOwner.get(api(`/contracts/${w.contract.id}/meetings`))).statusCode).toBe(404);
  });

  it('serves feeds behind secret URLs that parse, expand to the same meetings, leave out cancelled ones, and stop when revoked', async () => {
    const feed = ok(await w.accountManager.post(api('/calendar-feeds'), { kind: 'user' }), 201);
    expect(feed.url).toMatch(/\/feeds\/[A-Za-z0-9_-]{40,}\.ics$/);
    const path = new URL(feed.url).pathname;
    const stored = await t.ctx.db.selectFrom('calendar_feeds').select('token_hash').where('id', '=', feed.id).executeTakeFirstOrThrow();
    expect(feed.url).not.toContain(stored.token_hash);
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const cal = readCalendar(res.body);
    expect(cal.name).toBe('My service reviews');
    expect(cal.timeZones).toEqual(['Europe/Berlin']);
    const master = cal.events.find((e) => !e.recurrenceId)!;
    expect(master).toMatchObject({ tzid: 'Europe/Berlin', summary: `Service review (${w.client.name})`, location: 'Basel office, room 2' });
    expect(master.exdates).toEqual([new Date(second)]);
    const until = new Date('2028-01-01T00:00:00Z');
    const ours = ok(await w.accountManager.get(api(`/contracts/${w.contract.id}/meetings?from=2026-12-01T00:00:00Z&to=2028-01-01T00:00:00Z`)))
      .items.filter((x: { status: string }) => x.status !== 'cancelled')
      .map((x: { startsAt: string }) => x.startsAt);
    expect(cal.expand(master.uid, until).map((d) => d.toISOString())).toEqual(ours);
    expect(ours).toContain('2027-04-14T12:00:00.000Z');
    expect(ours).toContain('2027-07-13T08:00:00.000Z'); // summer: 10:00 CEST

    expect(ok(await w.accountManager.get(api('/calendar-feeds'))).items.map((f: { id: string; lastFetchedAt: string | null }) => [f.id, f.lastFetchedAt !== null])).toEqual([[feed.id, true]]);
    expect((await w.technician.request(api(`/calendar-feeds/${feed.id}`), { method: 'DELETE' })).statusCode).toBe(404);
    expect((await w.accountManager.request(api(`/calendar-feeds/${feed.id}`), { method: 'DELETE' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/feeds/not-a-real-token-at-all-0000000000.ics' })).statusCode).toBe(404);
  });

  it("gives a client's feed to staff and its client admin only", async () => {
    const own = ok(await w.clientAdmin.post(api('/calendar-feeds'), { kind: 'client', clientId: w.client.id }), 201);
    const cal = readCalendar((await t.app.inject({ method: 'GET', url: new URL(own.url).pathname })).body);
    expect(cal.name).toBe(`Service reviews: ${w.client.name}`);
    expect(cal.events.some((e) => e.summary === 'Service review')).toBe(true);
    expect((await w.clientAdmin.post(api('/calendar-feeds'), { kind: 'client', clientId: w.other.id })).statusCode).toBe(400);
    expect((await w.clientUser.post(api('/calendar-feeds'), { kind: 'client', clientId: w.client.id })).statusCode).toBe(403);
    expect((await w.foreignOwner.post(api('/calendar-feeds'), { kind: 'client', clientId: w.client.id })).statusCode).toBe(400);
    const otherClientFeed = ok(await w.agent.post(api('/calendar-feeds'), { kind: 'client', clientId: w.other.id }), 201);
    const otherCal = readCalendar((await t.app.inject({ method: 'GET', url: new URL(otherClientFeed.url).pathname })).body);
    expect(otherCal.events).toEqual([]);
    // A client user's own feed: meetings where their contact takes part (none here).
    const mine = ok(await w.clientUser.post(api('/calendar-feeds'), { kind: 'user' }), 201);
    expect(readCalendar((await t.app.inject({ method: 'GET', url: new URL(mine.url).pathname })).body).events).toEqual([]);
  });
});
