/**
 * Clock life cycles on the Berlin office calendar (Mon 08-12 + 13-17, Tue-Thu 08-17, Fri 08-16;
 * 2026-02-02 is a Monday, +01:00). Expected instants are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar';
import type { ClockEvent, ClockInput, ClockState, TicketEvent } from './clock-types';
import { evaluateClock } from './evaluate-clock';

const calendar = BusinessCalendar.from({
  timeZone: 'Europe/Berlin',
  week: {
    mon: [['08:00', '12:00'], ['13:00', '17:00']],
    tue: [['08:00', '17:00']],
    wed: [['08:00', '17:00']],
    thu: [['08:00', '17:00']],
    fri: [['08:00', '16:00']],
  },
});

const H = 3600;
/** Local Berlin winter time, e.g. t('02', '09:00') = Mon 2 Feb 2026 09:00 +01:00. */
const t = (day: string, time: string): Date => new Date(`2026-02-${day}T${time}:00+01:00`);

function evaluate(events: TicketEvent[], now: Date, overrides: Partial<ClockInput> = {}): ClockState {
  return evaluateClock({ kind: 'resolution', target: { unit: 'business_seconds', seconds: 8 * H }, calendar, events, now, ...overrides });
}

function summary(events: ClockEvent[]): string[] {
  return events.map((event) => {
    const at = calendar.formatLocal(event.at).slice(5, 16);
    switch (event.type) {
      case 'paused':
      case 'resumed':
        return `${at} ${event.type} (${event.reason})`;
      case 'warned':
        return `${at} warned ${event.percent}%`;
      case 'target_changed':
        return `${at} target_changed ${event.previousTargetSeconds}->${event.targetSeconds} (${event.reason})`;
      default:
        return `${at} ${event.type}`;
    }
  });
}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

describe('resolution clock with a pause', () => {
  // Created Mon 09:00, 8 h target; waiting on client Mon 10:00 -> Tue 09:00.
  // 1 h counts on Monday, then 7 h from Tue 09:00: due Tue 16:00.
  // 50 % = 4 h: 1 h + 3 h -> Tue 12:00; 75 % = 6 h -> Tue 14:00; 90 % = 7.2 h = 7 h 12 min -> Tue 15:12.
  const history: TicketEvent[] = [
    { type: 'created', at: t('02', '09:00') },
    { type: 'status_changed', at: t('02', '10:00'), status: 'waiting on client', pausing: true },
    { type: 'status_changed', at: t('03', '09:00'), status: 'in progress', pausing: false },
  ];

  it('is running, with thresholds projected', () => {
    const clock = evaluate(history, t('03', '10:00'));
    expect(clock.state).toBe('running');
    expect(iso(clock.dueAt)).toBe(iso(t('03', '16:00')));
    expect(clock.elapsedSeconds).toBe(2 * H); // Mon 09-10 and Tue 09-10
    expect(clock.remainingSeconds).toBe(6 * H);
    expect(clock.percentUsed).toBe(25);
    expect(clock.thresholds.map((c) => [c.percent, iso(c.at), c.crossed])).toEqual([
      [50, iso(t('03', '12:00')), false],
      [75, iso(t('03', '14:00')), false],
      [90, iso(t('03', '15:12')), false],
      [100, iso(t('03', '16:00')), false],
    ]);
    expect(iso(clock.nextThresholdAt)).toBe(iso(t('03', '12:00')));
    expect(summary(clock.events)).toEqual(['02-02T09:00 started', '02-02T10:00 paused (waiting on client)', '02-03T09:00 resumed (in progress)']);
  });

  it('warns at the exact crossing instants', () => {
    const clock = evaluate(history, t('03', '14:30'));
    expect(clock.elapsedSeconds).toBe(6.5 * H);
    expect(clock.percentUsed).toBe(81.25);
    expect(summary(clock.events).slice(3)).toEqual(['02-03T12:00 warned 50%', '02-03T14:00 warned 75%']);
    expect(iso(clock.nextThresholdAt)).toBe(iso(t('03', '15:12')));
  });

  it('is met when resolved before due; later thresholds never happen', () => {
    const clock = evaluate([...history, { type: 'resolved', at: t('03', '15:30') }], t('04', '09:00'));
    expect(clock.state).toBe('met');
    expect(iso(clock.metAt)).toBe(iso(t('03', '15:30')));
    expect(clock.elapsedSeconds).toBe(7.5 * H);
    expect(clock.thresholds.at(-1)).toEqual({ percent: 100, at: null, crossed: false });
    expect(clock.nextThresholdAt).toBeNull();
    expect(summary(clock.events).slice(3)).toEqual(['02-03T12:00 warned 50%', '02-03T14:00 warned 75%', '02-03T15:12 warned 90%', '02-03T15:30 met']);
  });

  it('a pause still running at now: state paused, due projected as if resumed now, no timer', () => {
    // Paused since Mon 10:00 with 1 h elapsed; projected: 7 h from Tue 09:00 -> Tue 16:00.
    const clock = evaluate(history.slice(0, 2), t('03', '09:00'));
    expect(clock.state).toBe('paused');
    expect(clock.elapsedSeconds).toBe(1 * H);
    expect(iso(clock.dueAt)).toBe(iso(t('03', '16:00')));
    expect(clock.nextThresholdAt).toBeNull();
    expect(summary(clock.events)).toEqual(['02-02T09:00 started', '02-02T10:00 paused (waiting on client)']);
  });

  it('ignores events after now', () => {
    const clock = evaluate([...history, { type: 'resolved', at: t('03', '15:30') }], t('03', '10:00'));
    expect(clock.state).toBe('running');
    expect(clock.completedAt).toBeNull();
  });
});

