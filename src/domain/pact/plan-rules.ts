import type { PlanDocument } from './pact-documents';
import type { FieldProblems } from './priority-matrix';
import type { DeliveryMode, Priority, PriorityTerms, RiderEffect, Target, TargetPair, Turnaround } from './pact-types';

const MODES: DeliveryMode[] = ['remote', 'onsite'];
const isWhole = (n: number) => Number.isInteger(n);
// A year of business minutes is far beyond any sensible promise; it also keeps sums in range.
const MAX_MINUTES = 525_600;
const MAX_DAYS = 365;

/** A target in words: "30 min", "4 h", "5 business days". */
export function describeTarget(t: Target): string {
  if (t.unit === 'business_days') return `${t.days} business day${t.days === 1 ? '' : 's'}${t.plusMinutes ? ` + ${t.plusMinutes} min` : ''}`;
  if (t.minutes % 60 === 0) return `${t.minutes / 60} h`;
  return t.minutes > 60 ? `${Math.floor(t.minutes / 60)} h ${t.minutes % 60} min` : `${t.minutes} min`;
}

/** One target: whole, positive minutes (at most a year) or whole business days >= 1. */
export function validateTarget(t: Target, path: string, problems: FieldProblems): boolean {
  if (t.unit === 'minutes') {
    if (!isWhole(t.minutes) || t.minutes <= 0) problems[path] = 'must be a whole number of minutes greater than 0';
    else if (t.minutes > MAX_MINUTES) problems[path] = `must be at most ${MAX_MINUTES} minutes`;
    else return true;
    return false;
  }
  if (!isWhole(t.days) || t.days < 1) problems[path] = 'must be a whole number of business days, at least 1';
  else if (t.days > MAX_DAYS) problems[path] = `must be at most ${MAX_DAYS} business days`;
  else if (t.plusMinutes !== undefined && (!isWhole(t.plusMinutes) || t.plusMinutes < 0)) problems[`${path}.plusMinutes`] = 'must be a whole number of minutes, 0 or more';
  else return true;
  return false;
}

/** Resolution may not promise less than response; only like units compare (days are not 1440 min). */
function checkPair(pair: Partial<TargetPair>, path: string, problems: FieldProblems) {
  const okResponse = pair.response ? validateTarget(pair.response, `${path}.response`, problems) : false;
  const okResolution = pair.resolution ? validateTarget(pair.resolution, `${path}.resolution`, problems) : false;
  if (!okResponse || !okResolution || !pair.response || !pair.resolution) return;
  const r = pair.response;
  const s = pair.resolution;
  if (r.unit === 'minutes' && s.unit === 'minutes' && s.minutes < r.minutes) {
    problems[`${path}.resolution`] = `must not be shorter than the response target (${describeTarget(r)})`;
  }
  if (r.unit === 'business_days' && s.unit === 'business_days' && s.days < r.days) {
    problems[`${path}.resolution`] = `must not be shorter than the response target (${describeTarget(r)})`;
  }
}

/** Warning thresholds: ascending whole percentages in 1..100, the last one 100. */
export function validateThresholds(list: number[], path: string, problems: FieldProblems) {
  if (list.length === 0) problems[path] = 'needs at least one threshold (100)';
  else if (list.length > 10) problems[path] = 'has more than 10 thresholds';
  else if (list.some((n) => !isWhole(n) || n < 1 || n > 100)) problems[path] = 'must be whole percentages from 1 to 100';
  else if (list.some((n, i) => i > 0 && n <= list[i - 1]!)) problems[path] = 'must be strictly ascending';
  else if (list[list.length - 1] !== 100) problems[path] = 'must end at 100 (the breach)';
}

export function validatePrice(price: { amountMinor: number; currency: string }, path: string, problems: FieldProblems) {
  if (!isWhole(price.amountMinor) || price.amountMinor < 0) problems[`${path}.amountMinor`] = 'must be a whole number of minor units (cents), 0 or more';
  else if (price.amountMinor > 2_000_000_000) problems[`${path}.amountMinor`] = 'is too large';
  if (!/^[A-Z]{3}$/.test(price.currency)) problems[`${path}.currency`] = 'must be an ISO 4217 code such as EUR';
}

export type PlanRuleOptions = {
  priorities: Priority[]; // the tenant's matrix
  calendarIds?: ReadonlySet<string>; // the tenant's calendars, when the caller knows them
  path?: string; // prefix of every problem's path, 'terms' by default
};

