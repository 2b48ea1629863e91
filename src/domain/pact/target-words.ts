import type { Target } from './pact-types';

/**
 * Targets in plain words for people: "30 business minutes", "4 business hours",
 * "1 business hour 30 min", "2 business days", "2 business days + 35 min travel".
 */
export function minutesInWords(minutes: number): string {
  if (minutes < 60) return `${minutes} business ${minutes === 1 ? 'minute' : 'minutes'}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = `${h} business ${h === 1 ? 'hour' : 'hours'}`;
  return m === 0 ? hours : `${hours} ${m} min`;
}

/** `travelMinutes` (already included in a minutes target) is shown as "+ N min travel". */
export function targetInWords(target: Target, travelMinutes = 0): string {
  if (target.unit === 'minutes') {
    const base = target.minutes - travelMinutes;
    return travelMinutes > 0 && base > 0 ? `${minutesInWords(base)} + ${travelMinutes} min travel` : minutesInWords(target.minutes);
  }
  const days = `${target.days} business ${target.days === 1 ? 'day' : 'days'}`;
  const plus = target.plusMinutes ?? 0;
  if (plus === 0) return days;
  return plus === travelMinutes ? `${days} + ${plus} min travel` : `${days} + ${plus} min`;
}

/** A target's problem, or null: whole minutes > 0, whole days >= 1, plusMinutes whole >= 0. */
export function targetProblem(t: Target): string | null {
  if (t.unit === 'minutes') return Number.isInteger(t.minutes) && t.minutes > 0 ? null : 'must be a whole number of minutes above 0';
  if (!Number.isInteger(t.days) || t.days < 1) return 'must be a whole number of business days, at least 1';
  if (t.plusMinutes !== undefined && (!Number.isInteger(t.plusMinutes) || t.plusMinutes < 0)) return 'plusMinutes must be a whole number, 0 or more';
  return null;
}