describe('breach', () => {
  // Created Mon 09:00 with a 2 h target: due 11:00; 50 % 10:00, 75 % 10:30, 90 % (6480 s = 1 h 48 min) 10:48.
  const created: TicketEvent = { type: 'created', at: t('02', '09:00') };
  const twoHours = { target: { unit: 'business_seconds', seconds: 2 * H } } as const;

  it('breaches at the due instant while still open, and schedules a 150 % escalation', () => {
    // 150 % = 3 h: 09:00-12:00, exactly the lunch closing.
    const clock = evaluate([created], t('02', '11:30'), { ...twoHours, policy: { warningThresholds: [50, 75, 90, 100, 150] } });
    expect(clock.state).toBe('breached');
    expect(iso(clock.breachedAt)).toBe(iso(t('02', '11:00')));
    expect(clock.overdueSeconds).toBe(0.5 * H);
    expect(clock.remainingSeconds).toBe(0);
    expect(iso(clock.nextThresholdAt)).toBe(iso(t('02', '12:00')));
    expect(summary(clock.events)).toEqual(['02-02T09:00 started', '02-02T10:00 warned 50%', '02-02T10:30 warned 75%', '02-02T10:48 warned 90%', '02-02T11:00 breached']);
  });

  it('a clock completed after its due instant stays breached and records when it stopped', () => {
    const clock = evaluate([created, { type: 'resolved', at: t('02', '14:00') }], t('03', '09:00'), twoHours);
    expect(clock.state).toBe('breached');
    expect(iso(clock.breachedAt)).toBe(iso(t('02', '11:00')));
    expect(iso(clock.completedAt)).toBe(iso(t('02', '14:00')));
    expect(clock.metAt).toBeNull();
    expect(clock.elapsedSeconds).toBe(4 * H); // 09-12 and 13-14
    expect(clock.percentUsed).toBe(200);
    expect(summary(clock.events).slice(-2)).toEqual(['02-02T11:00 breached', '02-02T14:00 stopped']);
  });

  it('completion exactly at the due instant is met', () => {
    const clock = evaluate([created, { type: 'resolved', at: t('02', '11:00') }], t('02', '12:00'), twoHours);
    expect(clock.state).toBe('met');
    expect(clock.thresholds.at(-1)).toEqual({ percent: 100, at: t('02', '11:00'), crossed: true });
  });

  it('stays breached when paused after the due instant', () => {
    const clock = evaluate([created, { type: 'status_changed', at: t('02', '11:30'), status: 'waiting on client', pausing: true }], t('02', '15:00'), twoHours);
    expect(clock.state).toBe('breached');
    expect(clock.elapsedSeconds).toBe(2.5 * H);
    expect(clock.nextThresholdAt).toBeNull();
  });
});

