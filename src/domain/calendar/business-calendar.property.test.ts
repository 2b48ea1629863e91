/**
 * Properties of the engine, and a brute-force reference written independently of it: the
 * reference asks Intl for the wall-clock reading of every minute and checks it against the
 * weekly periods and holidays, the way a person reading the calendar would.
 */
import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from './business-calendar';

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

interface Definition {
  timeZone: string;
  week: Partial<Record<(typeof DAY_KEYS)[number], string[][]>>;
  holidays?: (string | { from: string; to: string } | { date: string; yearly: true })[];
  holidaySets?: string[];
}

const everyDay = (periods: string[][]): Definition['week'] => Object.fromEntries(DAY_KEYS.map((key) => [key, periods]));

const definitions: Record<string, Definition> = {
  berlinOffice: {
    timeZone: 'Europe/Berlin',
    week: {
      mon: [['08:00', '12:00'], ['13:00', '17:00']],
      tue: [['08:00', '17:00']],
      wed: [['08:00', '17:00']],
      thu: [['08:00', '17:00']],
      fri: [['08:00', '16:00']],
    },
    holidays: ['2026-12-24', { from: '2026-12-29', to: '2027-01-02' }, { date: '05-01', yearly: true }],
    holidaySets: ['DE-BE'],
  },
  berlinWeekendNights: {
    timeZone: 'Europe/Berlin',
    week: { sat: [['00:00', '06:00'], ['22:00', '24:00']], sun: [['00:00', '03:30'], ['20:15', '24:00']], mon: [['00:00', '01:00']] },
  },
  berlinEarly: { timeZone: 'Europe/Berlin', week: everyDay([['02:30', '04:00'], ['09:00', '09:45']]) },
  newYorkEarly: { timeZone: 'America/New_York', week: everyDay([['00:45', '02:30'], ['16:00', '17:00']]) },
  sydneyShifts: { timeZone: 'Australia/Sydney', week: everyDay([['01:00', '03:30'], ['12:00', '13:00']]), holidaySets: ['AU-NSW'] },
  kolkata: {
    timeZone: 'Asia/Kolkata',
    week: { mon: [['09:30', '13:00'], ['14:00', '18:00']], tue: [['09:30', '18:00']], wed: [['09:30', '18:00']], thu: [['09:30', '18:00']], fri: [['09:30', '18:00']] },
  },
};

// ---- the independent reference -------------------------------------------------------------

interface WallReading {
  date: string;
  monthDay: string;
  weekday: (typeof DAY_KEYS)[number];
  minuteOfDay: number;
}

