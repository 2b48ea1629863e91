/** The weekly opening periods, compiled to seconds since local midnight, indexed 0 = Sunday. */

import { WEEKDAY_KEYS, type CalendarDefinition } from './calendar-schema';
import { parseTimeOfDay } from './time-of-day';

/** Flat `[start0, end0, start1, end1, ...]`, sorted, touching periods merged. */
export type DayTemplate = readonly number[];
export type WeekTemplate = readonly [DayTemplate, DayTemplate, DayTemplate, DayTemplate, DayTemplate, DayTemplate, DayTemplate];

export function compileWeekTemplate(week: CalendarDefinition['week']): WeekTemplate {
  const compileDay = (key: (typeof WEEKDAY_KEYS)[number]): DayTemplate => {
    const periods = (week[key] ?? [])
      .map(([start, end]) => [parseTimeOfDay(start) ?? 0, parseTimeOfDay(end) ?? 0] as const)
      .sort((a, b) => a[0] - b[0]);
    const flat: number[] = [];
    for (const [start, end] of periods) {
      // Validation already refused overlaps; "08:00-12:00, 12:00-17:00" is one opening.
      if (flat.length > 0 && flat[flat.length - 1] === start) flat[flat.length - 1] = end;
      else flat.push(start, end);
    }
    return flat;
  };
  const [sun, mon, tue, wed, thu, fri, sat] = WEEKDAY_KEYS.map(compileDay);
  return [sun ?? [], mon ?? [], tue ?? [], wed ?? [], thu ?? [], fri ?? [], sat ?? []];
}

export function weekHasOpenTime(template: WeekTemplate): boolean {
  return template.some((day) => day.length > 0);
}
