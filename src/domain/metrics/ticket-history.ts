/**
 * Questions the metrics ask of one ticket's history (its `TicketFacts.events`, in time order,
 * up to the evaluation instant). Periods are half-open: an event at a period's `to` belongs to
 * the next period, and "by the period's end" means before `to`.
 */
import type { BusinessCalendar } from '../calendar';
import type { Period, TicketFacts } from './metric-types';

/** The status in which the MSP waits on the client (a pausing status by default). */
export const WAITING_ON_CLIENT = 'waiting_on_client';

export function inPeriod(at: Date, period: Period): boolean {
  const t = at.getTime();
  return t >= period.from.getTime() && t < period.to.getTime();
}

/** The ticket's first resolution ever, or null. */
export function firstResolvedAt(ticket: TicketFacts): Date | null {
  for (const e of ticket.events) if (e.type === 'resolved') return e.at;
  return null;
}

/** The first reopen after `after` and before `before`, or null. */
export function reopenedBetween(ticket: TicketFacts, after: Date, before: Date): Date | null {
  const a = after.getTime();
  const b = before.getTime();
  for (const e of ticket.events) {
    const t = e.at.getTime();
    if (t >= b) break;
    if (e.type === 'reopened' && t > a) return e.at;
  }
  return null;
}

/** Whether the ticket had a resolution in the period (a ticket resolved twice counts once). */
export function resolvedIn(ticket: TicketFacts, period: Period): boolean {
  return ticket.events.some((e) => e.type === 'resolved' && inPeriod(e.at, period));
}

/** Created before `instant` and, just before it, not resolved (or resolved and then reopened). */
export function isOpenAt(ticket: TicketFacts, instant: Date): boolean {
  const t = instant.getTime();
  if (ticket.createdAt.getTime() >= t) return false;
  let open = true;
  for (const e of ticket.events) {
    if (e.at.getTime() >= t) break;
    if (e.type === 'resolved') open = false;
    else if (e.type === 'reopened') open = true;
  }
  return open;
}

/** Stretches of wall time in `waiting_on_client`; `to` null for one still running at the history's end. */
export function waitingOnClientIntervals(ticket: TicketFacts): Array<{ from: Date; to: Date | null }> {
  const out: Array<{ from: Date; to: Date | null }> = [];
  let since: Date | null = null;
  for (const e of ticket.events) {
    if (e.type === 'status_changed') {
      if (e.status === WAITING_ON_CLIENT) since ??= e.at;
      else if (since !== null) {
        out.push({ from: since, to: e.at });
        since = null;
      }
    } else if (e.type === 'resolved' && since !== null) {
      // A resolution always leaves the waiting status, even if its status change was not recorded.
      out.push({ from: since, to: e.at });
      since = null;
    }
  }
  if (since !== null) out.push({ from: since, to: null });
  return out;
}

/**
 * Business seconds (on `calendar`) the ticket spent waiting on the client within the period, and
 * whether any waiting overlapped the period at all (a wait over a weekend overlaps with 0 seconds).
 */
export function waitingOnClientInPeriod(ticket: TicketFacts, calendar: BusinessCalendar, period: Period): { businessSeconds: number; overlaps: boolean } {
  const p0 = period.from.getTime();
  const p1 = period.to.getTime();
  let businessSeconds = 0;
  let overlaps = false;
  for (const w of waitingOnClientIntervals(ticket)) {
    const from = Math.max(p0, w.from.getTime());
    const to = Math.min(p1, w.to === null ? p1 : w.to.getTime());
    if (to <= from) continue;
    overlaps = true;
    businessSeconds += calendar.businessSecondsBetween(new Date(from), new Date(to));
  }
  return { businessSeconds, overlaps };
}
