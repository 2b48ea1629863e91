import type { Comparator, Contribution, GoalOutcome, MetricUnit, Person, ResponsibilityOutcome } from '../../api/goal-types';

const monthLong = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });

function monthDate(periodKey: string): Date | null {
  const m = /^(\d{4})-(\d{2})$/.exec(periodKey);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : null;
}

/** '2026-10' -> "October 2026". */
export function periodLabel(periodKey: string): string {
  const d = monthDate(periodKey);
  return d ? monthLong.format(d) : periodKey;
}

/** '2026-10' -> "Oct 26", for chart axes. */
export function periodShort(periodKey: string): string {
  const d = monthDate(periodKey);
  return d ? monthShort.format(d) : periodKey;
}

/** The month before `now` and the months before it back to `from` (newest first), as period keys. */
export function endedMonths(now: Date, from: Date, max = 24): string[] {
  const keys: string[] = [];
  let y = now.getFullYear();
  let m = now.getMonth(); // 0-based: the previous month in 1-based terms
  if (m === 0) {
    y -= 1;
    m = 12;
  }
  const fromKey = from.getFullYear() * 12 + from.getMonth();
  while (keys.length < max && y * 12 + (m - 1) >= fromKey) {
    keys.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      y -= 1;
      m = 12;
    }
  }
  return keys;
}

export const comparatorSymbols: Record<Comparator, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<' };
export const comparatorWords: Record<Comparator, string> = { gte: 'at least', gt: 'more than', lte: 'at most', lt: 'less than' };

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A figure in its unit: "96.4 %", "45 business min", "3.5 h", "12". */
export function valueText(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined) return '—';
  const n = number.format(value);
  switch (unit) {
    case 'percent':
      return `${n} %`;
    case 'minutes':
      return `${n} business min`;
    case 'hours':
      return `${n} h`;
    case 'count':
    case 'number':
      return n;
  }
}

export const unitWords: Record<MetricUnit, string> = { percent: 'percent', minutes: 'business minutes', hours: 'hours', count: 'count', number: 'number' };

/** "≥ 95 %", with the comparator as a symbol and, for screen readers, in words (see targetLabel). */
export function targetText(comparator: Comparator, target: number, unit: MetricUnit): string {
  return `${comparatorSymbols[comparator]} ${valueText(target, unit)}`;
}

export function targetLabel(comparator: Comparator, target: number, unit: MetricUnit): string {
  return `${comparatorWords[comparator]} ${valueText(target, unit)}`;
}

export const plainNumber = (v: number | null | undefined) => (v === null || v === undefined ? '—' : number.format(v));

/** Money from minor units with its currency; credits keep a visible minus sign. */
export function money(amountMinor: number, currency: string, opts: { signed?: boolean } = {}): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, signDisplay: opts.signed ? 'exceptZero' : 'auto' }).format(amountMinor / 100).replace('-', '−');
  } catch {
    const sign = amountMinor < 0 ? '−' : opts.signed && amountMinor > 0 ? '+' : '';
    return `${sign}${(Math.abs(amountMinor) / 100).toFixed(2)} ${currency}`;
  }
}

export const goalOutcomeLabels: Record<GoalOutcome, string> = { met: 'Met', missed: 'Missed', not_evaluable: 'Not evaluable' };
export const goalOutcomeColours: Record<GoalOutcome, string> = { met: 'teal', missed: 'red', not_evaluable: 'gray' };

export const responsibilityOutcomeLabels: Record<ResponsibilityOutcome, string> = { kept: 'Kept', breached: 'Breached', not_assessed: 'Not assessed' };
export const responsibilityOutcomeColours: Record<ResponsibilityOutcome, string> = { kept: 'teal', breached: 'red', not_assessed: 'gray' };

export const contributionLabels: Record<Contribution['outcome'], string> = { met: 'Met', breached: 'Breached', counted: 'Counted', excluded: 'Excluded' };
export const contributionColours: Record<Contribution['outcome'], string> = { met: 'teal', breached: 'red', counted: 'blue', excluded: 'gray' };

export function personName(p: Person | undefined): string | null {
  if (!p) return null;
  return typeof p === 'string' ? p : p.name;
}

export const ticketReference = (n: number) => `T-${n}`;

/** The period's first and last day in the contract's zone ("1 Oct 2026 – 31 Oct 2026"), not the reader's. */
export function periodRangeText(fromIso: string, toIso: string, timeZone: string): string {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone });
  } catch {
    fmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  }
  const from = new Date(fromIso);
  const last = new Date(new Date(toIso).getTime() - 1);
  if (Number.isNaN(from.getTime()) || Number.isNaN(last.getTime())) return '';
  return `${fmt.format(from)} – ${fmt.format(last)}`;
}
