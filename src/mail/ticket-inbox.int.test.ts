import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/support/test-app';
import { deliverInbound, findMailbox } from './inbound/deliver';
import { startSmtpListener, type SmtpListener } from './inbound/smtp-listener';
import { deliverPendingEmails } from './outbox-deliverer';
import { smtpTransport } from './smtp-transport';
import { ticketInbox, TRIAGE_CLIENT_CODE } from './ticket-inbox';
import { mailTenant } from './testing/mail-fixtures';
import { sendTo } from './testing/smtp-client';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';

// Inbound mail through the ticket core's own services, and the round trip the issue asks for:
// a client's mail opens a ticket, the staff reply goes out by SMTP with the [T-n] token and
// threading headers, and the client's answer to it comes back into the same ticket.
let t: TestApp;
let listener: SmtpListener;
let sink: SmtpSink;
const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  t = await createTestApp();
  listener = await startSmtpListener({
    port: 0,
    host: '127.0.0.1',
    resolveMailbox: (address) => findMailbox(t.ctx.db, address),
    deliver: (message, mailbox) => deliverInbound(t.ctx, ticketInbox, message, mailbox),
    logger: quiet,
  });
  sink = await startSmtpSink();
});
afterAll(async () => {
  await listener?.close();
  await sink?.close();
  await t?.close();
});

const tickets = (tenantId: string) => t.ctx.db.selectFrom('tickets').selectAll().where('tenant_id', '=', tenantId).orderBy('number').execute();
const comments = (tenantId: string) => t.ctx.db.selectFrom('ticket_comments').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();

async function flushOutbox(tenantId: string) {
  const transport = smtpTransport({ url: sink.url(), from: 'Acme Support <no-reply@msp.test>' });
  try {
    return await deliverPendingEmails(t.ctx.db, transport, new Date(Date.now() + 1000), { tenantId });
  } finally {
    transport.close();
  }
}

