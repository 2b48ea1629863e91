import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../../test/support/test-app';
import { TEST_POSTGRES_URL } from '../../../test/support/test-database';
import { startBoss, type BossHandle } from '../../jobs/boss';
import { ANNOUNCEMENT_SEND_QUEUE, offerAnnouncementSend, startAnnouncementSend } from '../../jobs/announcement-send.worker';
import { eventually } from '../../jobs/jobs.test-support';
import { deliverPendingEmails, MAX_ATTEMPTS } from '../../mail/outbox-deliverer';
import { smtpTransport } from '../../mail/smtp-transport';
import { startSmtpSink, type SmtpSink } from '../../mail/testing/smtp-sink';
import { sendDueAnnouncements, type DueResult } from './announcements.service';

let t: TestApp;
let sink: SmtpSink;
beforeAll(async () => {
  t = await createTestApp();
  sink = await startSmtpSink({ rejectRecipients: ['bounce@beta.test'] });
});
afterAll(async () => {
  await sink?.close();
  await t?.close();
});
afterEach(() => t.setNow(null));

const u = () => randomUUID().slice(0, 8);
type Res = { statusCode: number; body: string; json(): any };
async function ok<T = any>(res: Res, what: string, status?: number): Promise<T> {
  if (res.statusCode >= 300 || (status !== undefined && res.statusCode !== status)) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

type World = {
  tenantId: string;
  owner: Agent;
  clients: { alpha: string; beta: string; gamma: string; delta: string };
  plans: { gold: string; silver: string };
  sites: { alpha: string; beta: string };
  tag: string;
};

/**
 * Alpha (active, Gold, contacts a1 primary+technical, a2 billing, one without an address), Beta
 * (active, Silver, b1 technical, b2 sharing a1's address in other case, bounce@beta.test
 * approver), Gamma (inactive, Gold, g1), Delta (active, no contract, d1 primary).
 */
async function world(): Promise<World> {
  const { tenant, owner: ownerUser } = await createTenant(t.ctx);
  const owner = await signIn(t.app, ownerUser.email);
  const tag = u();
  const client = async (name: string) => (await ok(await owner.post('/api/v1/clients', { name: `${name} ${tag}` }), 'client')).id as string;
  const clients = { alpha: await client('Alpha'), beta: await client('Beta'), gamma: await client('Gamma'), delta: await client('Delta') };
  const plan = async (name: string) => (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
  const plans = { gold: await plan('Gold'), silver: await plan('Silver') };
  for (const [c, p] of [[clients.alpha, plans.gold], [clients.beta, plans.silver], [clients.gamma, plans.gold]] as const) {
    const k = await ok(await owner.post('/api/v1/contracts', { clientId: c, name: 'Service', planId: p, startsAt: '2020-01-01T00:00:00Z' }), 'contract');
    await ok(await owner.post(`/api/v1/contracts/${k.id}/activate`), 'activate');
  }
  const site = async (c: string) => (await ok(await owner.post(`/api/v1/clients/${c}/sites`, { name: `Site ${u()}`, timeZone: 'Europe/Berlin' }), 'site')).id as string;
  const sites = { alpha: await site(clients.alpha), beta: await site(clients.beta) };
  const contact = async (c: string, name: string, email: string, roles: string[]) => ok(await owner.post(`/api/v1/clients/${c}/contacts`, { name, email, roles }), 'contact');
  await contact(clients.alpha, 'Ann One', `a1-${tag}@alpha.test`, ['primary', 'technical']);
  await contact(clients.alpha, 'Al Two', `a2-${tag}@alpha.test`, ['billing']);
  // A contact without an address (older data, phone-only contacts).
  await t.ctx.db.insertInto('contacts').values({ tenant_id: tenant.id, client_id: clients.alpha, name: 'No Mail', email: '', roles: [], user_id: null }).execute();
  await contact(clients.beta, 'Bea One', `b1-${tag}@beta.test`, ['technical']);
  await contact(clients.beta, 'Ann Again', `A1-${tag}@ALPHA.test`, ['primary']);
  await contact(clients.gamma, 'Gus', `g1-${tag}@gamma.test`, ['primary', 'technical']);
  await ok(await owner.patch(`/api/v1/clients/${clients.gamma}`, { status: 'inactive' }), 'deactivate');
  await contact(clients.delta, 'Dee', `d1-${tag}@delta.test`, ['primary']);
  return { tenantId: tenant.id, owner, clients, plans, sites, tag };
}

const preview = async (w: World, audience: object, kind = 'service_notice') => {
  const p = await ok<{ count: number; unsubscribed: number; sample: Array<{ email: string }> }>(await w.owner.post('/api/v1/announcements/audience-preview', { kind, audience }), 'preview');
  return { count: p.count, emails: p.sample.map((s) => s.email.toLowerCase().split('-')[0]).sort(), unsubscribed: p.unsubscribed };
};

const draft = async (w: World, body: object = {}) =>
  ok(await w.owner.post('/api/v1/announcements', { kind: 'service_notice', subject: `Maintenance ${u()}`, bodyHtml: '<p>We update the <strong>firewall</strong> on Saturday.</p>', audience: {}, ...body }), 'draft', 201);

const outboxOf = (tenantId: string) =>
  t.ctx.db.selectFrom('outbox_emails').select(['id', 'to_address', 'subject', 'body_html', 'body_text', 'list_unsubscribe', 'kind']).where('tenant_id', '=', tenantId).where('kind', 'like', 'announcement%').orderBy('to_address').execute();

describe('announcement audiences', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it('reaches contacts with an address of active clients, each address once, when no filter is given', async () => {
    // Gamma is inactive, the address-less contact is left out, a1 and A1 (Beta) are one address.
    expect(await preview(w, {})).toEqual({ count: 4, emails: ['a1', 'a2', 'b1', 'd1'], unsubscribed: 0 });
  });

  it('filters by client, plan in force, site and contact role, each alone', async () => {
    expect(await preview(w, { clientIds: [w.clients.beta] })).toMatchObject({ count: 2, emails: ['a1', 'b1'] });
    expect(await preview(w, { planIds: [w.plans.gold] })).toMatchObject({ count: 2, emails: ['a1', 'a2'] });
    expect(await preview(w, { planIds: [w.plans.silver] })).toMatchObject({ count: 2, emails: ['a1', 'b1'] });
    expect(await preview(w, { siteIds: [w.sites.alpha] })).toMatchObject({ count: 2, emails: ['a1', 'a2'] });
    expect(await preview(w, { contactRoles: ['technical'] })).toMatchObject({ count: 2, emails: ['a1', 'b1'] });
    expect(await preview(w, { contactRoles: ['approver'] })).toMatchObject({ count: 0, emails: [] });
    // An inactive client named explicitly is still left out.
    expect(await preview(w, { clientIds: [w.clients.gamma] })).toMatchObject({ count: 0 });
  });

  it('applies every given filter together', async () => {
    expect(await preview(w, { planIds: [w.plans.gold], contactRoles: ['billing'] })).toMatchObject({ count: 1, emails: ['a2'] });
    expect(await preview(w, { clientIds: [w.clients.alpha, w.clients.beta], siteIds: [w.sites.beta], contactRoles: ['technical'] })).toMatchObject({ count: 1, emails: ['b1'] });
    expect(await preview(w, { planIds: [w.plans.silver], siteIds: [w.sites.alpha] })).toMatchObject({ count: 0 });
    expect(await preview(w, { clientIds: [w.clients.delta], contactRoles: ['primary'] })).toMatchObject({ count: 1, emails: ['d1'] });
  });

  it('a plan counts only through a contract in force now', async () => {
    t.setNow(new Date('2019-06-01T00:00:00Z'));
    expect(await preview(w, { planIds: [w.plans.gold] })).toMatchObject({ count: 0 });
  });

  it('sends to exactly the previewed recipients, one e-mail per address', async () => {
    const a = await draft(w, { audience: { planIds: [w.plans.gold] } });
    expect(await ok(await w.owner.get(`/api/v1/announcements/${a.id}/recipients/preview`), 'preview')).toMatchObject({ count: 2 });
    const sent = await ok(await w.owner.post(`/api/v1/announcements/${a.id}/send`, {}), 'send');
    expect(sent).toMatchObject({ status: 'sent', counts: { total: 2, queued: 2, sent: 0 } });
    const mails = (await outboxOf(w.tenantId)).filter((m) => m.subject === a.subject);
    expect(mails.map((m) => m.to_address.split('-')[0])).toEqual(['a1', 'a2']);
    const recipients = await ok(await w.owner.get(`/api/v1/announcements/${a.id}/recipients`), 'recipients');
    expect(recipients.items.map((r: { email: string; client: { id: string } }) => [r.email.split('-')[0], r.client.id])).toEqual([
      ['a1', w.clients.alpha],
      ['a2', w.clients.alpha],
    ]);
  });
});

describe('announcement content', () => {
  it('never stores or sends scripts or event handlers, and derives the text part', async () => {
    const w = await world();
    const a = await draft(w, {
      audience: { clientIds: [w.clients.delta] },
      bodyHtml: '<p onclick="steal()">Hello <b>all</b><script>alert(1)</script></p><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a><ul><li>VPN</li></ul><a href="https://status.test">status</a>',
    });
    const clean = '<p>Hello <strong>all</strong></p>x<ul><li>VPN</li></ul><a href="https://status.test" rel="noopener noreferrer" target="_blank">status</a>';
    expect(a.bodyHtml).toBe(clean);
    expect(a.bodyText).toBe('Hello all\n\nx\n\n- VPN\n\nstatus (https://status.test)');
    const stored = await t.ctx.db.selectFrom('announcements').select(['body_html']).where('tenant_id', '=', w.tenantId).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(stored.body_html).toBe(clean);
    const patched = await ok(await w.owner.patch(`/api/v1/announcements/${a.id}`, { bodyHtml: '<h2 onmouseover="x()">New</h2><iframe src="https://evil.test"></iframe>' }), 'patch');
    expect(patched.bodyHtml).toBe('<h2>New</h2>');
    await ok(await w.owner.post(`/api/v1/announcements/${a.id}/send`, {}), 'send');
    const [mail] = await outboxOf(w.tenantId);
    expect(mail!.body_html).toMatch(/^<h2>New<\/h2><hr>/);
    expect(mail!.body_html).not.toMatch(/script|onmouseover|onerror|onclick|iframe|javascript/i);
    expect(mail!.body_text).toMatch(/^New\n\n--\nThis is a service notice from /);
  });

  it('names the fields it refuses', async () => {
    const w = await world();
    const bad = await w.owner.post('/api/v1/announcements', { kind: 'memo', subject: ' ', bodyHtml: '<p>x</p>' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({ kind: "must be 'service_notice' or 'newsletter'", subject: 'is required' });
    const empty = await w.owner.post('/api/v1/announcements', { kind: 'newsletter', subject: 'Hi', bodyHtml: '<script>alert(1)</script><img src=x>' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({ bodyHtml: 'is required (there is no text left once unsafe content is removed)' });
    const other = await createTenant(t.ctx);
    const foreign = await t.ctx.db.insertInto('clients').values({ tenant_id: other.tenant.id, name: 'Foreign' }).returning('id').executeTakeFirstOrThrow();
    const unknown = await w.owner.post('/api/v1/announcements', { kind: 'newsletter', subject: 'Hi', bodyHtml: '<p>x</p>', audience: { clientIds: [foreign.id], contactRoles: ['boss'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ 'audience.contactRoles.0': 'must be primary, billing, technical or approver' });
    const foreignOnly = await w.owner.post('/api/v1/announcements', { kind: 'newsletter', subject: 'Hi', bodyHtml: '<p>x</p>', audience: { clientIds: [foreign.id], planIds: [randomUUID()] } });
    expect(foreignOnly.statusCode).toBe(400);
    expect(Object.keys(foreignOnly.json().error.fields)).toEqual(['audience.clientIds', 'audience.planIds']);
    expect(foreignOnly.json().error.fields['audience.clientIds']).toBe(`names a client that does not exist: ${foreign.id}`);
    expect(await t.ctx.db.selectFrom('announcements').select('id').where('tenant_id', '=', w.tenantId).execute()).toEqual([]);
    const a = await draft(w);
    const past = await w.owner.post(`/api/v1/announcements/${a.id}/send`, { at: '2001-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toEqual({ at: 'must be in the future; leave it out to send now' });
    const malformed = await w.owner.post(`/api/v1/announcements/${a.id}/send`, { at: 'tomorrow' });
    expect(malformed.json().error.fields).toEqual({ at: 'must be a date and time, ISO 8601 (e.g. 2026-12-24T09:00:00Z)' });
    const nobody = await draft(w, { audience: { contactRoles: ['approver'] } });
    const none = await w.owner.post(`/api/v1/announcements/${nobody.id}/send`, {});
    expect(none.statusCode).toBe(409);
    expect(none.json().error.fields).toEqual({ audience: 'matches no one' });
  });

  it('honours If-Match and refuses changes once sent', async () => {
    const w = await world();
    const a = await draft(w, { audience: { clientIds: [w.clients.delta] } });
    const stale = await w.owner.patch(`/api/v1/announcements/${a.id}`, { subject: 'Changed' }, { 'if-match': `"${a.version + 5}"` });
    expect(stale.statusCode).toBe(412);
    const fresh = await w.owner.patch(`/api/v1/announcements/${a.id}`, { subject: 'Changed' }, { 'if-match': `"${a.version}"` });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).toBe(`"${a.version + 1}"`);
    expect((await w.owner.post(`/api/v1/announcements/${a.id}/send`, {}, { 'if-match': `"${a.version}"` })).statusCode).toBe(412);
    expect((await w.owner.post(`/api/v1/announcements/${a.id}/send`, {}, { 'if-match': fresh.headers.etag as string })).statusCode).toBe(200);
    const late = await w.owner.patch(`/api/v1/announcements/${a.id}`, { subject: 'Too late' });
    expect(late.statusCode).toBe(409);
    expect((await w.owner.post(`/api/v1/announcements/${a.id}/send`, {})).statusCode).toBe(409);
  });
});

describe('large audiences', () => {
  it('sends to 1,200 contacts in one go, each with its own outbox row and recipient', async () => {
    const w = await world();
    const rows = Array.from({ length: 1200 }, (_, i) => ({ tenant_id: w.tenantId, client_id: w.clients.delta, name: `Bulk ${i}`, email: `bulk-${i}-${w.tag}@delta.test`, roles: ['technical'] as ('technical')[], user_id: null }));
    for (let i = 0; i < rows.length; i += 400) await t.ctx.db.insertInto('contacts').values(rows.slice(i, i + 400)).execute();
    const a = await draft(w, { kind: 'newsletter', audience: { clientIds: [w.clients.delta], contactRoles: ['technical'] } });
    const started = Date.now();
    const sent = await ok(await w.owner.post(`/api/v1/announcements/${a.id}/send`, {}), 'send');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(sent.counts).toMatchObject({ total: 1200, queued: 1200 });
    const linked = await t.ctx.db
      .selectFrom('announcement_recipients as r')
      .innerJoin('outbox_emails as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.outbox_email_id'))
      .select(['r.email', 'o.to_address', 'o.list_unsubscribe', 'r.unsubscribe_token_hash'])
      .where('r.tenant_id', '=', w.tenantId)
      .where('r.announcement_id', '=', a.id)
      .execute();
    expect(linked).toHaveLength(1200);
    // Each recipient points at its own e-mail, and its own unsubscribe link.
    expect(linked.every((r) => r.email === r.to_address)).toBe(true);
    expect(new Set(linked.map((r) => r.list_unsubscribe)).size).toBe(1200);
    expect(new Set(linked.map((r) => r.unsubscribe_token_hash)).size).toBe(1200);
  });
});

describe('per-recipient status', () => {
  it('follows the outbox: sent once delivered, failed once the outbox gives up', async () => {
    const w = await world();
    const bounce = await ok(await w.owner.post(`/api/v1/clients/${w.clients.beta}/contacts`, { name: 'Bounce', email: 'bounce@beta.test', roles: ['approver'] }), 'contact');
    const a = await draft(w, { audience: { clientIds: [w.clients.beta] } });
    await ok(await w.owner.post(`/api/v1/announcements/${a.id}/send`, {}), 'send');
    const transport = smtpTransport({ url: sink.url(), from: 'no-reply@msp.test' });
    const before = sink.messages.length;
    let at = Date.now() + 1000;
    expect(await deliverPendingEmails(t.ctx.db, transport, new Date(at), { tenantId: w.tenantId })).toEqual({ sent: 2, failed: 1 });
    const statuses = async () => (await ok(await w.owner.get(`/api/v1/announcements/${a.id}/recipients`), 'recipients')).items.map((r: { email: string; status: string; error: string | null }) => [r.email.split('-')[0], r.status, r.error !== null]);
    expect(await statuses()).toEqual([
      ['a1', 'sent', false],
      ['b1', 'sent', false],
      // Still retried: queued, with the server's answer.
      ['bounce@beta.test', 'queued', true],
    ]);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      at += 2 ** (i + 1) * 60_000;
      await deliverPendingEmails(t.ctx.db, transport, new Date(at), { tenantId: w.tenantId });
    }
    transport.close();
    expect(await statuses()).toEqual([
      ['a1', 'sent', false],
      ['b1', 'sent', false],
      ['bounce@beta.test', 'failed', true],
    ]);
    const got = (await sink.waitFor(before + 2)).slice(before);
    expect(got.map((m) => m.parsed.subject)).toEqual([a.subject, a.subject]);
    const list = await ok(await w.owner.get('/api/v1/announcements'), 'list');
    expect(list.items.find((x: { id: string }) => x.id === a.id).counts).toEqual({ total: 3, queued: 0, sent: 2, failed: 1, unsubscribed: 0 });
    const failedOnly = await ok(await w.owner.get(`/api/v1/announcements/${a.id}/recipients?status=failed`), 'failed');
    expect(failedOnly.items.map((r: { contact: { id: string } }) => r.contact.id)).toEqual([bounce.id]);
  });
});

describe('newsletters and unsubscribing', () => {
  it('newsletters carry a one-click unsubscribe; unsubscribed addresses get no more newsletters but still get service notices', async () => {
    const w = await world();
    const audience = { clientIds: [w.clients.alpha] };
    const news = await draft(w, { kind: 'newsletter', audience });
    await ok(await w.owner.post(`/api/v1/announcements/${news.id}/send`, {}), 'send');
    const mails = (await outboxOf(w.tenantId)).filter((m) => m.subject === news.subject);
    expect(mails).toHaveLength(2);
    for (const m of mails) expect(m.list_unsubscribe).toMatch(/\/api\/v1\/public\/unsubscribe\/[\w-]{40,}$/);
    const a2Mail = mails.find((m) => m.to_address.startsWith('a2-'))!;
    const token = a2Mail.list_unsubscribe!.split('/').pop()!;
    expect(a2Mail.body_text).toContain(`/unsubscribe/${token}`);
    expect(a2Mail.body_html).toContain(`/unsubscribe/${token}">Unsubscribe from newsletters</a>`);

    const info = await t.app.inject({ url: `/api/v1/public/unsubscribe/${token}` });
    expect(info.json()).toMatchObject({ email: a2Mail.to_address, subject: news.subject, unsubscribed: false });
    const browser = await t.app.inject({ url: `/api/v1/public/unsubscribe/${token}`, headers: { accept: 'text/html' } });
    expect([browser.statusCode, browser.headers.location]).toEqual([303, `/unsubscribe/${token}`]);
    // What a mail program sends for one click (RFC 8058): a form POST, no session.
    const oneClick = await t.app.inject({ method: 'POST', url: `/api/v1/public/unsubscribe/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.json()).toMatchObject({ unsubscribed: true });
    // The page's button: JSON; a second time changes nothing.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/public/unsubscribe/${token}`, payload: {} })).statusCode).toBe(200);
    expect(await t.ctx.db.selectFrom('newsletter_unsubscribes').select('email').where('tenant_id', '=', w.tenantId).execute()).toEqual([{ email: a2Mail.to_address.toLowerCase() }]);
    expect((await t.app.inject({ url: `/api/v1/public/unsubscribe/${'x'.repeat(43)}` })).statusCode).toBe(404);

    // The preview already leaves the address out of newsletters.
    expect(await preview(w, audience, 'newsletter')).toMatchObject({ count: 1, unsubscribed: 1 });
    expect(await preview(w, audience, 'service_notice')).toMatchObject({ count: 2, unsubscribed: 0 });

    const next = await draft(w, { kind: 'newsletter', audience });
    const sentNext = await ok(await w.owner.post(`/api/v1/announcements/${next.id}/send`, {}), 'send');
    expect(sentNext.counts).toMatchObject({ total: 2, queued: 1, unsubscribed: 1 });
    expect((await outboxOf(w.tenantId)).filter((m) => m.subject === next.subject).map((m) => m.to_address.split('-')[0])).toEqual(['a1']);

    const notice = await draft(w, { kind: 'service_notice', audience });
    await ok(await w.owner.post(`/api/v1/announcements/${notice.id}/send`, {}), 'send');
    const noticeMails = (await outboxOf(w.tenantId)).filter((m) => m.subject === notice.subject);
    expect(noticeMails.map((m) => [m.to_address.split('-')[0], m.list_unsubscribe])).toEqual([
      ['a1', null],
      ['a2', null],
    ]);
    // A service notice has no unsubscribe link to follow.
    const tokens = await t.ctx.db.selectFrom('announcement_recipients').select('unsubscribe_token_hash').where('tenant_id', '=', w.tenantId).where('announcement_id', '=', notice.id).execute();
    expect(tokens.every((r) => r.unsubscribe_token_hash === null)).toBe(true);
  });
});

describe('scheduled sending', () => {
  it('sends at its time, once, even when two runs race; cancel stops it', async () => {
    // The staff session starts at the made-up morning, so it is fresh when the clock moves on.
    t.setNow(new Date('2031-03-01T08:00:00Z'));
    const w = await world();
    const only = { tenantIds: [w.tenantId] };
    const a = await draft(w, { audience: { clientIds: [w.clients.delta] } });
    const scheduled = await ok(await w.owner.post(`/api/v1/announcements/${a.id}/send`, { at: '2031-03-01T09:00:00Z' }), 'schedule');
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledFor: '2031-03-01T09:00:00.000Z', sentAt: null });
    // Still editable while scheduled.
    expect((await w.owner.patch(`/api/v1/announcements/${a.id}`, { subject: `${a.subject} (updated)` })).statusCode).toBe(200);
    const c = await draft(w, { audience: { clientIds: [w.clients.delta] } });
    await ok(await w.owner.post(`/api/v1/announcements/${c.id}/send`, { at: '2031-03-01T09:00:00Z' }), 'schedule');
    const cancelled = await ok(await w.owner.post(`/api/v1/announcements/${c.id}/cancel`), 'cancel');
    expect(cancelled.status).toBe('cancelled');
    expect((await w.owner.post(`/api/v1/announcements/${c.id}/cancel`)).statusCode).toBe(409);
    expect((await w.owner.post(`/api/v1/announcements/${a.id}/cancel`, undefined, { 'if-match': '"1"' })).statusCode).toBe(412);

    t.setNow(new Date('2031-03-01T08:59:59Z'));
    expect(await sendDueAnnouncements(t.ctx, only)).toEqual({ sent: 0 });
    expect(await outboxOf(w.tenantId)).toEqual([]);

    t.setNow(new Date('2031-03-01T09:00:00Z'));
    const results = await Promise.all([sendDueAnnouncements(t.ctx, only), sendDueAnnouncements(t.ctx, only)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(await sendDueAnnouncements(t.ctx, only)).toEqual({ sent: 0 });
    const mails = await outboxOf(w.tenantId);
    expect(mails.map((m) => [m.to_address.split('-')[0], m.subject])).toEqual([['d1', `${a.subject} (updated)`]]);
    const after = await ok(await w.owner.get(`/api/v1/announcements/${a.id}`), 'get');
    expect(after).toMatchObject({ status: 'sent', sentAt: '2031-03-01T09:00:00.000Z', counts: { total: 1 } });
    expect((await ok(await w.owner.get(`/api/v1/announcements/${c.id}`), 'get')).counts.total).toBe(0);
    expect((await w.owner.post(`/api/v1/announcements/${a.id}/cancel`)).statusCode).toBe(409);
  });

  it('runs on pg-boss: two workers send a due announcement once', async () => {
    const handle: BossHandle = await startBoss(t.ctx.dbKind === 'postgres' ? { kind: 'postgres', url: TEST_POSTGRES_URL } : { kind: 'pglite', db: t.ctx.db });
    const w = await world();
    const a = await draft(w, { audience: { clientIds: [w.clients.delta, w.clients.alpha] } });
    // Scheduled a minute ahead of an hour ago: due now in real time.
    t.setNow(new Date(Date.now() - 3_600_000));
    await ok(await w.owner.post(`/api/v1/announcements/${a.id}/send`, { at: new Date(Date.now() - 3_540_000).toISOString() }), 'schedule');
    t.setNow(null);
    const results: DueResult[] = [];
    const one = await startAnnouncementSend(t.ctx, handle.boss, { tenantIds: [w.tenantId], onResult: (r) => results.push(r) });
    const two = await startAnnouncementSend(t.ctx, handle.boss, { tenantIds: [w.tenantId], onResult: (r) => results.push(r) });
    try {
      expect(await offerAnnouncementSend(handle.boss)).toBeNull();
      await handle.boss.send(ANNOUNCEMENT_SEND_QUEUE, {});
      await handle.boss.send(ANNOUNCEMENT_SEND_QUEUE, {});
      for (const x of [one, two]) if (x.workerId) handle.boss.notifyWorker(x.workerId);
      await eventually(async () => results.length, (n) => n >= 2, 20_000, 200);
      const got = await ok(await w.owner.get(`/api/v1/announcements/${a.id}`), 'get');
      expect(got).toMatchObject({ status: 'sent', counts: { total: 3 } });
      expect((await outboxOf(w.tenantId)).map((m) => m.to_address.split('-')[0])).toEqual(['a1', 'a2', 'd1']);
    } finally {
      one.stop();
      two.stop();
      await handle.stop({ graceful: false });
    }
  });
});

describe('who sees what', () => {
  it('the portal shows a client what it received, newest first; staff roles and tenants are kept apart', async () => {
    const w = await world();
    const toAlpha = await draft(w, { audience: { clientIds: [w.clients.alpha] } });
    await ok(await w.owner.post(`/api/v1/announcements/${toAlpha.id}/send`, {}), 'send');
    const toGold = await draft(w, { kind: 'newsletter', audience: { planIds: [w.plans.gold] } });
    await ok(await w.owner.post(`/api/v1/announcements/${toGold.id}/send`, {}), 'send');
    const unsent = await draft(w, { audience: { clientIds: [w.clients.alpha] } });

    const alphaUser = await signIn(t.app, (await createUser(t.ctx, w.tenantId, 'client_user', { clientId: w.clients.alpha })).email);
    const deltaAdmin = await signIn(t.app, (await createUser(t.ctx, w.tenantId, 'client_admin', { clientId: w.clients.delta })).email);
    const alphaSeen = await ok(await alphaUser.get('/api/v1/portal/announcements'), 'portal');
    expect(alphaSeen.items.map((x: { subject: string }) => x.subject)).toEqual([toGold.subject, toAlpha.subject]);
    expect(alphaSeen.items[0].bodyHtml).toBe(toGold.bodyHtml);
    expect(alphaSeen.items.map((x: { id: string }) => x.id)).not.toContain(unsent.id);
    expect((await ok(await deltaAdmin.get('/api/v1/portal/announcements'), 'portal')).items).toEqual([]);
    const paged = await ok(await alphaUser.get('/api/v1/portal/announcements?limit=1'), 'page');
    expect(paged.items.map((x: { id: string }) => x.id)).toEqual([toGold.id]);
    expect((await ok(await alphaUser.get(`/api/v1/portal/announcements?limit=1&cursor=${paged.nextCursor}`), 'page 2')).items.map((x: { id: string }) => x.id)).toEqual([toAlpha.id]);

    // Client users never reach the staff routes; staff have no portal list.
    expect((await alphaUser.get('/api/v1/announcements')).statusCode).toBe(403);
    expect((await alphaUser.get(`/api/v1/announcements/${toAlpha.id}/recipients`)).statusCode).toBe(403);
    expect((await w.owner.get('/api/v1/portal/announcements')).statusCode).toBe(403);

    // A technician reads, but does not write or send.
    const tech = await signIn(t.app, (await createUser(t.ctx, w.tenantId, 'technician')).email);
    expect((await tech.get(`/api/v1/announcements/${toAlpha.id}`)).statusCode).toBe(200);
    expect((await tech.post('/api/v1/announcements', { kind: 'newsletter', subject: 'x', bodyHtml: '<p>x</p>' })).statusCode).toBe(403);
    expect((await tech.post(`/api/v1/announcements/${unsent.id}/send`, {})).statusCode).toBe(403);
    const am = await signIn(t.app, (await createUser(t.ctx, w.tenantId, 'account_manager')).email);
    expect((await am.get(`/api/v1/announcements/${unsent.id}/recipients/preview`)).statusCode).toBe(200);

    // Another MSP sees none of it: 404 on every announcement route, nothing in its lists.
    const other = await createTenant(t.ctx);
    const otherOwner = await signIn(t.app, other.owner.email);
    expect((await ok(await otherOwner.get('/api/v1/announcements'), 'list')).items).toEqual([]);
    for (const [method, path] of [
      ['GET', ''],
      ['PATCH', ''],
      ['GET', '/recipients'],
      ['GET', '/recipients/preview'],
      ['POST', '/send'],
      ['POST', '/cancel'],
    ] as const) {
      const res = await otherOwner.request(`/api/v1/announcements/${unsent.id}${path}`, { method, ...(method === 'GET' ? {} : { body: method === 'PATCH' ? { subject: 'Mine' } : {} }) });
      expect([method, path, res.statusCode]).toEqual([method, path, 404]);
    }
    // Nor can it target this MSP's clients.
    const steal = await otherOwner.post('/api/v1/announcements/audience-preview', { audience: { clientIds: [w.clients.alpha] } });
    expect(steal.statusCode).toBe(400);
    expect((await ok(await otherOwner.post('/api/v1/announcements/audience-preview', {}), 'preview')).count).toBe(0);
  });
});
