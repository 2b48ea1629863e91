import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { isAutomatic } from './is-automatic';

const h = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
const check = (headers: Record<string, unknown>, envelopeFrom: string | null = 'ann@client.test', from: string | null = 'ann@client.test') =>
  isAutomatic({ headers: h(headers), envelopeFrom, from });

describe('isAutomatic', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'Auto-Submitted: auto-replied'],
    [{ 'auto-submitted': 'auto-generated' }, 'Auto-Submitted: auto-generated'],
    [{ 'auto-submitted': 'Auto-Notified; owner-email="x@y"' }, 'Auto-Submitted'],
    [{ precedence: 'bulk' }, 'Precedence: bulk'],
    [{ precedence: 'Junk' }, 'Precedence: junk'],
    [{ precedence: 'list' }, 'Precedence: list'],
    [{ 'x-autoreply': 'yes' }, 'x-autoreply'],
    [{ 'x-autorespond': 'Out of office' }, 'x-autorespond'],
    [{ 'x-failed-recipients': 'bob@x' }, 'bounce'],
    [{ 'content-type': { value: 'multipart/report', params: { 'report-type': 'delivery-status' } } }, 'report multipart/report (delivery-status)'],
    [{ 'content-type': { value: 'message/disposition-notification', params: {} } }, 'report'],
  ])('%o is automatic', (headers, reason) => {
    const v = check(headers);
    expect(v.automatic).toBe(true);
    if (v.automatic) expect(v.reason).toContain(reason);
  });

  it.each([
    [{}],
    [{ 'auto-submitted': 'no' }],
    [{ 'auto-submitted': 'No' }],
    [{ precedence: 'first-class' }],
    [{ 'content-type': { value: 'multipart/mixed', params: { boundary: 'x' } } }],
  ])('%o from a person is not automatic', (headers) => {
    expect(check(headers)).toEqual({ automatic: false });
  });

  it('bounces: empty return path or a mailer daemon sender', () => {
    expect(check({}, '')).toMatchObject({ automatic: true, reason: 'empty return path (bounce)' });
    expect(check({}, 'MAILER-DAEMON@mx.client.test')).toMatchObject({ automatic: true });
    expect(check({}, 'bounce@x', 'postmaster@client.test')).toMatchObject({ automatic: true });
    // no envelope known (null): judged by the headers only
    expect(check({}, null)).toEqual({ automatic: false });
  });

  it('reads the headers mailparser produces', async () => {
    const raw = [
      'From: Ann <ann@client.test>',
      'To: help@msp.test',
      'Subject: Out of office: printer',
      'Auto-Submitted: auto-replied',
      '',
      'I am away.',
    ].join('\r\n');
    const parsed = await simpleParser(raw);
    expect(isAutomatic({ headers: parsed.headers, envelopeFrom: 'ann@client.test', from: 'ann@client.test' })).toMatchObject({ automatic: true });
    const dsn = await simpleParser(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.test>',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Delivery failed',
        '--b',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.test',
        '--b--',
      ].join('\r\n'),
    );
    expect(isAutomatic({ headers: dsn.headers, envelopeFrom: 'x@mx.test', from: 'x@mx.test' })).toMatchObject({ automatic: true, reason: 'report multipart/report (delivery-status)' });
  });
});
