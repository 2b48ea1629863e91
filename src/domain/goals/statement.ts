/**
 * The statement of a contract's month: the plan fee and riders prorated by the time each was in
 * force within the month and the contract's life, billable after-hours work at the plan's rate
 * and multiplier, and the goals' service credits and incentives. Each line is rounded once (half
 * up); the subtotal is the sum of the rounded lines. Taxes are left to the accounting system.
 */
import { prorateIntervals, type Proration } from '../pact/proration';
import type { Money, PlanTerms, PriceBasis, TermsVersion } from '../pact/pact-types';
import { versionAt } from '../pact/terms-at';
import type { Period, TimeEntryFact } from '../metrics/metric-types';
import { hours2 } from '../metrics/rounding';
import type { GoalEvaluation, StatementDocument, StatementLine } from './goal-types';
import { formatMinor, formatPercent, scaleMinor } from './money';
import { lastDayOfMonth, monthBounds } from './period';

/** A user or device count, effective from a civil date (the latest on or before a month's last day is billed). */
export type UnitCount = { kind: 'users' | 'devices'; count: number; effectiveFrom: string };

export type ContractSpan = { startsAt: Date; endsAt: Date | null };

/** What the plan-fee and rider lines of one month read. */
export type FeeInput = {
  /** The month ([from, to) in the contract's zone; key 'YYYY-MM'). */
  period: Period;
  contract: ContractSpan;
  termsHistory: readonly TermsVersion[];
  counts: readonly UnitCount[];
  /** The statement's currency; lines priced in another one are flagged in the warnings. */
  currency: string;
};

export type Lines = { lines: StatementLine[]; warnings: string[] };

/** A stretch of time in which one terms version governed, within the period and the contract. */
export type TermsStretch = { version: TermsVersion; from: Date; to: Date };

const FOREVER = 8.64e15;

/**
 * The terms versions in force in the period, each with the part of the period it governed: from
 * its `inForceFrom` until the next version's (the higher version wins a tie, as in `versionAt`),
 * clipped to the contract's start and end.
 */
export function termsStretches(history: readonly TermsVersion[], contract: ContractSpan, period: Period): TermsStretch[] {
  const sorted = [...history].sort((a, b) => a.inForceFrom.getTime() - b.inForceFrom.getTime() || a.version - b.version);
  const lower = Math.max(period.from.getTime(), contract.startsAt.getTime());
  const upper = Math.min(period.to.getTime(), contract.endsAt === null ? FOREVER : contract.endsAt.getTime());
  const out: TermsStretch[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const version = sorted[i]!;
    const next = sorted[i + 1];
    const from = Math.max(lower, version.inForceFrom.getTime());
    const to = Math.min(upper, next === undefined ? FOREVER : next.inForceFrom.getTime());
    if (to > from) out.push({ version, from: new Date(from), to: new Date(to) });
  }
  return out;
}

/** The latest count of a kind effective on or before `onOrBefore` ('YYYY-MM-DD'); null when none. */
export function latestCount(counts: readonly UnitCount[], kind: UnitCount['kind'], onOrBefore: string): UnitCount | null {
  let best: UnitCount | null = null;
  for (const c of counts) {
    if (c.kind !== kind || c.effectiveFrom > onOrBefore) continue;
    if (best === null || c.effectiveFrom >= best.effectiveFrom) best = c;
  }
  return best;
}

const UNIT_WORDS: Record<Exclude<PriceBasis, 'flat'>, { kind: UnitCount['kind']; one: string; many: string }> = {
  per_user: { kind: 'users', one: 'user', many: 'users' },
  per_device: { kind: 'devices', one: 'device', many: 'devices' },
};

function proratedWords(p: Proration): string {
  if (p.activeSeconds === p.periodSeconds) return 'whole month';
  const days = 86_400;
  if (p.activeSeconds % days === 0 && p.periodSeconds % days === 0) return `in force ${p.activeSeconds / days} of ${p.periodSeconds / days} days`;
  return `in force ${hours2(p.activeSeconds)} of ${hours2(p.periodSeconds)} hours`;
}

type Priced = { kind: 'plan_fee' | 'rider'; description: string; subject: string; price: Money & { basis: PriceBasis }; intervals: Array<{ from: Date; to: Date }> };

