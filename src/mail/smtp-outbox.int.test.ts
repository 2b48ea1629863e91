import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type TestApp } from '../../test/support/test-app';
import { enqueueEmail, enqueueEmails } from './outbox';
import { deliverPendingEmails } from './outbox-deliverer';
import { smtpTransport } from './smtp-transport';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';

let t: TestApp;
let sink: SmtpSink;
beforeAll(async () => {
  t = await createTestApp();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
  await t?.close();
});

describe('the outbox over SMTP', () => {
  it('sends queued rows with their threading headers and keeps the Message-ID the transport chose', async () => {
    const { tenant } = await createTenant(t.ctx);
    const plain = await enqueueEmail(t.ctx.db, { tenantId: tenant.id, to: 'a@client.test', subject: 'Welcome', text: 'Hi', kind: 'invitation' });
    await enqueueEmail(t.ctx.db, {
      tenantId: tenant.id,
      to: 'b@client.test',
      subject: '[T-3] Re: VPN',
      text: 'Fixed.',
      kind: 'ticket_reply',
      messageId: '<r-1@msp.test>',
      inReplyTo: '<c-2@client.test>',
      references: ['<c-1@client.test>', '<c-2@client.test>'],
      replyTo: 'help@msp.test',
    });
    const transport = smtpTransport({ url: sink.url(), from: 'Acme <no-reply@msp.test>' });
    const before = sink.messages.length;
    const result = await deliverPendingEmails(t.ctx.db, transport, new Date(Date.now() + 1000), { tenantId: tenant.id });
    transport.close();
    expect(result).toEqual({ sent: 2, failed: 0 });
    const got = (await sink.waitFor(before + 2)).slice(before);
    const welcome = got.find((m) => m.parsed.subject === 'Welcome')!;
    const reply = got.find((m) => m.parsed.subject === '[T-3] Re: VPN')!;
    expect(reply.parsed).toMatchObject({ messageId: '<r-1@msp.test>', inReplyTo: '<c-2@client.test>', references: ['<c-1@client.test>', '<c-2@client.test>'] });
    expect(reply.parsed.replyTo?.value[0]?.address).toBe('help@msp.test');
    const row = await t.ctx.db.selectFrom('outbox_emails').select(['message_id', 'sent_at']).where('tenant_id', '=', tenant.id).where('id', '=', plain).executeTakeFirstOrThrow();
    expect(row.message_id).toBe(welcome.parsed.messageId);
    expect(row.message_id).toMatch(/@msp\.test>$/);
    expect(row.sent_at).not.toBeNull();
  });

  it('a refused recipient stays queued with the server\'s answer as the error', async () => {
    const refusing = await startSmtpSink({ rejectRecipients: ['gone@client.test'] });
    const { tenant } = await createTenant(t.ctx);
    await enqueueEmail(t.ctx.db, { tenantId: tenant.id, to: 'gone@client.test', subject: 'S', text: 'T', kind: 'k' });
    const transport = smtpTransport({ url: refusing.url(), from: 'no-reply@msp.test' });
    const result = await deliverPendingEmails(t.ctx.db, transport, new Date(Date.now() + 1000), { tenantId: tenant.id });
    transport.close();
    await refusing.close();
    expect(result).toEqual({ sent: 0, failed: 1 });
    const row = await t.ctx.db.selectFrom('outbox_emails').select(['sent_at', 'attempts', 'last_error']).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sent_at: null, attempts: 1, last_error: expect.stringContaining('no such mailbox') });
  });

  it('sends attachments in their order and the one-click List-Unsubscribe headers', async () => {
    const { tenant } = await createTenant(t.ctx);
    const pdf = Buffer.from('%PDF-1.4 summary');
    const csv = Buffer.from('a,b\n1,2\n');
    const id = await enqueueEmail(t.ctx.db, {
      tenantId: tenant.id,
      to: 'exec@client.test',
      subject: 'Your October summary',
      text: 'Attached.',
      html: '<p>Attached.</p>',
      kind: 'summary',
      attachments: [
        { filename: 'summary-2026-10.pdf', contentType: 'application/pdf', content: pdf },
        { filename: 'tickets.csv', contentType: 'text/csv', content: csv },
      ],
      listUnsubscribe: 'https://app.msp.test/unsubscribe/tok123',
    });
    const stored = await t.ctx.db.selectFrom('outbox_attachments').select(['filename', 'position']).where('tenant_id', '=', tenant.id).where('email_id', '=', id).orderBy('position').execute();
    expect(stored).toEqual([{ filename: 'summary-2026-10.pdf', position: 0 }, { filename: 'tickets.csv', position: 1 }]);
    const transport = smtpTransport({ url: sink.url(), from: 'no-reply@msp.test' });
    const before = sink.messages.length;
    const result = await deliverPendingEmails(t.ctx.db, transport, new Date(Date.now() + 1000), { tenantId: tenant.id });
    transport.close();
    expect(result).toEqual({ sent: 1, failed: 0 });
    const [got] = (await sink.waitFor(before + 1)).slice(before);
    expect(got!.parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['summary-2026-10.pdf', 'application/pdf', pdf.toString()],
      ['tickets.csv', 'text/csv', csv.toString()],
    ]);
    expect(got!.raw.toString()).toMatch(/^List-Unsubscribe: <https:\/\/app\.msp\.test\/unsubscribe\/tok123>\r?$/m);
    expect(got!.raw.toString()).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  });

  it('a message without attachments or unsubscribe address sends no such headers', async () => {
    const { tenant } = await createTenant(t.ctx);
    await enqueueEmail(t.ctx.db, { tenantId: tenant.id, to: 'x@client.test', subject: 'Plain', text: 'T', kind: 'k' });
    const transport = smtpTransport({ url: sink.url(), from: 'no-reply@msp.test' });
    const before = sink.messages.length;
    await deliverPendingEmails(t.ctx.db, transport, new Date(Date.now() + 1000), { tenantId: tenant.id });
    transport.close();
    const [got] = (await sink.waitFor(before + 1)).slice(before);
    expect(got!.parsed.attachments).toEqual([]);
    expect(got!.raw.toString()).not.toMatch(/List-Unsubscribe/i);
  });

  it('queues many messages at once with their own attachments and unsubscribe addresses', async () => {
    const { tenant } = await createTenant(t.ctx);
    const ids = await enqueueEmails(t.ctx.db, [
      { tenantId: tenant.id, to: 'one@client.test', subject: 'Bulk 1', text: '1', kind: 'bulk', listUnsubscribe: 'https://app.msp.test/u/1', attachments: [{ filename: 'one.txt', contentType: 'text/plain', content: Buffer.from('first') }] },
      { tenantId: tenant.id, to: 'two@client.test', subject: 'Bulk 2', text: '2', kind: 'bulk' },
    ]);
    expect(new Set(ids).size).toBe(2);
    const transport = smtpTransport({ url: sink.url(), from: 'no-reply@msp.test' });
    const before = sink.messages.length;
    expect(await deliverPendingEmails(t.ctx.db, transport, new Date(Date.now() + 1000), { tenantId: tenant.id })).toEqual({ sent: 2, failed: 0 });
    transport.close();
    const got = (await sink.waitFor(before + 2)).slice(before);
    const one = got.find((m) => m.parsed.subject === 'Bulk 1')!;
    const two = got.find((m) => m.parsed.subject === 'Bulk 2')!;
    expect(one.parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['one.txt', 'first']]);
    expect(one.raw.toString()).toMatch(/^List-Unsubscribe: <https:\/\/app\.msp\.test\/u\/1>\r?$/m);
    expect(two.parsed.attachments).toEqual([]);
    expect(two.raw.toString()).not.toMatch(/List-Unsubscribe/i);
    const rows = await t.ctx.db.selectFrom('outbox_emails').select(['id', 'to_address']).where('tenant_id', '=', tenant.id).orderBy('to_address').execute();
    expect(rows).toEqual([{ id: ids[0], to_address: 'one@client.test' }, { id: ids[1], to_address: 'two@client.test' }]);
  });
});
