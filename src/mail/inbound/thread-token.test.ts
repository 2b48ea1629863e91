import { describe, expect, it } from 'vitest';
import { cleanSubject, referencedMessageIds, subjectWithToken, ticketNumberFromSubject } from './thread-token';

describe('thread tokens', () => {
  it.each([
    ['[T-1042] Printer on fire', 1042],
    ['Re: [T-1042] Printer on fire', 1042],
    ['AW: RE: Printer [t-7]', 7],
    ['Printer on fire', null],
    ['T-1042 without brackets', null],
    ['[T-] empty', null],
    ['[T-12345678901] too long', null],
    ['', null],
  ])('%s -> %s', (subject, n) => {
    expect(ticketNumberFromSubject(subject)).toBe(n);
  });
  it('puts the token in once', () => {
    expect(subjectWithToken(7, 'Printer')).toBe('[T-7] Printer');
    expect(subjectWithToken(7, 'Re: [T-7] Printer')).toBe('[T-7] Re: Printer');
  });
  it('cleans reply prefixes and tokens off a subject', () => {
    expect(cleanSubject('Re: AW: Fwd: [T-9] VPN down')).toBe('VPN down');
    expect(cleanSubject('  VPN   down ')).toBe('VPN down');
    expect(cleanSubject(undefined)).toBe('');
  });
  it('lists referenced message ids, in-reply-to first, then references newest first, without repeats', () => {
    expect(referencedMessageIds('<c@x>', ['<a@x>', '<b@x>', '<c@x>'])).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(referencedMessageIds(undefined, '<a@x> <b@x>')).toEqual(['<b@x>', '<a@x>']);
    expect(referencedMessageIds('junk', null)).toEqual([]);
  });
});
