import type { ClockEventView, ClockStateName, TicketClock, TicketStatus } from './api/ticket-types';

export const ticketStatusLabels: Record<TicketStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  waiting_on_client: 'Waiting on client',
  waiting_on_third_party: 'Waiting on third party',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const ticketStatuses = Object.keys(ticketStatusLabels) as TicketStatus[];
export const openStatuses = ticketStatuses.filter((s) => s !== 'resolved' && s !== 'closed');

export const ticketStatusColours: Record<TicketStatus, string> = {
  new: 'blue',
  assigned: 'indigo',
  in_progress: 'violet',
  waiting_on_client: 'yellow',
  waiting_on_third_party: 'orange',
  resolved: 'teal',
  closed: 'gray',
};

export const statusLabel = (s: string) => (s in ticketStatusLabels ? ticketStatusLabels[s as TicketStatus] : s);

/** Seconds as a short span: "45 s", "12 min", "1 h 12 min", "2 d 3 h". */
export function spanText(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h < 24) return m === 0 ? `${h} h` : `${h} h ${m} min`;
  const d = Math.floor(h / 24);
  const rh = h % 24;
  return rh === 0 ? `${d} d` : `${d} d ${rh} h`;
}

export type ClockReading = { text: string; colour: string; percent: number };

/** The colour of a clock by percent used: green < 50, yellow 50-75, orange 75-90, red >= 90. */
export function percentColour(percent: number): string {
  if (percent >= 90) return 'red';
  if (percent >= 75) return 'orange';
  if (percent >= 50) return 'yellow';
  return 'green';
}

/**
 * What a clock says at `now`: a running clock counts down to its due instant every second
 * (the server moves the due instant when a pause or re-target changes it); the colour follows
 * the percent used the server last computed, which the board refreshes.
 */
export function readClock(clock: TicketClock, now: number): ClockReading {
  if (clock.state === 'met') return { text: 'met', colour: 'teal', percent: clock.percentUsed };
  if (clock.state === 'paused') return { text: 'paused', colour: 'gray', percent: clock.percentUsed };
  if (clock.state === 'not_started') return { text: 'not started', colour: 'gray', percent: 0 };
  if (clock.state === 'breached' && clock.completedAt) return { text: 'breached', colour: 'red', percent: clock.percentUsed };
  const remaining = Math.round((new Date(clock.dueAt).getTime() - now) / 1000);
  if (clock.state === 'breached' || remaining <= 0) return { text: `overdue ${spanText(-remaining)}`, colour: 'red', percent: Math.max(100, clock.percentUsed) };
  return { text: `due in ${spanText(remaining)}`, colour: percentColour(clock.percentUsed), percent: clock.percentUsed };
}

export const clockStateLabels: Record<ClockStateName, string> = {
  running: 'Running',
  paused: 'Paused',
  met: 'Met',
  breached: 'Breached',
  not_started: 'Not started',
};
export const clockStateColours: Record<ClockStateName, string> = {
  running: 'blue',
  paused: 'gray',
  met: 'teal',
  breached: 'red',
  not_started: 'gray',
};

/** One clock event as a sentence: "Paused: waiting on client", "Warned at 75 %". */
export function clockEventText(e: ClockEventView): string {
  const reason = e.reason ? `: ${statusLabel(e.reason)}` : '';
  switch (e.type) {
    case 'started':
      return 'Started';
    case 'paused':
      return `Paused${reason}`;
    case 'resumed':
      return e.reason ? `Resumed (${statusLabel(e.reason).toLowerCase()})` : 'Resumed';
    case 'target_changed':
      return `Target changed${reason}`;
    case 'warned':
      return `Warned at ${e.percent ?? '?'} %`;
    case 'met':
      return 'Met';
    case 'breached':
      return 'Breached';
    case 'stopped':
      return 'Stopped (completed after the breach)';
    default:
      return `${e.type}${reason}`;
  }
}

export const clockEventColours: Record<string, string> = {
  started: 'blue',
  paused: 'gray',
  resumed: 'blue',
  target_changed: 'grape',
  warned: 'orange',
  met: 'teal',
  breached: 'red',
  stopped: 'red',
};

/** A date-time in a given IANA zone, with the zone's short name. */
export function formatInZone(iso: string, timeZone: string): string {
  try {
    // dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.
    return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(iso));
  } catch {
    return new Date(iso).toISOString();
  }
}

export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The first-response and resolution targets in one sentence, for the new-ticket preview. */
export function expectedSentence(response: string, resolution: string): string {
  return `Expected first response within ${response}, resolution within ${resolution}`;
}