describe('first-response clock', () => {
  // Created Fri 6 Feb 15:30 with a 1 h target: 30 min on Friday (to 16:00), 30 min from Mon 08:00: due Mon 08:30.
  const history: TicketEvent[] = [
    { type: 'created', at: t('06', '15:30') },
    { type: 'status_changed', at: t('06', '15:45'), status: 'waiting on client', pausing: true },
    { type: 'first_public_response', at: t('09', '08:20') },
    { type: 'resolved', at: t('09', '09:00') },
  ];
  const oneHour = { kind: 'first_response', target: { unit: 'business_seconds', seconds: H } } as const;

  it('stops at the first public response and ignores pauses by default', () => {
    const clock = evaluate(history, t('09', '10:00'), oneHour);
    expect(clock.state).toBe('met');
    expect(iso(clock.dueAt)).toBe(iso(t('09', '08:30')));
    expect(clock.elapsedSeconds).toBe(50 * 60);
    // 50 % (30 min) lands exactly on Friday's 16:00 closing; 75 % = 45 min -> Mon 08:15; 90 % = 54 min would be 08:24, after the response.
    expect(clock.thresholds.map((c) => iso(c.at))).toEqual([iso(t('06', '16:00')), iso(t('09', '08:15')), null, null]);
    expect(summary(clock.events)).toEqual(['02-06T15:30 started', '02-06T16:00 warned 50%', '02-09T08:15 warned 75%', '02-09T08:20 met']);
  });

  it('pauses stop it when the policy says so', () => {
    // 15 min on Friday, then paused until the response at Mon 08:20 (pause cut at completion): due 08:20 + 45 min.
    const clock = evaluate(history, t('09', '10:00'), { ...oneHour, policy: { pausesStopClock: true } });
    expect(clock.elapsedSeconds).toBe(15 * 60);
    expect(iso(clock.dueAt)).toBe(iso(t('09', '09:05')));
    expect(clock.state).toBe('met');
    // The pause ends with the clock: no 'resumed' event.
    expect(summary(clock.events)).toEqual(['02-06T15:30 started', '02-06T15:45 paused (waiting on client)', '02-09T08:20 met']);
  });

  it('a resolution without any public response also stops it', () => {
    const clock = evaluate([history[0]!, { type: 'resolved', at: t('09', '08:40') }], t('09', '10:00'), oneHour);
    expect(clock.state).toBe('breached');
    expect(iso(clock.completedAt)).toBe(iso(t('09', '08:40')));
  });

  it('is not started before the first opening', () => {
    // Created Saturday: starts Mon 08:00; 1 h target -> Mon 09:00; the next timer is the 50 % mark at 08:30.
    const clock = evaluate([{ type: 'created', at: t('07', '10:00') }], t('07', '12:00'), oneHour);
    expect(clock.state).toBe('not_started');
    expect(iso(clock.startedAt)).toBe(iso(t('09', '08:00')));
    expect(iso(clock.dueAt)).toBe(iso(t('09', '09:00')));
    expect(iso(clock.nextThresholdAt)).toBe(iso(t('09', '08:30')));
    expect(clock.events).toEqual([]);
  });
});