/** One prorated line for a plan or rider price, times the billed count for per-unit prices. */
function pricedLine(item: Priced, input: FeeInput, warnings: string[]): StatementLine {
  const { price } = item;
  let quantity = 1;
  let quantityWords = '';
  if (price.basis !== 'flat') {
    const unit = UNIT_WORDS[price.basis];
    const lastDay = lastDayOfMonth(input.period.key);
    const count = latestCount(input.counts, unit.kind, lastDay);
    if (count === null) {
      quantity = 0;
      warnings.push(`No ${unit.one} count is recorded on or before ${lastDay}: ${item.subject} (per ${unit.one}) is billed for 0 ${unit.many}`);
    } else quantity = count.count;
    quantityWords = `${quantity} ${quantity === 1 ? unit.one : unit.many} x ${formatMinor(price.amountMinor, price.currency)}; `;
  }
  if (price.currency !== input.currency) warnings.push(`${item.subject} is priced in ${price.currency}, the statement is in ${input.currency}`);
  const full = price.amountMinor * quantity;
  if (!Number.isSafeInteger(full)) throw new RangeError(`${item.subject}: ${quantity} x ${price.amountMinor} is too large`);
  const proration = prorateIntervals(full, input.period, item.intervals);
  return {
    kind: item.kind,
    description: item.description,
    quantity,
    unitPriceMinor: price.amountMinor,
    basis: price.basis,
    amountMinor: proration.amountMinor,
    note: `${quantityWords}${proratedWords(proration)}`,
  };
}

/** Items of the same identity (id, name and price) share one line, whatever versions they span. */
function groupPriced(items: Array<{ key: string } & Priced>): Priced[] {
  const byKey = new Map<string, Priced>();
  for (const { key, ...item } of items) {
    const seen = byKey.get(key);
    if (seen) seen.intervals.push(...item.intervals);
    else byKey.set(key, { ...item, intervals: [...item.intervals] });
  }
  return [...byKey.values()];
}

const priceKey = (price: Money & { basis: PriceBasis }) => `${price.amountMinor}|${price.currency}|${price.basis}`;

/** The plan fee lines of a month: one per plan (and price) that was in force in it. */
export function planFeeLines(input: FeeInput): Lines {
  const warnings: string[] = [];
  const items = termsStretches(input.termsHistory, input.contract, input.period).map(({ version, from, to }) => {
    const plan = version.terms.plan;
    return { key: `${plan.planId}|${plan.name}|${priceKey(plan.price)}`, kind: 'plan_fee' as const, description: `Plan fee: ${plan.name}`, subject: `the ${plan.name} plan fee`, price: plan.price, intervals: [{ from, to }] };
  });
  return { lines: groupPriced(items).map((item) => pricedLine(item, input, warnings)), warnings };
}

/** The plan fee of a month: the sum of its plan-fee lines (what percent-of-fee credits are taken of). */
export function planFeeMinor(input: FeeInput): number {
  return planFeeLines(input).lines.reduce((sum, line) => sum + line.amountMinor, 0);
}

/** A rider is in force from its `effectiveFrom` for as long as the terms versions carry it. */
export function riderLines(input: FeeInput): Lines {
  const warnings: string[] = [];
  const items: Array<{ key: string } & Priced> = [];
  for (const { version, from, to } of termsStretches(input.termsHistory, input.contract, input.period)) {
    for (const rider of version.terms.riders) {
      const effective = new Date(rider.effectiveFrom).getTime();
      const start = Number.isFinite(effective) ? Math.max(from.getTime(), effective) : from.getTime();
      if (start >= to.getTime()) continue;
      items.push({
        key: `${rider.riderId}|${rider.name}|${priceKey(rider.price)}`,
        kind: 'rider',
        description: `Rider: ${rider.name}`,
        subject: `the ${rider.name} rider`,
        price: rider.price,
        intervals: [{ from: new Date(start), to }],
      });
    }
  }
  return { lines: groupPriced(items).map((item) => pricedLine(item, input, warnings)), warnings };
}

type RateKey = { plan: PlanTerms; seconds: number };

/**
 * Billable after-hours work started in the month, at the hourly rate and multiplier of the plan
 * in force when each entry started: hours x rate x multiplier, rounded once per line.
 */
