import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nestedMessage } from '../testing/messages';
import { sendRaw, sendTo } from '../testing/smtp-client';
import type { InboundMessage } from './message';
import { startSmtpListener, type DeliveryOutcome, type Mailbox, type SmtpListener } from './smtp-listener';

const mailboxes: Record<string, Mailbox> = {
  'help@acme.test': { tenantId: 't-acme', address: 'help@acme.test', unknownSenders: 'triage' },
  'support@beta.test': { tenantId: 't-beta', address: 'support@beta.test', unknownSenders: 'refuse' },
};
const delivered: Array<{ message: InboundMessage; mailbox: Mailbox }> = [];
const logs: Array<{ level: string; msg?: string }> = [];
let failNext = false;
let listener: SmtpListener;

beforeAll(async () => {
  listener = await startSmtpListener({
    port: 0,
    host: '127.0.0.1',
    maxMessageBytes: 2 * 1024 * 1024,
    resolveMailbox: async (address) => mailboxes[address.toLowerCase()] ?? null,
    async deliver(message, mailbox): Promise<DeliveryOutcome> {
      if (failNext) {
        failNext = false;
        throw new Error('database down');
      }
      delivered.push({ message, mailbox });
      if (mailbox.unknownSenders === 'refuse' && message.from?.address !== 'known@client.test')
        return { kind: 'refused', tenantId: mailbox.tenantId, responseCode: 550, message: '5.7.1 unknown sender' };
      return { kind: 'ticket', tenantId: mailbox.tenantId, ticketId: 'x', number: delivered.length };
    },
    logger: {
      info: (_o, msg) => logs.push({ level: 'info', msg }),
      warn: (_o, msg) => logs.push({ level: 'warn', msg }),
      error: (_o, msg) => logs.push({ level: 'error', msg }),
    },
  });
});
afterAll(() => listener.close());

const last = () => delivered[delivered.length - 1]!;

describe('SMTP listener', () => {
  it('accepts mail to a support address and hands over the parsed message', async () => {
    const r = await sendTo(listener.port, {
      from: 'Ann Client <ann@client.test>',
      to: 'Help <HELP@acme.test>',
      subject: 'Printer on fire',
      text: 'The printer on floor 2 is on fire.',
      html: '<p>The printer <b>on floor 2</b> is on fire.<script>alert(1)</script></p>',
      messageId: '<m1@client.test>',
      attachments: [{ filename: 'photo.png', content: Buffer.from('PNGDATA'), contentType: 'image/png' }],
    });
    expect(r).toMatchObject({ ok: true, response: expect.stringContaining('new ticket') });
    const { message, mailbox } = last();
    expect(mailbox.tenantId).toBe('t-acme');
    expect(message).toMatchObject({
      messageId: '<m1@client.test>',
      envelopeFrom: 'ann@client.test',
      from: { address: 'ann@client.test', name: 'Ann Client' },
      subject: 'Printer on fire',
      text: 'The printer on floor 2 is on fire.',
      automatic: { automatic: false },
    });
    expect(message.html).toBe('<p>The printer <b>on floor 2</b> is on fire.</p>');
    expect(message.attachments).toEqual([expect.objectContaining({ filename: 'photo.png', contentType: 'image/png', size: 7 })]);
    expect(message.attachments[0]!.content.toString()).toBe('PNGDATA');
  });

  it('refuses a recipient that is no support address with 550', async () => {
    const before = delivered.length;
    const r = await sendTo(listener.port, { from: 'ann@client.test', to: 'nobody@acme.test', subject: 'x', text: 'y' });
    expect(r).toMatchObject({ ok: false, responseCode: 550 });
    if (!r.ok) expect(r.response).toContain('no such mailbox');
    expect(delivered.length).toBe(before);
  });

  it('passes a refusal from delivery on as the SMTP answer', async () => {
    const r = await sendTo(listener.port, { from: 'stranger@else.test', to: 'support@beta.test', subject: 'x', text: 'y' });
    expect(r).toMatchObject({ ok: false, responseCode: 550 });
    if (!r.ok) expect(r.response).toContain('unknown sender');
  });

  it('answers 451 when delivery fails on our side, so the sender retries', async () => {
    failNext = true;
    const r = await sendTo(listener.port, { from: 'ann@client.test', to: 'help@acme.test', subject: 'x', text: 'y' });
    expect(r).toMatchObject({ ok: false, responseCode: 451 });
  });

  it('refuses a message over the size limit with 552 and keeps serving', async () => {
    const before = delivered.length;
    const big = 'x'.repeat(76) + '\r\n';
    const r = await sendTo(listener.port, { from: 'ann@client.test', to: 'help@acme.test', subject: 'big', text: big.repeat(Math.ceil((3 * 1024 * 1024) / big.length)) });
    expect(r).toMatchObject({ ok: false, responseCode: 552 });
    if (!r.ok) expect(r.response).toMatch(/too big.*2 MB/);
    expect(delivered.length).toBe(before);
    expect(await sendTo(listener.port, { from: 'ann@client.test', to: 'help@acme.test', subject: 'after', text: 'y' })).toMatchObject({ ok: true });
  });

  it('refuses a message nested 200 levels deep with 554, without crashing, and keeps serving', async () => {
    const before = delivered.length;
    const r = await sendRaw(listener.port, 'ann@client.test', 'help@acme.test', nestedMessage(200));
    expect(r).toMatchObject({ ok: false, responseCode: 554 });
    if (!r.ok) expect(r.response).toContain('nested deeper than 30 levels');
    expect(delivered.length).toBe(before);
    const ok = await sendRaw(listener.port, 'ann@client.test', 'help@acme.test', nestedMessage(30));
    expect(ok).toMatchObject({ ok: true });
    expect(last().message.text).toBe('innermost text');
  });

  it('accepts a plain RFC 822 message without MIME headers', async () => {
    const raw = 'From: ann@client.test\r\nTo: help@acme.test\r\nSubject: old school\r\n\r\nJust text.\r\nSecond line.\r\n';
    expect(await sendRaw(listener.port, 'ann@client.test', 'help@acme.test', raw)).toMatchObject({ ok: true });
    expect(last().message).toMatchObject({ subject: 'old school', text: 'Just text.\nSecond line.', html: null, attachments: [] });
    expect(last().message.messageId).toMatch(/@inbound\.servicepact\.invalid>$/);
  });

  it('delivers once per tenant when several support addresses are recipients', async () => {
    const before = delivered.length;
    const r = await sendTo(listener.port, { from: 'known@client.test', to: ['help@acme.test', 'support@beta.test'], subject: 'both', text: 'y' });
    expect(r).toMatchObject({ ok: true });
    expect(delivered.slice(before).map((d) => d.mailbox.tenantId)).toEqual(['t-acme', 't-beta']);
  });

  it('marks an auto-reply as automatic and a bounce (null sender) too', async () => {
    await sendTo(listener.port, { from: 'ann@client.test', to: 'help@acme.test', subject: 'Out of office', text: 'away', headers: { 'Auto-Submitted': 'auto-replied' } });
    expect(last().message.automatic).toEqual({ automatic: true, reason: 'Auto-Submitted: auto-replied' });
    await sendTo(listener.port, { envelope: { from: '', to: 'help@acme.test' }, from: 'MAILER-DAEMON@mx.test', subject: 'Undelivered', text: 'failed' });
    expect(last().message.automatic).toMatchObject({ automatic: true });
  });
});
