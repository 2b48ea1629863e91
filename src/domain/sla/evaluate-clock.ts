/**
 * The SLA clock model: one clock's state at `now`, derived from the ticket's history alone, so
 * evaluating again with the same inputs gives the same answer (rule 6).
 *
 * Decisions (also in docs/calendar.md):
 * - The clock counts business time from creation; created outside open hours, it starts at the
 *   next opening.
 * - Pause windows come from pausing statuses (when the policy says pauses stop this clock) and,
 *   for the resolution clock, from each resolution later reopened. A pause still running at
 *   `now` is taken to end at `now`, so `dueAt` and future thresholds are projections that move
 *   while the pause lasts; no timer is scheduled while paused.
 * - A re-target is retroactive: the due instant, thresholds and warnings are computed as if the
 *   new target had held since creation; the change itself is a `target_changed` event at the
 *   instant it happened.
 * - Thresholds are crossed at the earliest instant at which elapsed business time reaches
 *   ceil(target * N / 100) seconds. 100 % is the breach: it appears as `breached`, not `warned`.
 * - Completed at or before the due instant: `met`. Completed later: `breached`, with
 *   `breachedAt` = due instant, `completedAt` = when it stopped, and a `stopped` event.
 *   Not completed and `now` >= due: `breached`, even while paused.
 */

import type { BusinessCalendar } from '../calendar';
import { buildClockTimeline, type PauseWindow } from './clock-timeline';
import type { ClockEvent, ClockInput, ClockKind, ClockState, ClockStateName, ClockTarget, ThresholdCrossing } from './clock-types';

export const DEFAULT_WARNING_THRESHOLDS: readonly number[] = [50, 75, 90, 100];

