import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quarterKeyAt } from '../../domain/satisfaction/nps-schedule';
import { agentFrom, createTenant, createTestApp, createUser, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => t.setNow(null));

const api = (p: string) => `/api/v1${p}`;
const DAY = 86_400_000;
const u = () => randomUUID().slice(0, 8);

// Every sign-in and every public call from an address of its own, so no per-address limit trips
// except where a test means it to.
let address = 0;
const nextAddress = () => {
  address++;
  return `10.77.${Math.floor(address / 250)}.${(address % 250) + 1}`;
};

async function signIn(email: string): Promise<Agent> {
  const res = await t.app.inject({ method: 'POST', url: api('/auth/sign-in'), payload: { email, password: TEST_PASSWORD }, remoteAddress: nextAddress() });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sp_session')!;
  return agentFrom(t.app, `sp_session=${cookie.value}`, res.json().csrfToken);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(res: { statusCode: number; body: string; json(): any }, status = 200): Promise<any> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/** A browser with no session opening a survey link. */
const anon = {
  get: (token: string, from = nextAddress()) => t.app.inject({ method: 'GET', url: api(`/public/surveys/${token}`), remoteAddress: from }),
  answer: (token: string, body: unknown, from = nextAddress()) => t.app.inject({ method: 'POST', url: api(`/public/surveys/${token}/response`), payload: body as object, remoteAddress: from }),
};

/**
 * A tenant with a client under an active Gold contract, a site, a catalog item (network), a
 * technician, and a requester who signs in to the portal; a second client with its own user.
 */
async function world() {
  const { tenant, owner } = await createTenant(t.ctx);
  const staff = await signIn(owner.email);
  const gold = await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow();
  const client = await ok(await staff.post(api('/clients'), { name: `Client ${u()}` }), 201);
  const other = await ok(await staff.post(api('/clients'), { name: `Other ${u()}` }), 201);
  const site = await ok(await staff.post(api(`/clients/${client.id}/sites`), { name: 'HQ', timeZone: 'Europe/Berlin', isMain: true }), 201);
  const contract = await ok(await staff.post(api('/contracts'), { clientId: client.id, name: `Gold ${u()}`, planId: gold.id, startsAt: '2020-01-01T00:00:00Z' }), 201);
  await ok(await staff.post(api(`/contracts/${contract.id}/activate`)));
  const item = await ok(await staff.post(api('/catalog'), { category: 'network', name: `VPN ${u()}`, defaultUrgency: 'medium', defaultImpact: 'individual', deliveryMode: 'remote', complexity: 'low', expectedEffortMinutes: 30 }), 201);
  const tech = await createUser(t.ctx, tenant.id, 'technician', { name: 'Tess Tech' });
  const requesterUser = await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id, name: 'Rita Requester' });
  const requester = await signIn(requesterUser.email);
  const colleague = await signIn((await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id })).email);
  const clientAdmin = await signIn((await createUser(t.ctx, tenant.id, 'client_admin', { clientId: client.id })).email);
  const otherUser = await signIn((await createUser(t.ctx, tenant.id, 'client_user', { clientId: other.id })).email);
  return { tenantId: tenant.id, tenantName: tenant.name, owner, staff, client: client.id as string, clientName: client.name as string, other: other.id as string, site: site.id as string, contract: contract.id as string, item: item.id as string, tech, requesterUser, requester, colleague, clientAdmin, otherUser };
}
type World = Awaited<ReturnType<typeof world>>;

/** A ticket the requester opens in the portal, assigned to the technician. */
async function openTicket(w: World) {
  const tk = await ok(await w.requester.post(api('/tickets'), { clientId: w.client, subject: `VPN drops ${u()}`, siteId: w.site, catalogItemId: w.item }), 201);
  await ok(await w.staff.patch(api(`/tickets/${tk.id}`), { assigneeId: w.tech.id, status: 'in_progress' }));
  return tk as { id: string; number: number; reference: string; subject: string };
}

async function resolve(w: World, ticketId: string) {
  return ok(await w.staff.patch(api(`/tickets/${ticketId}`), { status: 'resolved' }));
}