describe('reopen', () => {
  // Created Tue 09:00, 4 h target. Resolved Tue 10:00 (1 h), reopened Wed 11:00: the gap is paused.
  // 3 h remain from Wed 11:00: due Wed 14:00; 50 % = 2 h -> Wed 12:00; 75 % = 3 h -> Wed 13:00.
  const history: TicketEvent[] = [
    { type: 'created', at: t('03', '09:00') },
    { type: 'resolved', at: t('03', '10:00') },
    { type: 'reopened', at: t('04', '11:00') },
  ];
  const fourHours = { target: { unit: 'business_seconds', seconds: 4 * H } } as const;

  it('treats the time between resolution and reopen as paused', () => {
    const clock = evaluate(history, t('04', '12:00'), fourHours);
    expect(clock.state).toBe('running');
    expect(clock.elapsedSeconds).toBe(2 * H);
    expect(iso(clock.dueAt)).toBe(iso(t('04', '14:00')));
    expect(iso(clock.nextThresholdAt)).toBe(iso(t('04', '13:00')));
    expect(summary(clock.events)).toEqual(['02-03T09:00 started', '02-03T10:00 paused (resolved)', '02-04T11:00 resumed (reopened)', '02-04T12:00 warned 50%']);
  });

  it('is met by the second resolution', () => {
    const clock = evaluate([...history, { type: 'resolved', at: t('04', '13:30') }], t('05', '09:00'), fourHours);
    expect(clock.state).toBe('met');
    expect(iso(clock.metAt)).toBe(iso(t('04', '13:30')));
    expect(clock.elapsedSeconds).toBe(3.5 * H);
  });

  it('does not reopen a met first-response clock', () => {
    const clock = evaluate([...history.slice(0, 1), { type: 'first_public_response', at: t('03', '09:10') }, ...history.slice(1)], t('04', '12:00'), {
      kind: 'first_response',
      target: { unit: 'business_seconds', seconds: H },
    });
    expect(clock.state).toBe('met');
    expect(iso(clock.metAt)).toBe(iso(t('03', '09:10')));
  });
});

describe('re-target', () => {
  it('is retroactive from creation and recorded at the instant of the change', () => {
    // 8 h target becomes 2 h at Mon 11:00: due = Mon 09:00 + 2 h = 11:00, breached at once.
    const clock = evaluate(
      [
        { type: 'created', at: t('02', '09:00') },
        { type: 'target_changed', at: t('02', '11:00'), kind: 'resolution', target: { unit: 'business_seconds', seconds: 2 * H }, reason: 'priority P3 -> P1' },
        { type: 'target_changed', at: t('02', '10:00'), kind: 'first_response', target: { unit: 'business_seconds', seconds: 60 }, reason: 'other clock' },
      ],
      t('02', '11:30'),
    );
    expect(clock.targetSeconds).toBe(2 * H);
    expect(clock.state).toBe('breached');
    expect(summary(clock.events)).toEqual([
      '02-02T09:00 started',
      '02-02T10:00 warned 50%',
      '02-02T10:30 warned 75%',
      '02-02T10:48 warned 90%',
      '02-02T11:00 target_changed 28800->7200 (priority P3 -> P1)',
      '02-02T11:00 breached',
    ]);
  });

  it('converts business-day targets from creation', () => {
    // 1 business day from Mon 09:00 = Tue 09:00: Mon 09-12 (3 h) + 13-17 (4 h) + Tue 08-09 (1 h) = 8 h.
    // 50 % = 4 h: Mon 09-12 + 13:00-14:00 -> Mon 14:00.
    const clock = evaluate(
      [
        { type: 'created', at: t('02', '09:00') },
        { type: 'target_changed', at: t('02', '10:30'), kind: 'resolution', target: { unit: 'business_days', days: 1 }, reason: 'catalog item changed' },
      ],
      t('02', '11:30'),
      { target: { unit: 'business_seconds', seconds: 2 * H } },
    );
    expect(clock.targetSeconds).toBe(8 * H);
    expect(iso(clock.dueAt)).toBe(iso(t('03', '09:00')));
    expect(clock.state).toBe('running');
    expect(clock.percentUsed).toBe(31.25);
    expect(iso(clock.nextThresholdAt)).toBe(iso(t('02', '14:00')));
    expect(summary(clock.events)).toEqual(['02-02T09:00 started', '02-02T10:30 target_changed 7200->28800 (catalog item changed)']);
  });

  it('end-of-day business-day targets', () => {
    // Due Tue 17:00: Monday 7 h from 09:00 + Tuesday 9 h = 16 h.
    const clock = evaluate([{ type: 'created', at: t('02', '09:00') }], t('02', '09:30'), { target: { unit: 'business_days', days: 1, endOfDay: true } });
    expect(clock.targetSeconds).toBe(16 * H);
    expect(iso(clock.dueAt)).toBe(iso(t('03', '17:00')));
  });

  it('business-day targets plus seconds (on-site travel)', () => {
    // 1 business day from Mon 09:00 = Tue 09:00 (8 h of Monday's open time), plus 45 min travel: due Tue 09:45.
    const clock = evaluate([{ type: 'created', at: t('02', '09:00') }], t('02', '09:30'), { target: { unit: 'business_days', days: 1, plusSeconds: 45 * 60 } });
    expect(clock.targetSeconds).toBe(8 * H + 45 * 60);
    expect(iso(clock.dueAt)).toBe(iso(t('03', '09:45')));
    expect(() => evaluate([{ type: 'created', at: t('02', '09:00') }], t('02', '09:30'), { target: { unit: 'business_days', days: 1, plusSeconds: -1 } })).toThrow(RangeError);
  });
});