export function afterHoursLines(input: { period: Period; termsHistory: readonly TermsVersion[]; timeEntries: readonly TimeEntryFact[]; currency: string }): Lines {
  const { period } = input;
  const monthEndPlan = versionAt(input.termsHistory, new Date(period.to.getTime() - 1))?.terms.plan ?? null;
  const groups = new Map<string, RateKey>();
  for (const entry of input.timeEntries) {
    const t = entry.startedAt.getTime();
    if (!entry.billable || entry.afterHoursSeconds <= 0 || t < period.from.getTime() || t >= period.to.getTime()) continue;
    const plan = versionAt(input.termsHistory, entry.startedAt)?.terms.plan ?? monthEndPlan;
    if (plan === null) continue;
    const key = `${plan.planId}|${plan.name}|${plan.hourlyRateMinor ?? ''}|${plan.afterHoursMultiplierPercent}|${plan.price.currency}`;
    const group = groups.get(key);
    if (group) group.seconds += entry.afterHoursSeconds;
    else groups.set(key, { plan, seconds: entry.afterHoursSeconds });
  }
  const lines: StatementLine[] = [];
  const warnings: string[] = [];
  const several = groups.size > 1;
  for (const { plan, seconds } of groups.values()) {
    const hours = hours2(seconds);
    const description = several ? `After-hours work (${plan.name})` : 'After-hours work';
    const rate = plan.hourlyRateMinor;
    if (rate === undefined || rate === null) {
      warnings.push(`The ${plan.name} plan has no hourly rate: ${hours} h of billable after-hours work are not charged`);
      lines.push({ kind: 'after_hours', description, quantity: hours, amountMinor: 0, note: `${hours} h billable after hours; no hourly rate in the plan` });
      continue;
    }
    const currency = plan.price.currency;
    if (currency !== input.currency) warnings.push(`After-hours work on the ${plan.name} plan is priced in ${currency}, the statement is in ${input.currency}`);
    const multiplier = plan.afterHoursMultiplierPercent;
    lines.push({
      kind: 'after_hours',
      description,
      quantity: hours,
      unitPriceMinor: scaleMinor(rate, multiplier, 100),
      amountMinor: scaleMinor(seconds, rate * multiplier, 360_000),
      note: `${hours} h billable after hours x ${formatMinor(rate, currency)} an hour x ${formatPercent(multiplier)}`,
    });
  }
  return { lines, warnings };
}

/** Service credits (negative) and incentives (positive) of the evaluated goals, in goal order. */
export function goalLines(goals: readonly GoalEvaluation[]): StatementLine[] {
  const lines: StatementLine[] = [];
  for (const g of goals) {
    if (g.amountMinor === 0) continue;
    const credit = g.amountMinor < 0;
    lines.push({
      kind: credit ? 'service_credit' : 'incentive',
      description: `${credit ? 'Service credit' : 'Incentive'}: ${g.objective} (${g.periodKey})`,
      amountMinor: g.amountMinor,
      note: g.amountExplanation,
      goalId: g.goalId,
    });
  }
  return lines;
}

/** The currency of the plan in force at the period's last instant (else the earliest terms'); 'XXX' when there are no terms. */
export function statementCurrency(history: readonly TermsVersion[], period: Period): string {
  const atEnd = versionAt(history, new Date(period.to.getTime() - 1));
  if (atEnd) return atEnd.terms.plan.price.currency;
  const earliest = [...history].sort((a, b) => a.inForceFrom.getTime() - b.inForceFrom.getTime())[0];
  return earliest?.terms.plan.price.currency ?? 'XXX';
}

export type StatementInput = {
  monthKey: string;
  timeZone: string;
  contract: ContractSpan;
  termsHistory: readonly TermsVersion[];
  counts: readonly UnitCount[];
  /** Time entries of the contract's tickets (those started in the month are billed). */
  timeEntries: readonly TimeEntryFact[];
  /** The evaluated goals whose amounts become credit and incentive lines. */
  goals: readonly GoalEvaluation[];
};

export function buildStatement(input: StatementInput): StatementDocument {
  const period = monthBounds(input.monthKey, input.timeZone);
  const currency = statementCurrency(input.termsHistory, period);
  const fee: FeeInput = { period, contract: input.contract, termsHistory: input.termsHistory, counts: input.counts, currency };
  const parts = [planFeeLines(fee), riderLines(fee), afterHoursLines({ period, termsHistory: input.termsHistory, timeEntries: input.timeEntries, currency })];
  const lines = [...parts.flatMap((p) => p.lines), ...goalLines(input.goals)];
  return {
    periodKey: period.key,
    periodFrom: period.from.toISOString(),
    periodTo: period.to.toISOString(),
    currency,
    lines,
    subtotalMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0),
    warnings: [...new Set(parts.flatMap((p) => p.warnings))],
  };
}