/** The "resolved" e-mails of a ticket, oldest first. */
function resolvedMails(w: World, ticketId: string) {
  return t.ctx.db.selectFrom('outbox_emails').select(['to_address', 'subject', 'body_text', 'body_html']).where('tenant_id', '=', w.tenantId).where('ticket_id', '=', ticketId).where('kind', '=', 'ticket_resolved').orderBy('created_at').execute();
}

/** The survey links of an e-mail: rating -> token. */
function linksOf(text: string, kind: 'csat' | 'nps'): Map<number, string> {
  const found = new Map<number, string>();
  for (const m of text.matchAll(new RegExp(`${t.ctx.config.publicUrl}/s/${kind}/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)\\?r=(\\d+)`, 'g'))) found.set(Number(m[2]), m[1]!);
  return found;
}

async function resolvedToken(w: World, ticketId: string): Promise<string> {
  const mails = await resolvedMails(w, ticketId);
  return [...linksOf(mails[mails.length - 1]!.body_text, 'csat').values()][0]!;
}

const surveyOf = (w: World, ticketId: string) => t.ctx.db.selectFrom('csat_surveys').selectAll().where('tenant_id', '=', w.tenantId).where('ticket_id', '=', ticketId).execute();

describe('CSAT at resolution', () => {
  it('writes one survey at the first resolution with the scope of the ticket, and the e-mail carries a link per answer', async () => {
    const w = await world();
    const tk = await openTicket(w);
    expect(await surveyOf(w, tk.id)).toEqual([]);
    const at = new Date();
    t.setNow(at);
    const resolved = await resolve(w, tk.id);

    const [s] = await surveyOf(w, tk.id);
    expect(s).toMatchObject({
      client_id: w.client,
      contract_id: w.contract,
      site_id: w.site,
      technician_id: w.tech.id,
      category: 'network',
      priority: resolved.priority,
      plan_name: 'Gold',
      scale: 'three',
      recipient_email: w.requesterUser.email,
      recipient_user_id: w.requesterUser.id,
      rating: null,
      responded_at: null,
      response_count: 0,
    });
    expect(s!.sent_at).toEqual(at);
    expect(s!.expires_at).toEqual(new Date(at.getTime() + 14 * DAY));

    const mails = await resolvedMails(w, tk.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe(w.requesterUser.email);
    expect(mails[0]!.body_text).toContain(`Your ticket ${tk.reference} has been resolved`);
    const links = linksOf(mails[0]!.body_text, 'csat');
    expect([...links.keys()]).toEqual([3, 2, 1]);
    // One token per survey: the answer is in the link's query, not in what is signed.
    expect(new Set(links.values()).size).toBe(1);
    expect(mails[0]!.body_html).toContain(`/s/csat/${links.get(3)}?r=3`);
    expect(mails[0]!.body_html).toContain('>Good</a>');
  });

  it('re-issues the links at a later resolution: same survey, new expiry', async () => {
    const w = await world();
    const first = new Date(Date.now() - 3 * DAY);
    t.setNow(new Date(first.getTime() - 3_600_000));
    const tk = await openTicket(w);
    t.setNow(first);
    await resolve(w, tk.id);
    t.setNow(new Date(first.getTime() + DAY));
    await ok(await w.staff.patch(api(`/tickets/${tk.id}`), { status: 'in_progress' }));
    const again = new Date(first.getTime() + 2 * DAY);
    t.setNow(again);
    await resolve(w, tk.id);

    const rows = await surveyOf(w, tk.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sent_at).toEqual(first);
    expect(rows[0]!.expires_at).toEqual(new Date(again.getTime() + 14 * DAY));
    const mails = await resolvedMails(w, tk.id);
    expect(mails).toHaveLength(2);
    const [a, b] = [linksOf(mails[0]!.body_text, 'csat').get(3), linksOf(mails[1]!.body_text, 'csat').get(3)];
    expect(a).not.toBe(b);
    const view = await ok(await anon.get(b!));
    expect(view.expiresAt).toBe(new Date(Math.floor((again.getTime() + 14 * DAY) / 1000) * 1000).toISOString());
  });

  it('writes no survey when the requester has no e-mail address', async () => {
    const w = await world();
    const tk = await ok(await w.staff.post(api('/tickets'), { clientId: w.client, subject: 'Monitoring alert' }), 201);
    await resolve(w, tk.id);
    expect(await surveyOf(w, tk.id)).toEqual([]);
  });
});

describe('answering by link', () => {
  it('shows only the organisation, the ticket number and subject; records an answer and updates it on a second one', async () => {
    const w = await world();
    const tk = await openTicket(w);
    await resolve(w, tk.id);
    const token = await resolvedToken(w, tk.id);

    const view = await ok(await anon.get(token));
    expect(view).toEqual({ kind: 'csat', organisation: w.tenantName, scale: 'three', ticket: { number: tk.number, subject: tk.subject }, response: null, expiresAt: expect.any(String) });

    const first = await ok(await anon.answer(token, { rating: 3 }));
    expect(first).toEqual({ rating: 3, comment: '', respondedAt: expect.any(String) });
    const second = await ok(await anon.answer(token, { rating: 2, comment: '  Slow to start, fine in the end  ' }));
    expect(second).toMatchObject({ rating: 2, comment: 'Slow to start, fine in the end' });
    // The comment form sends the rating again without a comment change: the comment stays.
    await ok(await anon.answer(token, { rating: 2 }));

    const rows = await surveyOf(w, tk.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 2, score: 3, comment: 'Slow to start, fine in the end', response_count: 3 });
    expect((await ok(await anon.get(token))).response).toMatchObject({ rating: 2, comment: 'Slow to start, fine in the end' });
  });

  it('refuses an expired link (410), a tampered one (404) and a rating off the scale (400 naming rating), recording nothing', async () => {
    const w = await world();
    const tk = await openTicket(w);
    await resolve(w, tk.id);
    const token = await resolvedToken(w, tk.id);
    const [body, sig] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const longer = `${Buffer.from(JSON.stringify({ ...payload, e: (payload.e as number) + 365 * 86_400 })).toString('base64url')}.${sig}`;

    for (const bad of [longer, `${body}.${sig.slice(0, -2)}AA`, 'not-a-token', `${Buffer.from(JSON.stringify({ ...payload, t: 'x' })).toString('base64url')}.${sig}`]) {
      const r = await anon.answer(bad, { rating: 1 });
      expect(r.statusCode, bad).toBe(404);
      expect(r.json().error.code).toBe('survey_link_invalid');
      expect((await anon.get(bad)).statusCode).toBe(404);
    }

    const off = await anon.answer(token, { rating: 4 });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.fields).toEqual({ rating: 'must be 1 (bad), 2 (okay) or 3 (good)' });
    expect((await anon.answer(token, { rating: 2.5 })).json().error.fields).toHaveProperty('rating');
    expect((await anon.answer(token, { rating: 2, comment: 'x'.repeat(2001) })).json().error.fields).toHaveProperty('comment');

    t.setNow(new Date(Date.now() + 15 * DAY));
    const expired = await anon.answer(token, { rating: 1 });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('survey_link_expired');
    expect((await anon.get(token)).statusCode).toBe(410);

    expect((await surveyOf(w, tk.id))[0]).toMatchObject({ rating: null, responded_at: null, response_count: 0 });
  });

  it('limits one address to 30 requests a minute, with retry-after', async () => {
    const w = await world();
    const tk = await openTicket(w);
    await resolve(w, tk.id);
    const token = await resolvedToken(w, tk.id);
    const from = nextAddress();
    for (let i = 0; i < 30; i++) expect((await anon.get(token, from)).statusCode).toBe(200);
    const limited = await anon.answer(token, { rating: 3 }, from);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await surveyOf(w, tk.id))[0]!.responded_at).toBeNull();
    // Another address is not held back.
    expect((await anon.get(token)).statusCode).toBe(200);
  });
});

