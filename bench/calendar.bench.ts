/**
 * Calendar engine benchmark: `npm run bench:calendar`.
 *
 * Workload: one thread; Europe/Berlin (DST), Mon-Fri 08:00-12:00 + 13:00-17:00, DE-BE public
 * holidays; starts uniformly random over 2026-2035 (seeded PRNG, whole seconds); durations
 * random up to 20 business days. The same workload runs through moment-business-time, which
 * works in the process's local zone: TZ is set before moment is loaded (it is loaded lazily).
 */
process.env.TZ = 'Europe/Berlin';

import { createRequire } from 'node:module';
import Holidays from 'date-holidays';
import { BusinessCalendar } from '../src/domain/calendar';

const DAY_SECONDS = 8 * 3600;
const MAX_SECONDS = 20 * DAY_SECONDS;
const CASES = 1_000_000;
const PAUSED_CASES = 200_000;
const RUNS = 5;
const FIRST_YEAR = 2026;
const YEARS = 10;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const twoPeriods = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
const calendar = BusinessCalendar.from({
  timeZone: 'Europe/Berlin',
  week: { mon: twoPeriods, tue: twoPeriods, wed: twoPeriods, thu: twoPeriods, fri: twoPeriods, sat: [], sun: [] },
  holidaySets: ['DE-BE'],
});

// ---- workload ------------------------------------------------------------------------------
const random = mulberry32(20_261_122);
const from = Date.UTC(FIRST_YEAR, 0, 1) / 1000;
const to = Date.UTC(FIRST_YEAR + YEARS, 0, 1) / 1000;
const starts: Date[] = [];
const ends: Date[] = [];
const durations: number[] = [];
for (let i = 0; i < CASES; i += 1) {
  const start = from + Math.floor(random() * (to - from));
  starts.push(new Date(start * 1000));
  durations.push(1 + Math.floor(random() * MAX_SECONDS));
  ends.push(new Date((start + Math.floor(random() * 30 * 86_400)) * 1000));
}
const pauseSets: { from: Date; to: Date }[][] = [];
for (let i = 0; i < PAUSED_CASES; i += 1) {
  const start = starts[i]!.getTime();
  const pauses: { from: Date; to: Date }[] = [];
  for (let k = 0; k < 5; k += 1) {
    const pauseFrom = start + Math.floor((random() * 32 - 2) * 86_400) * 1000;
    pauses.push({ from: new Date(pauseFrom), to: new Date(pauseFrom + Math.floor(random() * 2 * 86_400) * 1000) });
  }
  pauseSets.push(pauses);
}

// ---- servicepact engine --------------------------------------------------------------------
let sink = 0;
function measure(name: string, count: number, body: (i: number) => number): number {
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const began = performance.now();
    for (let i = 0; i < count; i += 1) sink += body(i);
    rates.push(count / ((performance.now() - began) / 1000));
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;
  console.log(`  ${name.padEnd(44)} ${format(median).padStart(12)} ops/s  (median of ${RUNS} runs of ${count.toLocaleString('en-US')})`);
  return median;
}
const format = (n: number): string => Math.round(n).toLocaleString('en-US');

const buildStart = performance.now();
calendar.addBusinessTime(new Date(from * 1000), 1);
calendar.addBusinessTime(new Date(to * 1000), MAX_SECONDS * 2);
const buildMs = performance.now() - buildStart;
// Warm-up so the JIT has compiled the hot paths before timing.
for (let i = 0; i < 200_000; i += 1) sink += calendar.addBusinessTime(starts[i]!, durations[i]!).getTime() + calendar.businessSecondsBetween(starts[i]!, ends[i]!);
for (let i = 0; i < 20_000; i += 1) sink += calendar.addBusinessTime(starts[i]!, durations[i]!, { pauses: pauseSets[i]! }).getTime();

console.log(`servicepact calendar engine (Node ${process.version}, one thread, Europe/Berlin + DE-BE, ${FIRST_YEAR}-${FIRST_YEAR + YEARS - 1})`);
console.log(`  index build for ${YEARS}+ years: ${buildMs.toFixed(1)} ms (once per calendar)`);
const addRate = measure('addBusinessTime', CASES, (i) => calendar.addBusinessTime(starts[i]!, durations[i]!).getTime());
const betweenRate = measure('businessSecondsBetween', CASES, (i) => calendar.businessSecondsBetween(starts[i]!, ends[i]!));
const addPausedRate = measure('addBusinessTime, 5 pauses', PAUSED_CASES, (i) => calendar.addBusinessTime(starts[i]!, durations[i]!, { pauses: pauseSets[i]! }).getTime());
const betweenPausedRate = measure('businessSecondsBetween, 5 pauses', PAUSED_CASES, (i) => calendar.businessSecondsBetween(starts[i]!, ends[i]!, { pauses: pauseSets[i]! }));

const targets: [string, number, number][] = [
  ['addBusinessTime', addRate, 2_000_000],
  ['businessSecondsBetween', betweenRate, 2_000_000],
  ['addBusinessTime, 5 pauses', addPausedRate, 300_000],
  ['businessSecondsBetween, 5 pauses', betweenPausedRate, 300_000],
];
for (const [name, rate, target] of targets) {
  console.log(`  target ${name}: >= ${format(target)}/s -> ${rate >= target ? 'MET' : 'MISSED'}`);
}

