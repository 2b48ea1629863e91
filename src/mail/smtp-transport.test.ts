import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, newMessageId, smtpTransport } from './smtp-transport';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ rejectRecipients: ['nobody@client.test'] });
});
afterAll(() => sink.close());

describe('SMTP transport', () => {
  it('delivers subject, bodies, From and a Message-ID under the From domain; authenticates with the URL credentials', async () => {
    const transport = smtpTransport({ url: sink.url('desk', 's3cret pass'), from: 'Acme Support <support@acme.test>' });
    const before = sink.messages.length;
    const result = await transport.send({ to: 'ann@client.test', subject: 'Ticket created', text: 'Hello Ann', html: '<p>Hello <b>Ann</b></p>', kind: 'ticket_created' });
    transport.close();
    const [msg] = (await sink.waitFor(before + 1)).slice(before);
    expect(msg!.user).toBe('desk');
    expect(msg!.to).toEqual(['ann@client.test']);
    expect(msg!.from).toBe('support@acme.test');
    expect(msg!.parsed.subject).toBe('Ticket created');
    expect(msg!.parsed.text?.trim()).toBe('Hello Ann');
    expect(msg!.parsed.html).toContain('<b>Ann</b>');
    expect(msg!.parsed.from?.value[0]).toMatchObject({ name: 'Acme Support', address: 'support@acme.test' });
    expect(msg!.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@acme\.test>$/);
    expect(result).toEqual({ messageId: msg!.parsed.messageId });
    expect(msg!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('sends the queued Message-ID, In-Reply-To, References and Reply-To', async () => {
    const transport = smtpTransport({ url: sink.url(), from: 'support@acme.test' });
    const before = sink.messages.length;
    const result = await transport.send({
      to: 'bob@client.test',
      subject: '[T-1042] Printer on fire',
      text: 'We are on it.',
      html: null,
      kind: 'public_reply',
      messageId: '<reply-1@acme.test>',
      inReplyTo: '<client-2@client.test>',
      references: ['<client-1@client.test>', '<client-2@client.test>'],
      replyTo: 'support@acme.test',
    });
    transport.close();
    const [msg] = (await sink.waitFor(before + 1)).slice(before);
    expect(result).toEqual({ messageId: '<reply-1@acme.test>' });
    expect(msg!.parsed.subject).toBe('[T-1042] Printer on fire');
    expect(msg!.parsed.messageId).toBe('<reply-1@acme.test>');
    expect(msg!.parsed.inReplyTo).toBe('<client-2@client.test>');
    expect(msg!.parsed.references).toEqual(['<client-1@client.test>', '<client-2@client.test>']);
    expect(msg!.parsed.replyTo?.value[0]?.address).toBe('support@acme.test');
    expect(msg!.parsed.html).toBe(false);
  });

  it('uses In-Reply-To as References when the row has no References', async () => {
    const transport = smtpTransport({ url: sink.url(), from: 'support@acme.test' });
    const before = sink.messages.length;
    await transport.send({ to: 'c@client.test', subject: 'Re', text: 'x', html: null, kind: 'k', inReplyTo: '<only@client.test>' });
    transport.close();
    const [msg] = (await sink.waitFor(before + 1)).slice(before);
    expect(msg!.parsed.references).toBe('<only@client.test>');
  });

  it('fails with the server refusal, so the outbox records it and retries', async () => {
    const transport = smtpTransport({ url: sink.url(), from: 'support@acme.test' });
    await expect(transport.send({ to: 'nobody@client.test', subject: 'S', text: 'T', html: null, kind: 'k' })).rejects.toThrow(/no such mailbox/);
    transport.close();
  });

  it('fails when nothing listens', async () => {
    const transport = smtpTransport({ url: 'smtp://127.0.0.1:1', from: 'support@acme.test' });
    await expect(transport.send({ to: 'a@client.test', subject: 'S', text: 'T', html: null, kind: 'k' })).rejects.toThrow();
    transport.close();
  });

  it('message ids and addresses', () => {
    expect(addressOf('Acme <a@acme.test>')).toBe('a@acme.test');
    expect(addressOf('a@acme.test')).toBe('a@acme.test');
    expect(newMessageId('x <no-reply@localhost>')).toMatch(/^<[0-9a-f-]+@localhost>$/);
  });
});