describe('rating in the portal', () => {
  it('lets the requester rate a resolved ticket, and nobody else', async () => {
    const w = await world();
    const tk = await openTicket(w);
    const path = api(`/tickets/${tk.id}/satisfaction`);

    expect(await ok(await w.requester.get(path))).toEqual({ survey: null, canRespond: false });
    const early = await w.requester.request(path, { method: 'PUT', body: { rating: 3 } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ticket_not_resolved');

    await resolve(w, tk.id);
    expect(await ok(await w.requester.get(path))).toMatchObject({ survey: { scale: 'three', rating: null, respondedAt: null }, canRespond: true });
    expect((await ok(await w.clientAdmin.get(path))).canRespond).toBe(false);

    const rated = await ok(await w.requester.request(path, { method: 'PUT', body: { rating: 3, comment: 'Quick and friendly' } }));
    expect(rated).toMatchObject({ survey: { rating: 3, score: 5, comment: 'Quick and friendly' }, canRespond: true });
    expect((await w.requester.request(path, { method: 'PUT', body: { rating: 0 } })).json().error.fields).toHaveProperty('rating');

    // A colleague does not see the ticket; the client admin sees it but may not rate; staff never rate.
    expect((await w.colleague.request(path, { method: 'PUT', body: { rating: 1 } })).statusCode).toBe(404);
    expect((await w.clientAdmin.request(path, { method: 'PUT', body: { rating: 1 } })).statusCode).toBe(403);
    expect((await w.otherUser.request(path, { method: 'PUT', body: { rating: 1 } })).statusCode).toBe(404);
    expect((await w.staff.request(path, { method: 'PUT', body: { rating: 1 } })).statusCode).toBe(403);
    expect((await surveyOf(w, tk.id))[0]).toMatchObject({ rating: 3, response_count: 1 });
    expect((await ok(await w.staff.get(path))).survey).toMatchObject({ rating: 3, score: 5 });
  });
});

describe('CSAT responses for staff', () => {
  it('lists answers newest first with filters; the client admin sees their own client only', async () => {
    const w = await world();
    const base = Date.parse('2026-03-10T12:00:00Z');
    // Opened and resolved a few days before the answers; links last 14 days from resolution.
    t.setNow(new Date(base - 5 * DAY));
    const mine = [await openTicket(w), await openTicket(w), await openTicket(w)];
    const otherTicket = await ok(await w.otherUser.post(api('/tickets'), { clientId: w.other, subject: 'Other printer' }), 201);
    for (const tk of [...mine, otherTicket]) await resolve(w, tk.id);
    const answer = async (tk: { id: string }, rating: number, at: number) => {
      t.setNow(new Date(at));
      await ok(await anon.answer(await resolvedToken(w, tk.id), { rating }));
    };
    await answer(mine[0]!, 3, base);
    await answer(mine[1]!, 1, base + DAY);
    await answer(mine[2]!, 2, base + 2 * DAY);
    await answer(otherTicket, 3, base + 3 * DAY);
    t.setNow(null);

    const all = await ok(await w.staff.get(api('/surveys/csat')));
    expect(all.items.map((r: { ticket: { id: string } }) => r.ticket.id)).toEqual([otherTicket.id, mine[2]!.id, mine[1]!.id, mine[0]!.id]);
    expect(all.items[1]).toEqual({
      id: expect.any(String),
      ticket: { id: mine[2]!.id, number: mine[2]!.number, subject: mine[2]!.subject },
      client: { id: w.client, name: w.clientName },
      technician: { id: w.tech.id, name: 'Tess Tech' },
      scale: 'three',
      rating: 2,
      score: 3,
      comment: '',
      respondedAt: new Date(base + 2 * DAY).toISOString(),
      followUpTicketId: null,
    });
    const ids = (r: { items: Array<{ ticket: { id: string } }> }) => r.items.map((x) => x.ticket.id);
    expect(ids(await ok(await w.staff.get(api(`/surveys/csat?clientId=${w.client}&rating=negative`))))).toEqual([mine[1]!.id]);
    expect(ids(await ok(await w.staff.get(api('/surveys/csat?rating=positive'))))).toEqual([otherTicket.id, mine[0]!.id]);
    expect(ids(await ok(await w.staff.get(api(`/surveys/csat?technicianId=${w.tech.id}&from=2026-03-11&to=2026-03-12`))))).toEqual([mine[2]!.id, mine[1]!.id]);
    const page1 = await ok(await w.staff.get(api('/surveys/csat?limit=3')));
    const page2 = await ok(await w.staff.get(api(`/surveys/csat?limit=3&cursor=${page1.nextCursor}`)));
    expect([...ids(page1), ...ids(page2)]).toEqual(ids(all));
    expect(page2.nextCursor).toBeNull();
    const bad = await w.staff.get(api('/surveys/csat?from=2026-03-12&to=2026-03-11'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('to');

    expect(ids(await ok(await w.clientAdmin.get(api('/surveys/csat'))))).toEqual([mine[2]!.id, mine[1]!.id, mine[0]!.id]);
    expect(ids(await ok(await w.clientAdmin.get(api(`/surveys/csat?clientId=${w.other}`))))).toEqual([]);
    expect((await w.requester.get(api('/surveys/csat'))).statusCode).toBe(403);
  });
});

describe('a negative answer', () => {
  const notificationsOf = (w: World, userId: string) =>
    t.ctx.db.selectFrom('notifications').select(['kind', 'title', 'ticket_id']).where('tenant_id', '=', w.tenantId).where('user_id', '=', userId).where('kind', '=', 'csat_negative').orderBy('created_at').orderBy('title').execute();

  it("tells the client's account manager once per answer", async () => {
    const w = await world();
    const manager = await createUser(t.ctx, w.tenantId, 'account_manager', { name: 'Ada Manager' });
    await ok(await w.staff.patch(api(`/clients/${w.client}`), { accountManagerId: manager.id }));
    const tk = await openTicket(w);
    await resolve(w, tk.id);
    const token = await resolvedToken(w, tk.id);
    await ok(await anon.answer(token, { rating: 3 }));
    expect(await notificationsOf(w, manager.id)).toEqual([]);
    await ok(await anon.answer(token, { rating: 1 }));
    await ok(await anon.answer(token, { rating: 1, comment: 'Took a week' }));
    expect(await notificationsOf(w, manager.id)).toEqual([{ kind: 'csat_negative', title: `${w.clientName} rated ${tk.reference} bad`, ticket_id: tk.id }]);
    // The owner is not told when an account manager is named; no follow-up ticket under 'notify'.
    expect(await notificationsOf(w, w.owner.id)).toEqual([]);
    expect((await surveyOf(w, tk.id))[0]!.follow_up_ticket_id).toBeNull();
  });

  it("tells the owners and admins when no account manager is named, and with follow-up 'ticket' opens exactly one follow-up ticket", async () => {
    const w = await world();
    const admin = await createUser(t.ctx, w.tenantId, 'admin');
    await ok(await w.staff.patch(api('/settings/satisfaction'), { csatFollowUp: 'ticket', csatScale: 'five' }));
    const tk = await openTicket(w);
    await resolve(w, tk.id);
    const token = await resolvedToken(w, tk.id);
    // Two clicks at once and a later change of mind: one follow-up.
    await Promise.all([anon.answer(token, { rating: 1 }), anon.answer(token, { rating: 1 })]);
    await ok(await anon.answer(token, { rating: 2, comment: 'Still broken' }));

    for (const userId of [w.owner.id, admin.id]) expect((await notificationsOf(w, userId)).map((n) => n.title)).toEqual([`${w.clientName} rated ${tk.reference} 1 of 5`, `${w.clientName} rated ${tk.reference} 2 of 5`]);
    const followUps = await t.ctx.db.selectFrom('tickets').select(['id', 'subject', 'client_id', 'tags', 'requester_user_id']).where('tenant_id', '=', w.tenantId).where('subject', 'like', 'Follow-up on%').execute();
    expect(followUps).toEqual([{ id: expect.any(String), subject: `Follow-up on ${tk.reference}: rated 1 of 5`, client_id: w.client, tags: ['csat-follow-up'], requester_user_id: w.requesterUser.id }]);
    const [s] = await surveyOf(w, tk.id);
    expect(s).toMatchObject({ scale: 'five', rating: 2, score: 2, follow_up_ticket_id: followUps[0]!.id });
    const listed = await ok(await w.staff.get(api('/surveys/csat')));
    expect(listed.items[0].followUpTicketId).toBe(followUps[0]!.id);
  });
});

describe('NPS rounds', () => {
  async function contact(w: World, clientId: string, email: string) {
    return ok(await w.staff.post(api(`/clients/${clientId}/contacts`), { name: `Contact ${u()}`, email, roles: ['primary'] }), 201);
  }

  it('sends the current quarter once to the contacts of active clients with a contract in force, one survey per address', async () => {
    const w = await world();
    const shared = `shared-${u()}@example.test`;
    const a = await contact(w, w.client, `a-${u()}@example.test`);
    await contact(w, w.client, shared);
    // The other client has no contract: its contacts are not asked, even the shared address.
    await contact(w, w.other, `o-${u()}@example.test`);
    const third = await ok(await w.staff.post(api('/clients'), { name: `Third ${u()}` }), 201);
    const gold = await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', w.tenantId).where('name', '=', 'Gold').executeTakeFirstOrThrow();
    const k3 = await ok(await w.staff.post(api('/contracts'), { clientId: third.id, name: 'Gold', planId: gold.id, startsAt: '2020-01-01T00:00:00Z' }), 201);
    await ok(await w.staff.post(api(`/contracts/${k3.id}/activate`)));
    await contact(w, third.id, shared.toUpperCase());
    const inactive = await ok(await w.staff.post(api('/clients'), { name: `Gone ${u()}` }), 201);
    const k4 = await ok(await w.staff.post(api('/contracts'), { clientId: inactive.id, name: 'Gold', planId: gold.id, startsAt: '2020-01-01T00:00:00Z' }), 201);
    await ok(await w.staff.post(api(`/contracts/${k4.id}/activate`)));
    await contact(w, inactive.id, `gone-${u()}@example.test`);
    await ok(await w.staff.patch(api(`/clients/${inactive.id}`), { status: 'inactive' }));

    const quarter = quarterKeyAt(new Date(), 'UTC');
    const wrong = await w.staff.post(api('/nps/rounds'), { quarter: '2020-Q1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ quarter: `must be the current quarter, ${quarter}` });
    expect((await (await signIn(w.tech.email)).post(api('/nps/rounds'), { quarter })).statusCode).toBe(403);

    const round = await ok(await w.staff.post(api('/nps/rounds'), { quarter }), 201);
    expect(round).toMatchObject({ quarter, recipientCount: 2, responseCount: 0, responseRate: 0, nps: null, startedBy: { id: w.owner.id, name: 'Olive Owner' } });
    const again = await w.staff.post(api('/nps/rounds'), { quarter });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('nps_round_exists');

    const surveys = await t.ctx.db.selectFrom('nps_surveys').select(['email', 'client_id', 'quarter_key']).where('tenant_id', '=', w.tenantId).orderBy('email').execute();
    expect(surveys.map((s) => s.email.toLowerCase()).sort()).toEqual([a.email, shared].sort());
    expect(surveys.every((s) => s.quarter_key === quarter)).toBe(true);
    const mails = await t.ctx.db.selectFrom('outbox_emails').select(['to_address', 'body_text']).where('tenant_id', '=', w.tenantId).where('kind', '=', 'nps_survey').execute();
    expect(mails).toHaveLength(2);
    const links = linksOf(mails.find((m) => m.to_address === a.email)!.body_text, 'nps');
    expect([...links.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // Answering by link: the page shows the organisation and no ticket; 0..10 only.
    const token = links.get(9)!;
    expect(await ok(await anon.get(token))).toEqual({ kind: 'nps', organisation: w.tenantName, scale: 'nps', ticket: null, response: null, expiresAt: expect.any(String) });
    expect((await anon.answer(token, { rating: 11 })).json().error.fields).toEqual({ rating: 'must be from 0 to 10' });
    await ok(await anon.answer(token, { rating: 9, comment: 'Reliable' }));

    const rounds = await ok(await w.staff.get(api('/nps/rounds')));
    expect(rounds.items).toEqual([expect.objectContaining({ id: round.id, quarter, recipientCount: 2, responseCount: 1, responseRate: 50, nps: 100 })]);
    const answers = await ok(await w.staff.get(api(`/nps/rounds/${round.id}/responses`)));
    expect(answers).toEqual({ items: [{ id: expect.any(String), client: { id: w.client, name: w.clientName }, email: a.email, score: 9, comment: 'Reliable', respondedAt: expect.any(String) }], nextCursor: null });
    expect((await w.clientAdmin.get(api('/nps/rounds'))).statusCode).toBe(403);
  });
});

describe('who may call the routes the authorisation matrix leaves here', () => {
  it('lets anyone holding a link answer, signed in or not, without a CSRF token', async () => {
    const w = await world();
    const tk = await openTicket(w);
    await resolve(w, tk.id);
    const token = await resolvedToken(w, tk.id);
    // A signed-in staff member's browser opens the link: the session is no credential here.
    const res = await t.app.inject({ method: 'POST', url: api(`/public/surveys/${token}/response`), payload: { rating: 3 }, headers: { cookie: w.staff.cookie }, remoteAddress: nextAddress() });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('sends a round for owners, admins and account managers only; reads answers for staff of the tenant', async () => {
    const w = await world();
    const quarter = quarterKeyAt(new Date(), 'UTC');
    for (const role of ['dispatcher', 'technician'] as const) {
      const agent = await signIn((await createUser(t.ctx, w.tenantId, role)).email);
      expect((await agent.post(api('/nps/rounds'), { quarter })).statusCode, role).toBe(403);
    }
    expect((await w.clientAdmin.post(api('/nps/rounds'), { quarter })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: api('/nps/rounds'), payload: { quarter } })).statusCode).toBe(401);
    const readToken = (await ok(await w.staff.post(api('/api-tokens'), { name: `r-${u()}`, scopes: ['surveys:read'] }), 201)).token as string;
    const byToken = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { authorization: `Bearer ${readToken}` }, ...(payload ? { payload } : {}) });
    expect((await byToken('POST', api('/nps/rounds'), { quarter })).statusCode).toBe(403);

    const manager = await signIn((await createUser(t.ctx, w.tenantId, 'account_manager')).email);
    const round = await ok(await manager.post(api('/nps/rounds'), { quarter }), 201);
    const responses = api(`/nps/rounds/${round.id}/responses`);
    expect((await byToken('GET', responses)).statusCode).toBe(200);
    expect((await ok(await (await signIn(w.tech.email)).get(responses))).items).toEqual([]);
    expect((await w.clientAdmin.get(responses)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: responses })).statusCode).toBe(401);
    const stranger = await createTenant(t.ctx);
    expect((await (await signIn(stranger.owner.email)).get(responses)).statusCode).toBe(404);
  });
});

describe('survey settings', () => {
  it('reads the defaults and changes them, naming the fields it refuses', async () => {
    const w = await world();
    const path = api('/settings/satisfaction');
    const res = await w.staff.get(path);
    expect(res.json()).toEqual({
      csatScale: 'three',
      csatLinkDays: 14,
      csatFollowUp: 'notify',
      npsEnabled: false,
      npsMonthOfQuarter: 2,
      npsDayOfMonth: 15,
      npsTimeZone: 'UTC',
      risk: { windowDays: 90, csatDrop: 0.5, badStreak: 3, problemDays: 60 },
      version: expect.any(Number),
    });
    const etag = res.headers.etag as string;

    const changed = await ok(await w.staff.patch(path, { csatScale: 'five', npsEnabled: true, npsTimeZone: 'Europe/Berlin', risk: { csatDrop: 0.75, badStreak: 4 } }, { 'if-match': etag }));
    expect(changed).toMatchObject({ csatScale: 'five', npsEnabled: true, npsTimeZone: 'Europe/Berlin', risk: { windowDays: 90, csatDrop: 0.75, badStreak: 4, problemDays: 60 } });
    expect((await w.staff.patch(path, { csatLinkDays: 30 }, { 'if-match': etag })).statusCode).toBe(412);

    const refused = async (body: unknown) => {
      const r = await w.staff.patch(path, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      return Object.keys(r.json().error.fields);
    };
    expect(await refused({ npsTimeZone: 'Mars/Olympus' })).toEqual(['npsTimeZone']);
    expect(await refused({ csatLinkDays: 0 })).toEqual(['csatLinkDays']);
    expect(await refused({ npsDayOfMonth: 29 })).toEqual(['npsDayOfMonth']);
    expect(await refused({ csatScale: 'ten' })).toEqual(['csatScale']);
    expect(await refused({ risk: { csatDrop: 0 } })).toEqual(['risk.csatDrop']);
    expect(await refused({ risk: { windowDays: 7 } })).toEqual(['risk.windowDays']);
    expect(await refused({ surprise: 1 })).toEqual(['surprise']);
    expect((await ok(await w.staff.get(path))).npsTimeZone).toBe('Europe/Berlin');

    const tech = await signIn(w.tech.email);
    expect((await tech.get(path)).statusCode).toBe(200);
    expect((await tech.patch(path, { csatLinkDays: 30 })).statusCode).toBe(403);
    expect((await w.clientAdmin.get(path)).statusCode).toBe(403);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('tenant_id', '=', w.tenantId).where('action', '=', 'settings.satisfaction_changed').execute();
    expect(audit).toHaveLength(1);
  });
});