// ---- moment-business-time, same workload -----------------------------------------------------
interface BusinessMoment {
  clone(): BusinessMoment;
  addWorkingTime(amount: number, unit: 'seconds'): BusinessMoment;
  workingDiff(other: BusinessMoment, unit: 'seconds'): number;
  valueOf(): number;
}
interface MomentModule {
  (input: Date): BusinessMoment;
  updateLocale(locale: string, config: Record<string, unknown>): void;
}
const require = createRequire(import.meta.url);
const moment = require('moment-business-time') as MomentModule;

// The library takes holidays as a list of local dates: give it the same DE-BE public holidays.
const holidayDates: string[] = [];
const berlin = new Holidays('DE', 'BE');
for (let year = FIRST_YEAR - 1; year <= FIRST_YEAR + YEARS + 2; year += 1) {
  for (const holiday of berlin.getHolidays(year)) if (holiday.type === 'public') holidayDates.push(holiday.date.slice(0, 10));
}
const hours = ['08:00:00', '12:00:00', '13:00:00', '17:00:00'];
moment.updateLocale('en', { workinghours: { 0: null, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null }, holidays: holidayDates });

const TIME_BOX_MS = 8000;
function measureMoment(name: string, body: (i: number) => void): { rate: number; count: number } {
  const began = performance.now();
  let count = 0;
  while (performance.now() - began < TIME_BOX_MS && count < 2000) {
    body(count);
    count += 1;
  }
  const rate = count / ((performance.now() - began) / 1000);
  console.log(`  ${name.padEnd(44)} ${format(rate).padStart(12)} ops/s  (${count} cases in a ${TIME_BOX_MS / 1000} s time box)`);
  return { rate, count };
}

console.log('\nmoment-business-time (same workload, process TZ=Europe/Berlin)');
const momentAdds: number[] = [];
const momentDiffs: number[] = [];
const momentAdd = measureMoment('addWorkingTime(seconds)', (i) => {
  momentAdds.push(moment(starts[i]!).clone().addWorkingTime(durations[i]!, 'seconds').valueOf());
});
const momentDiff = measureMoment('workingDiff(seconds)', (i) => {
  momentDiffs.push(moment(ends[i]!).workingDiff(moment(starts[i]!), 'seconds'));
});

// ---- agreement -------------------------------------------------------------------------------
// workingDiff sums every period of the end instant's day without checking that the period
// starts before the end instant, so it is wrong whenever the end falls on a business day before
// its last period (here: 08:00-13:00). Those cases are outside what the library supports.
const localClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
const localWeekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short' });
function librarySupportsDiff(end: Date): boolean {
  if (calendar.isHoliday(end)) return true;
  const weekday = localWeekday.format(end);
  if (weekday === 'Sat' || weekday === 'Sun') return true;
  const [h = '0', m = '0'] = localClock.format(end).split(':');
  const minute = Number(h) * 60 + Number(m);
  return minute < 8 * 60 || minute >= 13 * 60;
}

let addAgree = 0;
const addDisagreements: string[] = [];
for (let i = 0; i < momentAdds.length; i += 1) {
  const ours = calendar.addBusinessTime(starts[i]!, durations[i]!).getTime();
  if (ours === momentAdds[i]) addAgree += 1;
  else addDisagreements.push(`start ${starts[i]!.toISOString()} +${durations[i]} s: servicepact ${new Date(ours).toISOString()}, moment ${new Date(momentAdds[i]!).toISOString()}`);
}
let diffSupported = 0;
let diffAgree = 0;
let diffUnsupportedAgree = 0;
const diffDisagreements: string[] = [];
for (let i = 0; i < momentDiffs.length; i += 1) {
  const ours = calendar.businessSecondsBetween(starts[i]!, ends[i]!);
  if (librarySupportsDiff(ends[i]!)) {
    diffSupported += 1;
    if (ours === momentDiffs[i]) diffAgree += 1;
    else diffDisagreements.push(`${starts[i]!.toISOString()} -> ${ends[i]!.toISOString()}: servicepact ${ours}, moment ${momentDiffs[i]}`);
  } else if (ours === momentDiffs[i]) diffUnsupportedAgree += 1;
}

console.log('\nagreement (servicepact vs moment-business-time)');
console.log(`  addBusinessTime vs addWorkingTime:       ${addAgree} / ${momentAdds.length} agree`);
console.log(`  businessSecondsBetween vs workingDiff:   ${diffAgree} / ${diffSupported} agree where the library supports the case`);
console.log(`    (${momentDiffs.length - diffSupported} cases end on a business day before 13:00, a case workingDiff gets wrong; ${diffUnsupportedAgree} of them agree anyway)`);
for (const line of [...addDisagreements, ...diffDisagreements].slice(0, 10)) console.log(`  DISAGREE ${line}`);

console.log('\nspeed ratio (servicepact / moment-business-time)');
console.log(`  addBusinessTime:        ${format(addRate / momentAdd.rate)}x`);
console.log(`  businessSecondsBetween: ${format(betweenRate / momentDiff.rate)}x`);
if (sink === 42) console.log('');