const readers = new Map<string, Intl.DateTimeFormat>();
function wallReading(timeZone: string, epochMs: number): WallReading {
  let reader = readers.get(timeZone);
  if (!reader) {
    reader = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    readers.set(timeZone, reader);
  }
  const parts = Object.fromEntries(reader.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    monthDay: `${parts.month}-${parts.day}`,
    weekday: String(parts.weekday).toLowerCase().slice(0, 3) as WallReading['weekday'],
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const setHolidayCache = new Map<string, Set<string>>();
function setHolidays(code: string, year: string): Set<string> {
  const key = `${code}/${year}`;
  let dates = setHolidayCache.get(key);
  if (!dates) {
    const [country = '', state] = code.split('-');
    const hd = state ? new Holidays(country, state) : new Holidays(country);
    dates = new Set(hd.getHolidays(Number(year)).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    setHolidayCache.set(key, dates);
  }
  return dates;
}

function minutes(text: string): number {
  const [h = '0', m = '0'] = text.split(':');
  return Number(h) * 60 + Number(m);
}

/** Is the minute starting at `epochMs` open? Every minute is read off the wall clock. */
function referenceOpen(def: Definition, epochMs: number): boolean {
  const wall = wallReading(def.timeZone, epochMs);
  for (const holiday of def.holidays ?? []) {
    if (typeof holiday === 'string') {
      if (holiday === wall.date) return false;
    } else if ('yearly' in holiday) {
      if (holiday.date === wall.monthDay) return false;
    } else if (wall.date >= holiday.from && wall.date <= holiday.to) return false;
  }
  for (const code of def.holidaySets ?? []) if (setHolidays(code, wall.date.slice(0, 4)).has(wall.date)) return false;
  return (def.week[wall.weekday] ?? []).some(([from = '', to = '']) => wall.minuteOfDay >= minutes(from) && wall.minuteOfDay < minutes(to));
}

const MINUTE = 60_000;

function referenceBetween(def: Definition, fromMs: number, toMs: number): number {
  let open = 0;
  for (let t = fromMs; t < toMs; t += MINUTE) if (referenceOpen(def, t)) open += 60;
  return open;
}

function referenceAdd(def: Definition, fromMs: number, businessMinutes: number): number {
  let left = businessMinutes;
  for (let t = fromMs; ; t += MINUTE) {
    if (referenceOpen(def, t)) {
      left -= 1;
      if (left === 0) return t + MINUTE;
    }
  }
}

// Windows around the 2026 DST changes of each zone, plus ordinary and holiday weeks.
const windows = [
  Date.UTC(2026, 2, 27), // Berlin spring forward (29 Mar)
  Date.UTC(2026, 9, 23), // Berlin fall back (25 Oct)
  Date.UTC(2026, 2, 6), // New York spring forward (8 Mar)
  Date.UTC(2026, 9, 30), // New York fall back (1 Nov)
  Date.UTC(2026, 3, 3), // Sydney fall back (5 Apr), Easter
  Date.UTC(2026, 9, 2), // Sydney spring forward (4 Oct)
  Date.UTC(2026, 11, 22), // Christmas and the holiday range
  Date.UTC(2027, 3, 28), // 1 May
];

const minuteStart = fc
  .tuple(fc.constantFrom(...windows), fc.integer({ min: 0, max: 4 * 24 * 60 }))
  .map(([base, minute]) => base + minute * MINUTE);

describe('brute-force reference (minute by minute)', () => {
  for (const [name, def] of Object.entries(definitions)) {
    const calendar = BusinessCalendar.from(def);
    it(`${name}: addBusinessTime and businessSecondsBetween agree with the reference`, () => {
      fc.assert(
        fc.property(minuteStart, fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 3 * 24 * 60 }), (start, businessMinutes, spanMinutes) => {
          expect(calendar.addBusinessTime(new Date(start), businessMinutes * 60).getTime()).toBe(referenceAdd(def, start, businessMinutes));
          expect(calendar.businessSecondsBetween(new Date(start), new Date(start + spanMinutes * MINUTE))).toBe(referenceBetween(def, start, start + spanMinutes * MINUTE));
        }),
        { numRuns: 40 },
      );
    });
  }
});

// ---- properties ------------------------------------------------------------------------------

const SECONDS_20_DAYS = 20 * 9 * 3600;
const anyStart = fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }).map((s) => new Date(s * 1000));
const pauseList = fc.array(
  fc.tuple(fc.integer({ min: -5 * 86_400, max: 30 * 86_400 }), fc.integer({ min: 0, max: 5 * 86_400 })),
  { maxLength: 6 },
);
const toPauses = (start: Date, list: [number, number][]): { from: Date; to: Date }[] =>
  list.map(([offset, length]) => ({ from: new Date(start.getTime() + offset * 1000), to: new Date(start.getTime() + (offset + length) * 1000) }));

