import { describe, expect, it } from 'vitest';
import { stripQuoted } from './strip-quoted';

describe('stripQuoted', () => {
  it.each([
    ['Gmail', 'Thanks, that fixed it.\n\nOn Mon, 3 Jan 2026 at 10:02, Acme Support <help@msp.test> wrote:\n> We restarted the spooler.\n> Regards', 'Thanks, that fixed it.'],
    ['wrapped attribution', 'Still broken.\n\nOn Mon, 3 Jan 2026 at 10:02, Acme Support <help@msp.test>\nwrote:\n> old', 'Still broken.'],
    ['Outlook original message', 'Yes please.\r\n\r\n-----Original Message-----\r\nFrom: Acme Support\r\nSent: Monday\r\nSubject: x\r\n\r\nold text', 'Yes please.'],
    ['Outlook header block', 'Done.\n\n________________________________\nFrom: Acme Support <help@msp.test>\nSent: Monday, 3 January 2026 10:02\nTo: Ann\nSubject: [T-7] Printer\n\nold', 'Done.'],
    ['Outlook From/Sent without rule', 'Done.\n\nFrom: Acme Support <help@msp.test>\nSent: Monday, 3 January 2026 10:02\nold', 'Done.'],
    ['bold Outlook web header', 'Ok\n\n*From:* Acme <help@msp.test>\n*Sent:* Monday\nold', 'Ok'],
    ['German', 'Danke.\n\nAm 03.01.2026 um 10:02 schrieb Acme Support <help@msp.test>:\n> alt', 'Danke.'],
    ['French', 'Merci.\n\nLe lun. 3 janv. 2026 à 10:02, Acme <help@msp.test> a écrit :\n> vieux', 'Merci.'],
    ['leading > lines interleaved', '> Can you try rebooting?\nI did, no change.\n> And the cable?\nAlso checked.', 'I did, no change.\nAlso checked.'],
    ['no quote', 'Printer on floor 2 is on fire.\nPlease help.', 'Printer on floor 2 is on fire.\nPlease help.'],
  ])('%s', (_name, input, expected) => {
    expect(stripQuoted(input)).toBe(expected);
  });

  it('keeps the text when it is nothing but a quote, so nothing is lost', () => {
    expect(stripQuoted('> only quoted\n> text')).toBe('> only quoted\n> text');
  });

  it('does not treat a From: line in the new text without Sent/Date as history', () => {
    expect(stripQuoted('From: the accounts team we hear the VPN is down.\nPlease look.')).toBe('From: the accounts team we hear the VPN is down.\nPlease look.');
  });

  it('is fast on a long line without a match', () => {
    const long = 'On ' + 'x'.repeat(200_000);
    const t = Date.now();
    stripQuoted(long + '\n' + long);
    expect(Date.now() - t).toBeLessThan(500);
  });
});