describe('inbound e-mail into the ticket core', () => {
  it('round trip: mail in -> ticket; staff public reply out by SMTP with token and threading; the answer threads back', async () => {
    const w = await mailTenant(t.ctx);
    const first = await sendTo(listener.port, {
      from: `Ann Client <${w.contact.email}>`,
      to: w.supportAddress,
      subject: 'Printer on fire',
      text: 'The printer on floor 2 is on fire.',
      messageId: `<first-${w.tenant.id}@client.test>`,
      attachments: [{ filename: 'smoke.png', content: Buffer.from('PNG'), contentType: 'image/png' }],
    });
    expect(first).toMatchObject({ ok: true });
    const [ticket] = await tickets(w.tenant.id);
    expect(ticket).toMatchObject({ number: 1, client_id: w.client.id, requester_contact_id: w.contact.id, subject: 'Printer on fire', source: 'email' });

    // the acknowledgement answers the client's message
    const before = sink.messages.length;
    await flushOutbox(w.tenant.id);
    const ack = sink.messages.slice(before).find((m) => m.to.includes(w.contact.email) && m.parsed.headers.get('x-servicepact-kind') === 'ticket_created');
    expect(ack?.parsed.subject).toContain('[T-1]');
    expect(ack?.parsed.inReplyTo).toBe(`<first-${w.tenant.id}@client.test>`);

    // a staff member answers in public
    const staff = await signIn(t.app, w.owner.email);
    const res = await staff.post(`/api/v1/tickets/${ticket!.id}/comments`, { body: 'We are sending someone with an extinguisher.', public: true });
    expect(res.statusCode).toBeLessThan(300);
    const mark = sink.messages.length;
    await flushOutbox(w.tenant.id);
    const [reply] = (await sink.waitFor(mark + 1)).slice(mark);
    expect(reply!.to).toEqual([w.contact.email]);
    expect(reply!.parsed.subject).toMatch(/^\[T-1\] /);
    expect(reply!.parsed.text).toContain('extinguisher');
    expect(reply!.parsed.messageId).toMatch(/^<.+@.+>$/);
    expect(reply!.parsed.inReplyTo).toMatch(/^<.+>$/);
    expect(reply!.parsed.references).toBeTruthy();
    const sentRow = await t.ctx.db.selectFrom('outbox_emails').select(['message_id', 'ticket_id', 'sent_at']).where('tenant_id', '=', w.tenant.id).where('message_id', '=', reply!.parsed.messageId!).executeTakeFirst();
    expect(sentRow).toMatchObject({ ticket_id: ticket!.id });

    // the client answers that mail from a mail program: the answer lands on the same ticket, quote stripped
    const refs = [...(Array.isArray(reply!.parsed.references) ? reply!.parsed.references : [reply!.parsed.references!]), reply!.parsed.messageId!];
    const answer = await sendTo(listener.port, {
      from: `Ann Client <${w.contact.email}>`,
      to: w.supportAddress,
      subject: `Re: ${reply!.parsed.subject}`,
      text: `Thanks, fire is out.\n\nOn Mon, 3 Jan 2026 at 10:02, Acme Support <no-reply@msp.test> wrote:\n> We are sending someone with an extinguisher.\n`,
      inReplyTo: reply!.parsed.messageId!,
      references: refs,
    });
    expect(answer).toMatchObject({ ok: true, response: expect.stringContaining('comment') });
    expect(await tickets(w.tenant.id)).toHaveLength(1);
    const all = await comments(w.tenant.id);
    expect(all.map((c) => [c.body, c.public, c.source])).toEqual([
      ['We are sending someone with an extinguisher.', true, 'staff'],
      ['Thanks, fire is out.', true, 'email'],
    ]);
    expect(all[1]).toMatchObject({ author_contact_id: w.contact.id, message_id: expect.stringMatching(/^<.+>$/), in_reply_to: reply!.parsed.messageId });
  });

  it('an unknown sender goes to the triage client, flagged triage; files the core does not take are named in the text', async () => {
    const w = await mailTenant(t.ctx, 'triage');
    const r = await sendTo(listener.port, {
      from: 'Stranger <stranger@unknown.test>',
      to: w.supportAddress,
      subject: 'Who handles this?',
      text: 'Hello.',
      attachments: [
        { filename: 'notes.txt', content: 'some notes', contentType: 'text/plain' },
        { filename: 'setup.exe', content: Buffer.from('MZ'), contentType: 'application/x-msdownload' },
      ],
    });
    expect(r).toMatchObject({ ok: true });
    const [ticket] = await tickets(w.tenant.id);
    const triage = await t.ctx.db.selectFrom('clients').selectAll().where('tenant_id', '=', w.tenant.id).where('code', '=', TRIAGE_CLIENT_CODE).executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ client_id: triage.id, requester_contact_id: null, tags: ['triage'] });
    expect(ticket!.description).toBe('Hello.\n\n[Attachments not kept: setup.exe (application/x-msdownload, 2 bytes)]');
    const files = await t.ctx.db.selectFrom('ticket_attachments').select(['filename']).where('tenant_id', '=', w.tenant.id).execute();
    expect(files.map((f) => f.filename)).toEqual(['notes.txt']);
    // a second stranger shares the same triage client
    await sendTo(listener.port, { from: 'other@unknown.test', to: w.supportAddress, subject: 'Me too', text: 'x' });
    expect((await tickets(w.tenant.id)).map((x) => x.client_id)).toEqual([triage.id, triage.id]);
  });

  it('a reply to a closed ticket of a tenant that refuses comments on closed tickets is refused with the reason', async () => {
    const w = await mailTenant(t.ctx);
    await t.ctx.db.updateTable('tenants').set({ comment_on_closed: 'refuse' }).where('id', '=', w.tenant.id).execute();
    await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'Old issue', text: 'x' });
    await t.ctx.db.updateTable('tickets').set({ status: 'closed', closed_at: new Date() }).where('tenant_id', '=', w.tenant.id).execute();
    const r = await sendTo(listener.port, { from: w.contact.email, to: w.supportAddress, subject: 'Re: [T-1] Old issue', text: 'Again broken.' });
    expect(r).toMatchObject({ ok: false, responseCode: 550 });
    if (!r.ok) expect(r.response).toMatch(/T-1.*closed/);
  });
});
