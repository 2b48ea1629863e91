/**
 * A ticket's history turned into what one clock needs: when it was created, its pause windows
 * (with reasons), its re-targets and when it stopped. Everything after `now` is ignored.
 */

import type { ClockKind, ClockTarget, TicketEvent } from './clock-types';

export interface PauseWindow {
  from: number;
  /** `now` for a pause still running, the completion instant for one the clock stopped in */
  to: number;
  /** how the window ends: resumed, still running at `now`, or cut by the clock's completion */
  end: 'resumed' | 'ongoing' | 'completed';
  reason: string;
  /** the status the ticket resumed into, or 'reopened' */
  resumeReason: string;
}

export interface Retarget {
  at: number;
  target: ClockTarget;
  reason: string;
}

export interface ClockTimeline {
  createdAt: number;
  pauses: PauseWindow[];
  retargets: Retarget[];
  completedAt: number | null;
}

export interface TimelineOptions {
  kind: ClockKind;
  pausesStopClock: boolean;
  now: number;
}

/** Rank for events at the same instant: the ticket is created before anything else happens. */
function rank(event: TicketEvent): number {
  return event.type === 'created' ? 0 : 1;
}

export function buildClockTimeline(events: readonly TicketEvent[], options: TimelineOptions): ClockTimeline {
  const { kind, now } = options;
  const ordered = events
    .map((event, position) => ({ event, at: event.at.getTime(), position }))
    .filter((entry) => entry.at <= now)
    .sort((a, b) => a.at - b.at || rank(a.event) - rank(b.event) || a.position - b.position);

  const created = ordered.find((entry) => entry.event.type === 'created');
  if (!created) throw new RangeError('clock history has no "created" event at or before now');
  const createdAt = created.at;

  const windows: PauseWindow[] = [];
  const retargets: Retarget[] = [];
  let completedAt: number | null = null;
  let statusPause: { from: number; reason: string } | null = null;
  let resolvedAt: number | null = null;

  for (const { event, at } of ordered) {
    if (at < createdAt) throw new RangeError(`clock history has a "${event.type}" event before the ticket was created`);
    if (completedAt !== null && kind === 'first_response') break;
    switch (event.type) {
      case 'created':
        break;
      case 'status_changed':
        if (!options.pausesStopClock) break;
        if (event.pausing && statusPause === null) statusPause = { from: at, reason: event.status };
        else if (!event.pausing && statusPause !== null) {
          windows.push({ from: statusPause.from, to: at, end: 'resumed', reason: statusPause.reason, resumeReason: event.status });
          statusPause = null;
        }
        break;
      case 'target_changed':
        if (event.kind === kind) retargets.push({ at, target: event.target, reason: event.reason });
        break;
      case 'first_public_response':
        if (kind === 'first_response') completedAt = at;
        break;
      case 'resolved':
        // A resolution answers the client too: it stops a first-response clock still running.
        if (kind === 'first_response') completedAt = at;
        else if (resolvedAt === null) resolvedAt = at;
        break;
      case 'reopened':
        if (kind === 'resolution' && resolvedAt !== null) {
          windows.push({ from: resolvedAt, to: at, end: 'resumed', reason: 'resolved', resumeReason: 'reopened' });
          resolvedAt = null;
        }
        break;
      default: {
        const unreachable: never = event;
        throw new Error(`unknown ticket event ${JSON.stringify(unreachable)}`);
      }
    }
  }
  if (kind === 'resolution' && resolvedAt !== null) completedAt = resolvedAt;
  if (statusPause !== null) windows.push({ from: statusPause.from, to: now, end: 'ongoing', reason: statusPause.reason, resumeReason: '' });

  return { createdAt, pauses: mergeWindows(windows, completedAt), retargets, completedAt };
}

/** Sorted, merged, and cut at completion (nothing after the clock stopped matters). */
function mergeWindows(windows: PauseWindow[], completedAt: number | null): PauseWindow[] {
  const sorted = windows
    .filter((window) => completedAt === null || window.from < completedAt)
    .map((window): PauseWindow => (completedAt !== null && (window.to > completedAt || window.end === 'ongoing') ? { ...window, to: completedAt, end: 'completed' } : window))
    .filter((window) => window.to > window.from || window.end === 'ongoing')
    .sort((a, b) => a.from - b.from);
  const merged: PauseWindow[] = [];
  for (const window of sorted) {
    const last = merged[merged.length - 1];
    if (last && window.from <= last.to) {
      if (window.to > last.to || (window.to === last.to && window.end !== 'resumed')) {
        last.to = window.to;
        last.end = window.end;
        last.resumeReason = window.resumeReason;
      }
    } else {
      merged.push({ ...window });
    }
  }
  return merged;
}
