import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type TestApp } from '../../test/support/test-app';
import { enqueueEmail } from './outbox';
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
});
