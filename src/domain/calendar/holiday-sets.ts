/**
 * Country and country-region public holidays from the `date-holidays` package. Results are
 * cached per (code, year): the data is static, and computing a year costs milliseconds.
 */

import Holidays from 'date-holidays';
import { dayNumberFromCivil } from './civil-day';

const CODE_PATTERN = /^([A-Z]{2})(?:-([A-Z0-9]+))?(?:-([A-Z0-9]+))?$/;

let catalogue: Holidays | undefined;

function holidayCatalogue(): Holidays {
  catalogue ??= new Holidays();
  return catalogue;
}

/** "DE", "DE-BE", "US-NY", "AU-NSW", "DE-BY-A" (country, state, region as date-holidays names them). */
export function isKnownHolidaySet(code: string): boolean {
  const match = CODE_PATTERN.exec(code);
  if (!match) return false;
  const [, country, state, region] = match;
  if (country === undefined) return false;
  const hd = holidayCatalogue();
  if (!Object.hasOwn(hd.getCountries() ?? {}, country)) return false;
  if (state === undefined) return true;
  if (!Object.hasOwn(hd.getStates(country) ?? {}, state)) return false;
  if (region === undefined) return true;
  return Object.hasOwn(hd.getRegions(country, state) ?? {}, region);
}

const instances = new Map<string, Holidays>();
const yearCache = new Map<string, readonly number[]>();

/** Day numbers of the set's public holidays (type "public" only) in a calendar year. */
export function publicHolidayDays(code: string, year: number): readonly number[] {
  const key = `${code}/${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  let instance = instances.get(code);
  if (!instance) {
    const [country = '', state, region] = code.split('-');
    instance = state === undefined ? new Holidays(country) : region === undefined ? new Holidays(country, state) : new Holidays(country, state, region);
    instances.set(code, instance);
  }
  const days: number[] = [];
  for (const holiday of instance.getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    const [y, m, d] = holiday.date.slice(0, 10).split('-').map(Number);
    if (y === undefined || m === undefined || d === undefined) continue;
    const first = dayNumberFromCivil(y, m, d);
    // A few holidays last several days; they are whole local days, so round the span.
    const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
    for (let i = 0; i < length; i += 1) days.push(first + i);
  }
  yearCache.set(key, days);
  return days;
}