export function defaultPausesStopClock(kind: ClockKind): boolean {
  switch (kind) {
    case 'first_response':
      return false;
    case 'resolution':
      return true;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown clock kind ${String(unreachable)}`);
    }
  }
}

/** A target in business seconds, measured from the ticket's creation. */
export function targetSeconds(calendar: BusinessCalendar, createdAt: Date, target: ClockTarget): number {
  switch (target.unit) {
    case 'business_seconds':
      if (!Number.isSafeInteger(target.seconds) || target.seconds < 0) throw new RangeError(`target seconds must be a whole number >= 0, got ${target.seconds}`);
      return target.seconds;
    case 'business_days': {
      if (!Number.isSafeInteger(target.days) || target.days < 0) throw new RangeError(`target days must be a whole number >= 0, got ${target.days}`);
      const plus = target.plusSeconds ?? 0;
      if (!Number.isSafeInteger(plus) || plus < 0) throw new RangeError(`target plusSeconds must be a whole number >= 0, got ${plus}`);
      const due = calendar.addBusinessDays(createdAt, target.days, { endOfDay: target.endOfDay === true });
      return calendar.businessSecondsBetween(createdAt, due) + plus;
    }
    default: {
      const unreachable: never = target;
      throw new Error(`unknown target ${JSON.stringify(unreachable)}`);
    }
  }
}

function normaliseThresholds(thresholds: readonly number[]): number[] {
  for (const threshold of thresholds) {
    if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1000) throw new RangeError(`warning threshold must be in (0, 1000] %, got ${threshold}`);
  }
  return [...new Set(thresholds)].sort((a, b) => a - b);
}

/** Seconds of business time at which N % is reached (integer arithmetic when N is whole). */
function secondsForPercent(target: number, percent: number): number {
  return Number.isInteger(percent) ? Math.ceil((target * percent) / 100) : Math.ceil((target * percent) / 100 - 1e-9);
}

const EVENT_ORDER: Record<ClockEvent['type'], number> = {
  started: 0,
  target_changed: 1,
  resumed: 2,
  paused: 3,
  warned: 4,
  breached: 5,
  met: 6,
  stopped: 7,
};

export function evaluateClock(input: ClockInput): ClockState {
  const { calendar, kind } = input;
  const now = input.now.getTime();
  const pausesStopClock = input.policy?.pausesStopClock ?? defaultPausesStopClock(kind);
  const thresholds = normaliseThresholds(input.policy?.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS);
  const timeline = buildClockTimeline(input.events, { kind, pausesStopClock, now });
  const created = new Date(timeline.createdAt);
  const pauses = timeline.pauses.map((window: PauseWindow) => ({ from: new Date(window.from), to: new Date(window.to) }));

  let target = input.target;
  let currentTargetSeconds = targetSeconds(calendar, created, target);
  const events: ClockEvent[] = [];
  for (const retarget of timeline.retargets) {
    const next = targetSeconds(calendar, created, retarget.target);
    events.push({ type: 'target_changed', at: new Date(retarget.at), reason: retarget.reason, targetSeconds: next, previousTargetSeconds: currentTargetSeconds });
    target = retarget.target;
    currentTargetSeconds = next;
  }

  const startedAt = calendar.nextOpen(created);
  const reach = (seconds: number): Date => (seconds === 0 ? startedAt : calendar.addBusinessTime(created, seconds, { pauses }));
  const dueAt = reach(currentTargetSeconds);
  const due = dueAt.getTime();
  const completedAt = timeline.completedAt;
  const until = completedAt === null ? now : Math.min(now, completedAt);
  const elapsed = Math.max(0, calendar.businessSecondsBetween(created, new Date(until), { pauses }));
  const lastPause = timeline.pauses[timeline.pauses.length - 1];
  const pausedNow = completedAt === null && lastPause !== undefined && lastPause.end === 'ongoing';

  if (startedAt.getTime() <= now) events.push({ type: 'started', at: startedAt });
  for (const window of timeline.pauses) {
    events.push({ type: 'paused', at: new Date(window.from), reason: window.reason });
    if (window.end === 'resumed') events.push({ type: 'resumed', at: new Date(window.to), reason: window.resumeReason });
  }

  const crossings: ThresholdCrossing[] = thresholds.map((percent) => {
    const at = reach(secondsForPercent(currentTargetSeconds, percent));
    const time = at.getTime();
    if (completedAt !== null && time > completedAt) return { percent, at: null, crossed: false };
    const crossed = time <= now;
    if (crossed && percent !== 100) events.push({ type: 'warned', at, percent });
    return { percent, at, crossed };
  });

  let state: ClockStateName;
  let metAt: Date | null = null;
  let breachedAt: Date | null = null;
  if (completedAt !== null) {
    if (completedAt <= due) {
      state = 'met';
      metAt = new Date(completedAt);
      events.push({ type: 'met', at: metAt });
    } else {
      state = 'breached';
      breachedAt = dueAt;
      events.push({ type: 'breached', at: dueAt }, { type: 'stopped', at: new Date(completedAt) });
    }
  } else if (now >= due) {
    state = 'breached';
    breachedAt = dueAt;
    events.push({ type: 'breached', at: dueAt });
  } else if (now < startedAt.getTime()) {
    state = 'not_started';
  } else {
    state = pausedNow ? 'paused' : 'running';
  }

  let nextThresholdAt: Date | null = null;
  if (completedAt === null && !pausedNow) {
    for (const candidate of [...crossings.map((crossing) => crossing.at), dueAt]) {
      if (candidate !== null && candidate.getTime() > now && (nextThresholdAt === null || candidate < nextThresholdAt)) nextThresholdAt = candidate;
    }
  }

  events.sort((a, b) => a.at.getTime() - b.at.getTime() || EVENT_ORDER[a.type] - EVENT_ORDER[b.type]);

  return {
    kind,
    state,
    target,
    targetSeconds: currentTargetSeconds,
    startedAt,
    dueAt,
    completedAt: completedAt === null ? null : new Date(completedAt),
    metAt,
    breachedAt,
    elapsedSeconds: elapsed,
    remainingSeconds: Math.max(0, currentTargetSeconds - elapsed),
    overdueSeconds: Math.max(0, elapsed - currentTargetSeconds),
    percentUsed: currentTargetSeconds === 0 ? 100 : (elapsed / currentTargetSeconds) * 100,
    thresholds: crossings,
    nextThresholdAt,
    events,
  };
}
