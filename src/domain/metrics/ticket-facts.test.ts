import { describe, expect, it } from 'vitest';
import { calendarById, targetsDoc } from './metric-test-fixtures';
import { buildTicketFacts, initialClockTargets, type StoredTicketEvent, type TicketFactsInput } from './ticket-facts';

const d = (iso: string) => new Date(iso);
const base = (events: StoredTicketEvent[], over: Partial<TicketFactsInput> = {}): TicketFactsInput => ({
  ticket: { id: 't1', number: 1, subject: 'Printer', createdAt: d('2026-10-05T09:00:00+01:00'), priority: 'P2', category: 'hardware', siteId: 's1', deliveryMode: 'remote', targets: targetsDoc() },
  events,
  staffPublicReplies: [],
  timeEntries: [],
  at: d('2026-11-01T00:00:00Z'),
  calendar: calendarById,
  ...over,
});

describe('buildTicketFacts', () => {
  it('sorts events, keeps those at or before the instant, merges staff replies, drops facts metrics ignore', () => {
    const events: StoredTicketEvent[] = [
      { type: 'resolved', at: d('2026-10-05T12:00:00+01:00'), data: {} },
      { type: 'status_changed', at: d('2026-10-05T12:00:00+01:00'), data: { status: 'resolved', pausing: false } },
      { type: 'assigned', at: d('2026-10-05T09:05:00+01:00'), data: { assigneeId: 'u' } },
      { type: 'created', at: d('2026-10-05T09:00:00+01:00'), data: {} },
      { type: 'reopened', at: d('2026-11-02T09:00:00Z'), data: {} },
    ];
    const facts = buildTicketFacts(base(events, { staffPublicReplies: [d('2026-10-05T12:00:00+01:00'), d('2026-11-03T09:00:00Z')] }));
    // Same instant 12:00: status change, then the reply, then the resolution. The reopen and the reply in November are after `at`.
    expect(facts.events.map((e) => e.type)).toEqual(['created', 'status_changed', 'staff_public_reply', 'resolved']);
    expect(facts.events[1]).toEqual({ type: 'status_changed', at: d('2026-10-05T12:00:00+01:00'), status: 'resolved', pausing: false });
  });

  it('evaluates both clocks at the instant: resolved at 12:00 after 3 business hours, response answered by the resolution', () => {
    const facts = buildTicketFacts(base([{ type: 'created', at: d('2026-10-05T09:00:00+01:00'), data: {} }, { type: 'resolved', at: d('2026-10-05T12:00:00+01:00'), data: {} }]));
    expect(facts.clocks?.resolution).toMatchObject({ state: 'met', elapsedSeconds: 3 * 3600 });
    // Target 60 min from 09:00; answered at 12:00: 2 h late.
    expect(facts.clocks?.first_response).toMatchObject({ state: 'breached', overdueSeconds: 2 * 3600 });
  });

  it('takes the initial targets from the created event, not from the (re-targeted) document', () => {
    const created = { type: 'created', at: d('2026-10-05T09:00:00+01:00'), data: { targets: { first_response: { unit: 'business_seconds', seconds: 600 }, resolution: { unit: 'business_seconds', seconds: 7200 } } } };
    const facts = buildTicketFacts(base([created]));
    expect(facts.clocks?.first_response.targetSeconds).toBe(600);
    expect(facts.clocks?.resolution.targetSeconds).toBe(7200);
    // Without the record, the document's targets (60 and 480 minutes).
    expect(initialClockTargets([{ ...created, data: {} }], targetsDoc())).toEqual({ first_response: { unit: 'business_seconds', seconds: 3600 }, resolution: { unit: 'business_seconds', seconds: 28800 } });
  });

  it('applies re-targets at or before the instant only', () => {
    const events: StoredTicketEvent[] = [
      { type: 'created', at: d('2026-10-05T09:00:00+01:00'), data: {} },
      { type: 'target_changed', at: d('2026-11-02T09:00:00Z'), data: { kind: 'resolution', target: { unit: 'business_seconds', seconds: 600 }, reason: 'later' } },
    ];
    expect(buildTicketFacts(base(events)).clocks?.resolution.targetSeconds).toBe(28800);
    expect(buildTicketFacts(base(events, { at: d('2026-11-03T00:00:00Z') })).clocks?.resolution.targetSeconds).toBe(600);
  });

  it('without targets there are no clocks; a missing created row is taken from the ticket', () => {
    const facts = buildTicketFacts(base([], { ticket: { ...base([]).ticket, targets: null } }));
    expect(facts.clocks).toBeNull();
    expect(facts.events).toEqual([{ type: 'created', at: d('2026-10-05T09:00:00+01:00') }]);
  });

  it('refuses a ticket created after the instant', () => {
    expect(() => buildTicketFacts(base([], { at: d('2026-10-01T00:00:00Z') }))).toThrow(RangeError);
  });
});
