/**
 * A calendar's holiday rules compiled into "is this local day a holiday", answered from a bitmap
 * per calendar year that is built on first use.
 */

import { civilFromDayNumber, dayNumberFromCivil } from './civil-day';
import type { HolidayEntry } from './calendar-schema';
import { publicHolidayDays } from './holiday-sets';

interface DayRange {
  first: number;
  last: number;
}

interface MonthDayRange {
  /** month * 100 + day, inclusive */
  first: number;
  last: number;
}

function parseDate(text: string): number {
  const [y = 0, m = 0, d = 0] = text.split('-').map(Number);
  return dayNumberFromCivil(y, m, d);
}

function parseMonthDay(text: string): number {
  const [m = 0, d = 0] = text.split('-').map(Number);
  return m * 100 + d;
}

export class HolidayRules {
  private readonly ranges: DayRange[] = [];
  private readonly yearly: MonthDayRange[] = [];
  private readonly sets: readonly string[];
  private readonly years = new Map<number, Uint8Array>();

  constructor(entries: readonly HolidayEntry[], sets: readonly string[]) {
    this.sets = sets;
    for (const entry of entries) {
      if (typeof entry === 'string') {
        const day = parseDate(entry);
        this.ranges.push({ first: day, last: day });
      } else if (entry.yearly === true) {
        const first = parseMonthDay(entry.date ?? entry.from ?? '');
        const last = entry.date === undefined ? parseMonthDay(entry.to ?? '') : first;
        this.yearly.push({ first, last });
      } else {
        const first = parseDate(entry.date ?? entry.from ?? '');
        const last = entry.date === undefined ? parseDate(entry.to ?? '') : first;
        this.ranges.push({ first, last });
      }
    }
  }

  isHoliday(dayNumber: number): boolean {
    const { year } = civilFromDayNumber(dayNumber);
    const bitmap = this.yearBitmap(year);
    return bitmap[dayNumber - dayNumberFromCivil(year, 1, 1)] === 1;
  }

  private yearBitmap(year: number): Uint8Array {
    let bitmap = this.years.get(year);
    if (bitmap) return bitmap;
    const firstDay = dayNumberFromCivil(year, 1, 1);
    const length = dayNumberFromCivil(year + 1, 1, 1) - firstDay;
    bitmap = new Uint8Array(length);
    const mark = (day: number): void => {
      if (day >= firstDay && day < firstDay + length) bitmap![day - firstDay] = 1;
    };
    for (const range of this.ranges) {
      for (let day = Math.max(range.first, firstDay); day <= Math.min(range.last, firstDay + length - 1); day += 1) mark(day);
    }
    if (this.yearly.length > 0) {
      for (let offset = 0; offset < length; offset += 1) {
        const { month, day } = civilFromDayNumber(firstDay + offset);
        const monthDay = month * 100 + day;
        if (this.yearly.some((range) => monthDay >= range.first && monthDay <= range.last)) bitmap[offset] = 1;
      }
    }
    for (const code of this.sets) {
      for (const day of publicHolidayDays(code, year)) mark(day);
    }
    this.years.set(year, bitmap);
    return bitmap;
  }
}
