/**
 * Reads iCalendar text with ical.js, an independent implementation, so tests check that what
 * servicepact writes is what a calendar application understands: the events, and the dates a
 * series expands to in its time zone (EXDATEs removed, moved meetings in their new place).
 */
import ICAL from 'ical.js';

export type ReadEvent = {
  uid: string;
  summary: string;
  status: string | null;
  sequence: number;
  location: string | null;
  description: string | null;
  rrule: string | null;
  recurrenceId: Date | null;
  start: Date;
  end: Date;
  /** The TZID of DTSTART. */
  tzid: string | null;
  exdates: Date[];
  attendees: string[];
};

export type ReadCalendar = {
  method: string | null;
  name: string | null;
  timeZones: string[];
  events: ReadEvent[];
  /** Occurrence starts of the series with this UID before `until`, as ical.js expands them (moved meetings at their new start). */
  expand(uid: string, until: Date): Date[];
};

function text(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function readCalendar(source: string): ReadCalendar {
  const root = new ICAL.Component(ICAL.parse(source));
  const timeZones = root.getAllSubcomponents('vtimezone').map((z) => {
    const tz = new ICAL.Timezone(z);
    ICAL.TimezoneService.register(tz, String(z.getFirstPropertyValue('tzid')));
    return String(z.getFirstPropertyValue('tzid'));
  });
  // Parse again so that times resolve against the zones just registered.
  const cal = new ICAL.Component(ICAL.parse(source));
  const vevents = cal.getAllSubcomponents('vevent');
  const events: ReadEvent[] = vevents.map((v) => {
    const ev = new ICAL.Event(v);
    const rid = v.getFirstPropertyValue('recurrence-id') as ICAL.Time | null;
    const dtstart = v.getFirstProperty('dtstart');
    return {
      uid: ev.uid,
      summary: ev.summary,
      status: text(v.getFirstPropertyValue('status')),
      sequence: Number(v.getFirstPropertyValue('sequence') ?? 0),
      location: text(v.getFirstPropertyValue('location')),
      description: text(v.getFirstPropertyValue('description')),
      rrule: v.getFirstPropertyValue('rrule') ? String(v.getFirstPropertyValue('rrule')) : null,
      recurrenceId: rid ? rid.toJSDate() : null,
      start: ev.startDate.toJSDate(),
      end: ev.endDate.toJSDate(),
      tzid: text(dtstart?.getParameter('tzid')),
      exdates: v.getAllProperties('exdate').flatMap((p) => p.getValues().map((t) => (t as ICAL.Time).toJSDate())),
      attendees: v.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
    };
  });
  return {
    method: text(cal.getFirstPropertyValue('method')),
    name: text(cal.getFirstPropertyValue('x-wr-calname')),
    timeZones,
    events,
    expand(uid, until) {
      const master = vevents.find((v) => v.getFirstPropertyValue('uid') === uid && !v.hasProperty('recurrence-id'));
      if (!master) throw new Error(`no series ${uid}`);
      const exceptions = vevents.filter((v) => v.getFirstPropertyValue('uid') === uid && v.hasProperty('recurrence-id'));
      const ev = new ICAL.Event(master, { exceptions, strictExceptions: false });
      const it = ev.iterator();
      const out: Date[] = [];
      for (let next = it.next(); next; next = it.next()) {
        const d = ev.getOccurrenceDetails(next);
        if (next.toJSDate() >= until) break;
        out.push(d.startDate.toJSDate());
        if (out.length > 5000) break;
      }
      return out.sort((a, b) => a.getTime() - b.getTime());
    },
  };
}
