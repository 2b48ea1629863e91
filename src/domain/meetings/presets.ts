/**
 * The cadence form's presets: monthly or quarterly on the first meeting's weekday and its place
 * in the month ("the second Tuesday"), which is how service reviews are usually agreed. A first
 * meeting in the last seven days of its month recurs on the last such weekday, since a fifth
 * weekday does not exist every month.
 */
import { civilFromDayNumber, daysInMonth, weekdayOfDayNumber } from '../calendar/civil-day';
import type { LocalDateTime } from './local-time';
import { WEEKDAYS, type Preset, type Rule } from './rrule';

export function presetRule(preset: Preset, first: LocalDateTime): string {
  const c = civilFromDayNumber(first.day);
  const weekday = WEEKDAYS[(weekdayOfDayNumber(first.day) + 6) % 7]!;
  const nth = Math.ceil(c.day / 7);
  const ordinal = nth >= 4 && c.day + 7 > daysInMonth(c.year, c.month) ? -1 : nth;
  switch (preset) {
    case 'monthly':
      return `FREQ=MONTHLY;BYDAY=${ordinal}${weekday}`;
    case 'quarterly':
      return `FREQ=MONTHLY;INTERVAL=3;BYDAY=${ordinal}${weekday}`;
    default: {
      const never: never = preset;
      throw new Error(`unknown preset ${String(never)}`);
    }
  }
}

const DAY_NAMES = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' } as const;
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth'];
const MONTH_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const UNITS = { DAILY: ['day', 'days'], WEEKLY: ['week', 'weeks'], MONTHLY: ['month', 'months'], YEARLY: ['year', 'years'] } as const;

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The rule in words for e-mails and the cadence form: "every 3 months on the second Tuesday, 4 times". */
export function describe(rule: Rule): string {
  const [one, many] = UNITS[rule.freq];
  const parts = [rule.interval === 1 ? `every ${one}` : rule.freq === 'MONTHLY' && rule.interval === 3 ? 'every quarter (3 months)' : `every ${rule.interval} ${many}`];
  if (rule.byMonth.length) parts.push(`in ${list(rule.byMonth.map((m) => MONTH_NAMES[m]!))}`);
  if (rule.byDay.length) {
    parts.push(`on ${list(rule.byDay.map((d) => (d.ordinal === null ? DAY_NAMES[d.weekday] : `the ${d.ordinal === -1 ? 'last' : d.ordinal < 0 ? `${ORDINALS[-d.ordinal]} last` : ORDINALS[d.ordinal]} ${DAY_NAMES[d.weekday]}`)))}`);
  }
  if (rule.byMonthDay.length) parts.push(`on day ${list(rule.byMonthDay.map((n) => (n === -1 ? 'last' : String(n))))} of the month`);
  if (rule.count !== null) parts.push(`${rule.count} times`);
  if (rule.until) parts.push(`until ${rule.until.kind === 'date' ? rule.until.date : rule.until.at.toISOString().slice(0, 10)}`);
  return parts.join(' ').replace(/ (\d+ times)$/, ', $1').replace(/ (until .*)$/, ', $1');
}
