/**
 * The cadence form's presets: monthly or quarterly on the first meeting's weekday and its place
 * in the month ("the second Tuesday"), which is how service reviews are usually agreed. A first
 * meeting in the last seven days of its month recurs on the last such weekday, since a fifth
 * weekday does not exist every month.
 */
import { civilFromDayNumber, daysInMonth, weekdayOfDayNumber } from '../calendar/civil-day';
import type { LocalDateTime } from './local-time';
import { WEEKDAYS, type Preset } from './rrule';

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