describe('properties', () => {
  for (const [name, def] of Object.entries(definitions)) {
    const calendar = BusinessCalendar.from(def);

    it(`${name}: businessSecondsBetween(s, addBusinessTime(s, d)) = d, and back again`, () => {
      fc.assert(
        fc.property(anyStart, fc.integer({ min: 0, max: SECONDS_20_DAYS }), (start, seconds) => {
          const due = calendar.addBusinessTime(start, seconds);
          expect(calendar.businessSecondsBetween(start, due)).toBe(seconds);
          const back = calendar.addBusinessTime(start, -seconds);
          expect(calendar.businessSecondsBetween(back, start)).toBe(seconds);
          expect(back.getTime()).toBeLessThanOrEqual(start.getTime());
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: monotonic in the duration`, () => {
      fc.assert(
        fc.property(anyStart, fc.integer({ min: -SECONDS_20_DAYS, max: SECONDS_20_DAYS }), fc.integer({ min: 0, max: 86_400 }), (start, seconds, more) => {
          expect(calendar.addBusinessTime(start, seconds).getTime()).toBeLessThanOrEqual(calendar.addBusinessTime(start, seconds + more).getTime());
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: pauses never shorten a deadline, and paused time never counts`, () => {
      fc.assert(
        fc.property(anyStart, fc.integer({ min: 1, max: SECONDS_20_DAYS }), pauseList, (start, seconds, list) => {
          const pauses = toPauses(start, list);
          const plain = calendar.addBusinessTime(start, seconds);
          const paused = calendar.addBusinessTime(start, seconds, { pauses });
          expect(paused.getTime()).toBeGreaterThanOrEqual(plain.getTime());
          expect(calendar.businessSecondsBetween(start, paused, { pauses })).toBe(seconds);
          expect(calendar.businessSecondsBetween(start, plain, { pauses })).toBeLessThanOrEqual(seconds);
          const back = calendar.addBusinessTime(start, -seconds, { pauses });
          expect(calendar.businessSecondsBetween(back, start, { pauses })).toBe(seconds);
        }),
        { numRuns: 200 },
      );
    });
  }

  for (const timeZone of ['Europe/Berlin', 'UTC', 'Australia/Lord_Howe']) {
    it(`24x7 in ${timeZone} is plain arithmetic`, () => {
      const calendar = BusinessCalendar.from({ timeZone, week: everyDay([['00:00', '24:00']]) });
      fc.assert(
        fc.property(anyStart, fc.integer({ min: -400 * 86_400, max: 400 * 86_400 }), (start, seconds) => {
          const whole = Math.floor(start.getTime() / 1000) * 1000;
          expect(calendar.addBusinessTime(start, seconds).getTime()).toBe(seconds === 0 ? start.getTime() : whole + seconds * 1000);
          expect(calendar.businessSecondsBetween(start, new Date(whole + seconds * 1000))).toBe(seconds);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('addBusinessDays lands on the N-th business day (counted from the open start day)', () => {
    const def = definitions.berlinOffice!;
    const calendar = BusinessCalendar.from(def);
    fc.assert(
      fc.property(anyStart, fc.integer({ min: -15, max: 15 }), (start, days) => {
        const opened = calendar.nextOpen(start);
        const due = calendar.addBusinessDays(start, days);
        expect(calendar.isOpen(due) || calendar.isOpen(new Date(due.getTime() - 1000))).toBe(true);
        // Count business days strictly between the two local days by walking local noons.
        const startDay = wallReading(def.timeZone, opened.getTime()).date;
        const dueDay = wallReading(def.timeZone, due.getTime()).date;
        let count = 0;
        const step = days >= 0 ? 1 : -1;
        let cursor = Date.parse(`${startDay}T12:00:00Z`);
        while (wallReading('UTC', cursor).date !== dueDay) {
          cursor += step * 86_400_000;
          const noonDay = wallReading('UTC', cursor).date;
          const weekday = wallReading('UTC', cursor).weekday;
          const business = (def.week[weekday] ?? []).length > 0 && !calendar.isHoliday(new Date(`${noonDay}T12:00:00+01:00`));
          if (business) count += 1;
          if (Math.abs(cursor - Date.parse(`${startDay}T12:00:00Z`)) > 60 * 86_400_000) break;
        }
        expect(count * step).toBe(days);
      }),
      { numRuns: 200 },
    );
  });
});