/**
 * Checks a plan against the tenant's matrix and calendars. Problems are keyed by field path
 * (`terms.targets.P1.remote.resolution`) so the API can name the field that needs fixing.
 */
export function validatePlanDocument(doc: PlanDocument, opts: PlanRuleOptions): FieldProblems {
  const base = opts.path ?? 'terms';
  const problems: FieldProblems = {};
  for (const p of opts.priorities) if (!Object.hasOwn(doc.targets, p)) problems[`${base}.targets.${p}`] = `needs targets: ${p} is a priority of the matrix`;
  for (const [p, terms] of Object.entries(doc.targets)) {
    const path = `${base}.targets.${p}`;
    if (!opts.priorities.includes(p)) {
      problems[path] = `'${p}' is not a priority of the matrix`;
      continue;
    }
    checkPriorityTerms(terms, path, opts.calendarIds, problems);
  }
  validateThresholds(doc.warningThresholds, `${base}.warningThresholds`, problems);
  validatePrice(doc.price, `${base}.price`, problems);
  const m = doc.afterHoursMultiplierPercent;
  if (!isWhole(m) || m < 100 || m > 500) problems[`${base}.afterHoursMultiplierPercent`] = 'must be a whole percentage from 100 to 500';
  const rate = doc.hourlyRateMinor;
  if (rate !== undefined) {
    if (!isWhole(rate) || rate < 0) problems[`${base}.hourlyRateMinor`] = 'must be a whole number of minor units (cents), 0 or more';
    else if (rate > 100_000_000) problems[`${base}.hourlyRateMinor`] = 'is too large';
  }
  if (doc.servicesIncluded.length > 50) problems[`${base}.servicesIncluded`] = 'lists more than 50 services';
  doc.servicesIncluded.forEach((s, i) => {
    if (s.trim() === '') problems[`${base}.servicesIncluded[${i}]`] = 'is empty';
  });
  return problems;
}

function checkPriorityTerms(terms: PriorityTerms, path: string, calendarIds: ReadonlySet<string> | undefined, problems: FieldProblems) {
  if (calendarIds && !calendarIds.has(terms.calendarId)) problems[`${path}.calendarId`] = 'is not a calendar of this organisation';
  for (const mode of MODES) checkPair(terms[mode], `${path}.${mode}`, problems);
}

/** A catalog item's turnaround (any subset of modes and targets), same rules as a plan's. */
export function validateTurnaround(t: Turnaround, path: string, problems: FieldProblems) {
  for (const mode of MODES) {
    const pair = t[mode];
    if (pair) checkPair(pair, `${path}.${mode}`, problems);
  }
}

/** A rider's effect: `scale` halves (etc.) targets but never below a floor; `replace` names known priorities. */
export function validateRiderEffect(effect: RiderEffect, priorities: Priority[], path = 'effect'): FieldProblems {
  const problems: FieldProblems = {};
  switch (effect.kind) {
    case 'scale':
      if (!isWhole(effect.factorPercent) || effect.factorPercent < 1 || effect.factorPercent > 100) {
        problems[`${path}.factorPercent`] = 'must be a whole percentage from 1 to 100 (50 = half the time)';
      }
      if (!isWhole(effect.floorMinutes) || effect.floorMinutes < 0) problems[`${path}.floorMinutes`] = 'must be a whole number of minutes, 0 or more';
      break;
    case 'replace': {
      const entries = Object.entries(effect.targets);
      if (entries.length === 0) problems[`${path}.targets`] = 'must replace at least one priority';
      for (const [p, modes] of entries) {
        if (!priorities.includes(p)) problems[`${path}.targets.${p}`] = `'${p}' is not a priority of the matrix`;
        else if (modes) validateTurnaround(modes, `${path}.targets.${p}`, problems);
      }
      break;
    }
    default: {
      const never: never = effect;
      return never;
    }
  }
  return problems;
}

const min = (minutes: number): Target => ({ unit: 'minutes', minutes });
const hours = (h: number): Target => ({ unit: 'minutes', minutes: h * 60 });
const days = (d: number): Target => ({ unit: 'business_days', days: d });
const pair = (response: Target, resolution: Target): TargetPair => ({ response, resolution });

