/** Client responsibilities over October 2026 in London (office calendar Mon-Fri 09-17). */
import { describe, expect, it } from 'vitest';
import { londonOffice, october, ticket } from '../metrics/metric-test-fixtures';
import type { ResponsibilityTerms } from '../pact/pact-types';
import { allowanceSeconds, evaluateResponsibility, exclusionsFrom } from './responsibilities';

const waits = [
  // Mon 5 Oct 15:20 -> Tue 6 Oct 11:00: 1 h 40 + 2 h = 3 h 40 min.
  ticket({ number: 1, created: '2026-10-05T09:00:00+01:00', events: [['status', 'waiting_on_client', '2026-10-05T15:20:00+01:00'], ['status', 'in_progress', '2026-10-06T11:00:00+01:00']] }),
  // Wed 7 Oct 10:00 -> Thu 8 Oct 12:00: 7 h + 3 h = 10 h.
  ticket({ number: 2, created: '2026-10-07T09:00:00+01:00', events: [['status', 'waiting_on_client', '2026-10-07T10:00:00+01:00'], ['status', 'in_progress', '2026-10-08T12:00:00+01:00']] }),
  // Mon 12 Oct 09:00 -> 17:00: exactly 8 h, within an 8-hour allowance.
  ticket({ number: 3, created: '2026-10-12T09:00:00+01:00', events: [['status', 'waiting_on_client', '2026-10-12T09:00:00+01:00'], ['status', 'in_progress', '2026-10-12T17:00:00+01:00']] }),
];

const waiting = (allowance: ResponsibilityTerms['measure']): ResponsibilityTerms => ({ responsibilityId: 'r-answers', description: 'Answer questions within a working day', measure: allowance, excludeFromCompliance: true });
const evaluate = (r: ResponsibilityTerms, attestation = null as Parameters<typeof evaluateResponsibility>[0]['attestation']) =>
  evaluateResponsibility({ responsibility: r, period: october, calendar: londonOffice, tickets: waits, attestation });

describe('waiting_on_client', () => {
  it('breached by the tickets over the allowance (8 business hours), listed with the time waited', () => {
    const r = evaluate(waiting({ kind: 'waiting_on_client', allowance: { unit: 'minutes', minutes: 480 } }));
    expect(r).toEqual({
      responsibilityId: 'r-answers',
      description: 'Answer questions within a working day',
      measure: 'waiting_on_client',
      excludeFromCompliance: true,
      outcome: 'breached',
      reason: '1 ticket waited on the client longer than 8 h of business time',
      tickets: [{ ticketId: 't2', number: 2, subject: 'Ticket 2', outcome: 'breached', value: 600, note: 'waited 10 h of business time on the client; allowance 8 h of business time' }],
    });
  });

  it('kept when every ticket stays within: 2 business days from creation = 16 h', () => {
    const r = evaluate(waiting({ kind: 'waiting_on_client', allowance: { unit: 'business_days', days: 2 } }));
    expect(r).toMatchObject({ outcome: 'kept', reason: '3 tickets waited on the client, none longer than 2 business days', tickets: [] });
  });

  it('1 business day converts as the SLA model does: from creation to the same time next business day', () => {
    // Fri 9 Oct 15:00 -> Mon 12 Oct 15:00: 2 h Friday + 6 h Monday.
    expect(allowanceSeconds(londonOffice, new Date('2026-10-09T15:00:00+01:00'), { unit: 'business_days', days: 1 })).toBe(8 * 3600);
    // Ticket 2 (created Wed 09:00) gets 8 h, and waited 10.
    expect(evaluate(waiting({ kind: 'waiting_on_client', allowance: { unit: 'business_days', days: 1 } })).tickets.map((t) => t.number)).toEqual([2]);
  });

  it('feeds the exclusions only when it says so', () => {
    const breached = evaluate(waiting({ kind: 'waiting_on_client', allowance: { unit: 'minutes', minutes: 480 } }));
    expect([...exclusionsFrom([breached], '2026-10')]).toEqual([['t2', 'client breached in 2026-10: Answer questions within a working day (waited 10 h of business time on the client; allowance 8 h of business time)']]);
    expect(exclusionsFrom([{ ...breached, excludeFromCompliance: false }], '2026-10').size).toBe(0);
  });
});

describe('attested', () => {
  const attested: ResponsibilityTerms = { responsibilityId: 'r-backups', description: 'Keep the backup drive connected', measure: { kind: 'attested' }, excludeFromCompliance: false };

  it('not assessed without an attestation', () => {
    expect(evaluate(attested)).toMatchObject({ outcome: 'not_assessed', reason: 'Not attested for the period', tickets: [] });
  });

  it('kept or breached as attested, with who and when', () => {
    const at = new Date('2026-11-02T10:00:00Z');
    expect(evaluate(attested, { kept: false, note: 'Drive unplugged 12-19 Oct', by: 'Ann Smith', at })).toMatchObject({
      outcome: 'breached',
      reason: 'Not kept, attested by Ann Smith: Drive unplugged 12-19 Oct',
      attestation: { kept: false, note: 'Drive unplugged 12-19 Oct', by: 'Ann Smith', at: '2026-11-02T10:00:00.000Z' },
    });
    expect(evaluate(attested, { kept: true, note: '', by: 'Ann Smith', at }).outcome).toBe('kept');
  });
});
