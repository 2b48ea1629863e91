/**
 * The money a goal's outcome moves. A missed goal with a penalty gives the client a service
 * credit: a fixed amount or a percentage of the plan fee for the goal's period, capped at
 * `capPerPeriodMinor`, then at `capOverallMinor` less what this goal already credited in
 * earlier periods, never below 0; it is negative (money back to the client). A met goal with an
 * incentive earns the MSP a positive, uncapped amount. Everything else is 0.
 */
import type { MoneyRule, PenaltyRule } from '../pact/pact-types';
import type { GoalOutcome } from './goal-types';
import { formatMinor, formatPercent, percentOfMinor } from './money';

export type AmountWithExplanation = { amountMinor: number; explanation: string };

function checkWhole(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of minor units, 0 or more (got ${value})`);
}

/** The rule's amount before caps, and how it was reached. */
export function ruleAmount(rule: MoneyRule, periodFeeMinor: number, currency: string): { amountMinor: number; words: string } {
  switch (rule.kind) {
    case 'fixed':
      checkWhole(rule.amountMinor, 'amountMinor');
      return { amountMinor: rule.amountMinor, words: `fixed ${formatMinor(rule.amountMinor, currency)}` };
    case 'percent_of_fee': {
      checkWhole(periodFeeMinor, 'periodFeeMinor');
      const amountMinor = percentOfMinor(periodFeeMinor, rule.percent);
      return { amountMinor, words: `${formatPercent(rule.percent)} of the plan fee ${formatMinor(periodFeeMinor, currency)} = ${formatMinor(amountMinor, currency)}` };
    }
    default: {
      const unreachable: never = rule;
      throw new Error(`unknown money rule ${JSON.stringify(unreachable)}`);
    }
  }
}

export type PenaltyInput = {
  rule: PenaltyRule;
  /** The plan fee of the goal's period (the statement's plan-fee lines of its months). */
  periodFeeMinor: number;
  /** What this goal credited in earlier periods, as an absolute sum. */
  priorCreditsMinor: number;
  currency: string;
};

export function penaltyCredit(input: PenaltyInput): AmountWithExplanation {
  const { rule, currency } = input;
  checkWhole(rule.capPerPeriodMinor, 'capPerPeriodMinor');
  checkWhole(rule.capOverallMinor, 'capOverallMinor');
  const money = (minor: number) => formatMinor(minor, currency);
  const base = ruleAmount(rule, input.periodFeeMinor, currency);
  const parts = [base.words];
  const perPeriod = Math.min(base.amountMinor, rule.capPerPeriodMinor);
  if (perPeriod < base.amountMinor) parts.push(`capped at ${money(rule.capPerPeriodMinor)} per period`);
  const prior = Math.abs(input.priorCreditsMinor);
  const left = Math.max(0, rule.capOverallMinor - prior);
  if (left < perPeriod) parts.push(`${money(rule.capOverallMinor)} in all less ${money(prior)} credited before leaves ${money(left)}`);
  const amount = Math.min(perPeriod, left);
  parts.push(amount > 0 ? `credit ${money(amount)}` : 'no credit');
  return { amountMinor: amount === 0 ? 0 : -amount, explanation: `Missed: ${parts.join('; ')}` };
}

export function incentiveAmount(input: { rule: MoneyRule; periodFeeMinor: number; currency: string }): AmountWithExplanation {
  const base = ruleAmount(input.rule, input.periodFeeMinor, input.currency);
  return { amountMinor: base.amountMinor, explanation: `Met: ${base.words}; incentive ${formatMinor(base.amountMinor, input.currency)}` };
}

export type GoalAmountInput = {
  outcome: GoalOutcome;
  incentive: MoneyRule | null;
  penalty: PenaltyRule | null;
  periodFeeMinor: number;
  priorCreditsMinor: number;
  currency: string;
};

/** The signed amount a goal's outcome gives, with its explanation. */
export function goalAmount(input: GoalAmountInput): AmountWithExplanation {
  switch (input.outcome) {
    case 'met':
      return input.incentive ? incentiveAmount({ rule: input.incentive, periodFeeMinor: input.periodFeeMinor, currency: input.currency }) : { amountMinor: 0, explanation: 'Met; no incentive agreed' };
    case 'missed':
      return input.penalty
        ? penaltyCredit({ rule: input.penalty, periodFeeMinor: input.periodFeeMinor, priorCreditsMinor: input.priorCreditsMinor, currency: input.currency })
        : { amountMinor: 0, explanation: 'Missed; no service credit agreed' };
    case 'not_evaluable':
      return { amountMinor: 0, explanation: 'Not evaluable: no credit or incentive' };
    default: {
      const unreachable: never = input.outcome;
      throw new Error(`unknown outcome ${String(unreachable)}`);
    }
  }
}