describe('exact thresholds and pauses around the start', () => {
  it('crosses N % at ceil(target * N / 100) seconds', () => {
    // 7 s target: 50 % -> 4 s (3.5 rounded up), 75 % -> 6 s (5.25), 90 % -> 7 s (6.3), 100 % -> 7 s.
    const clock = evaluate([{ type: 'created', at: t('02', '09:00') }], t('02', '09:00'), { target: { unit: 'business_seconds', seconds: 7 } });
    expect(clock.thresholds.map((c) => (c.at!.getTime() - t('02', '09:00').getTime()) / 1000)).toEqual([4, 6, 7, 7]);
    expect(iso(clock.nextThresholdAt)).toBe(iso(new Date(t('02', '09:00').getTime() + 4000)));
  });

  it('a pause that began before the clock started and is still running', () => {
    // Created Sat 10:00 straight into a pausing status; at Mon 09:00 nothing has elapsed.
    // Projection: 1 h from Mon 09:00 -> 10:00.
    const clock = evaluate(
      [
        { type: 'created', at: t('07', '10:00') },
        { type: 'status_changed', at: t('07', '10:00'), status: 'waiting on client', pausing: true },
      ],
      t('09', '09:00'),
      { target: { unit: 'business_seconds', seconds: H } },
    );
    expect(clock.state).toBe('paused');
    expect(clock.elapsedSeconds).toBe(0);
    expect(iso(clock.dueAt)).toBe(iso(t('09', '10:00')));
    expect(summary(clock.events)).toEqual(['02-07T10:00 paused (waiting on client)', '02-09T08:00 started']);
  });

  it('moving between two pausing statuses keeps one pause', () => {
    const clock = evaluate(
      [
        { type: 'created', at: t('02', '09:00') },
        { type: 'status_changed', at: t('02', '10:00'), status: 'waiting on client', pausing: true },
        { type: 'status_changed', at: t('02', '11:00'), status: 'waiting on vendor', pausing: true },
        { type: 'status_changed', at: t('02', '14:00'), status: 'in progress', pausing: false },
      ],
      t('02', '15:00'),
    );
    expect(clock.elapsedSeconds).toBe(2 * H); // 09-10 and 14-15
    expect(summary(clock.events)).toEqual(['02-02T09:00 started', '02-02T10:00 paused (waiting on client)', '02-02T14:00 resumed (in progress)']);
  });

  it('refuses a history without creation, invalid thresholds and negative targets', () => {
    expect(() => evaluate([], t('02', '09:00'))).toThrow(/no "created" event/);
    expect(() => evaluate([{ type: 'created', at: t('02', '09:00') }], t('02', '09:00'), { policy: { warningThresholds: [0] } })).toThrow(RangeError);
    expect(() => evaluate([{ type: 'created', at: t('02', '09:00') }], t('02', '09:00'), { target: { unit: 'business_seconds', seconds: -1 } })).toThrow(RangeError);
  });

  it('is reproducible: same inputs, same state', () => {
    const events: TicketEvent[] = [
      { type: 'created', at: t('02', '09:00') },
      { type: 'status_changed', at: t('02', '10:00'), status: 'waiting on client', pausing: true },
    ];
    expect(evaluate(events, t('03', '10:00'))).toEqual(evaluate([...events].reverse(), t('03', '10:00')));
  });
});