export type DefaultPlan = { name: string; description: string; terms: PlanDocument };
export type DefaultCalendarIds = { businessHours: string; allHours: string };

const THRESHOLDS = [50, 75, 90, 100];

/**
 * Silver, Gold and Platinum as a small MSP would sell them. Remote work resolves sooner than
 * on-site work; Platinum covers P1 around the clock. Prices are monthly, in cents; after-hours work
 * is billed at 90.00 an hour before each plan's multiplier.
 */
export function defaultPlans(calendars: DefaultCalendarIds): DefaultPlan[] {
  const biz = calendars.businessHours;
  const t = (calendarId: string, remote: TargetPair, onsite: TargetPair): PriorityTerms => ({ calendarId, remote, onsite });
  return [
    {
      name: 'Silver',
      description: 'Business-hours support for small offices: remote first, on-site when needed.',
      terms: {
        targets: {
          P1: t(biz, pair(hours(1), hours(8)), pair(hours(1), days(2))),
          P2: t(biz, pair(hours(2), days(2)), pair(hours(2), days(3))),
          P3: t(biz, pair(hours(8), days(5)), pair(hours(8), days(7))),
          P4: t(biz, pair(days(2), days(10)), pair(days(2), days(12))),
        },
        pausesStopResponse: false,
        warningThresholds: [...THRESHOLDS],
        price: { amountMinor: 350_000, currency: 'EUR', basis: 'flat' },
        afterHoursMultiplierPercent: 200,
        hourlyRateMinor: 9_000,
        servicesIncluded: ['Service desk in business hours', 'Remote support', 'On-site support', 'Patch management', 'Monitoring and alerting'],
      },
    },
    {
      name: 'Gold',
      description: 'Faster response and resolution in business hours, with proactive maintenance.',
      terms: {
        targets: {
          P1: t(biz, pair(min(30), hours(4)), pair(min(30), hours(8))),
          P2: t(biz, pair(hours(1), hours(8)), pair(hours(1), days(2))),
          P3: t(biz, pair(hours(4), days(3)), pair(hours(4), days(4))),
          P4: t(biz, pair(hours(8), days(5)), pair(hours(8), days(7))),
        },
        pausesStopResponse: false,
        warningThresholds: [...THRESHOLDS],
        price: { amountMinor: 600_000, currency: 'EUR', basis: 'flat' },
        afterHoursMultiplierPercent: 150,
        hourlyRateMinor: 9_000,
        servicesIncluded: [
          'Service desk in business hours',
          'Remote support',
          'On-site support',
          'Patch management',
          'Monitoring and alerting',
          'Backup monitoring',
          'Quarterly service review',
        ],
      },
    },
    {
      name: 'Platinum',
      description: 'Round-the-clock cover for critical incidents and the fastest targets.',
      terms: {
        targets: {
          P1: t(calendars.allHours, pair(min(15), hours(2)), pair(min(15), hours(4))),
          P2: t(biz, pair(min(30), hours(4)), pair(min(30), hours(8))),
          P3: t(biz, pair(hours(2), days(2)), pair(hours(2), days(3))),
          P4: t(biz, pair(hours(4), days(3)), pair(hours(4), days(5))),
        },
        pausesStopResponse: false,
        warningThresholds: [...THRESHOLDS],
        price: { amountMinor: 950_000, currency: 'EUR', basis: 'flat' },
        afterHoursMultiplierPercent: 125,
        hourlyRateMinor: 9_000,
        servicesIncluded: [
          '24x7 cover for P1 incidents',
          'Service desk in business hours',
          'Remote support',
          'On-site support',
          'Patch management',
          'Monitoring and alerting',
          'Backup monitoring and restore tests',
          'Security awareness training',
          'Monthly service review',
        ],
      },
    },
  ];
}

export type DefaultRider = { name: string; description: string; effect: RiderEffect; price: { amountMinor: number; currency: string; basis: 'flat' | 'per_user' | 'per_device' } };

/** Premium Response: every target halved, never below 15 minutes, for a monthly fee. */
export function premiumResponseRider(): DefaultRider {
  return {
    name: 'Premium Response',
    description: 'Express service: response and resolution targets halved (never below 15 minutes). Can be added or dropped at any time.',
    effect: { kind: 'scale', factorPercent: 50, floorMinutes: 15 },
    price: { amountMinor: 150_000, currency: 'EUR', basis: 'flat' },
  };
}
