/**
 * Client responsibilities for one period. `waiting_on_client`: per ticket, the business time
 * (contract calendar) spent in that status within the period, against the allowance; any ticket
 * over it breaches the responsibility, and those tickets are listed with the time waited.
 * `attested`: what staff attested for the period, or not assessed. Breached tickets of a
 * responsibility with `excludeFromCompliance` are left out of the MSP's compliance figures.
 */
import type { BusinessCalendar } from '../calendar';
import type { Contribution, Period, TicketFacts } from '../metrics/metric-types';
import { minutes2 } from '../metrics/rounding';
import { waitingOnClientInPeriod } from '../metrics/ticket-history';
import { countWords, durationWords } from '../metrics/words';
import type { ResponsibilityTerms, Target } from '../pact/pact-types';
import { targetSeconds } from '../sla';
import { toClockTarget } from '../tickets';
import type { ResponsibilityEvaluation } from './goal-types';

export type Attestation = { kept: boolean; note: string; by: string; at: Date };

export type ResponsibilityInput = {
  responsibility: ResponsibilityTerms;
  period: Period;
  /** The contract's calendar. */
  calendar: BusinessCalendar;
  tickets: readonly TicketFacts[];
  attestation: Attestation | null;
};

/**
 * The allowance in business seconds for a ticket. Business days convert as the SLA model
 * converts a target: the business time from the ticket's creation to the same time of day that
 * many business days later.
 */
export function allowanceSeconds(calendar: BusinessCalendar, createdAt: Date, allowance: Target): number {
  return targetSeconds(calendar, createdAt, toClockTarget(allowance));
}

function allowanceWords(allowance: Target): string {
  switch (allowance.unit) {
    case 'minutes':
      return `${durationWords(allowance.minutes * 60)} of business time`;
    case 'business_days':
      return `${countWords(allowance.days, 'business day')}${allowance.plusMinutes ? ` and ${durationWords(allowance.plusMinutes * 60)}` : ''}`;
    default: {
      const unreachable: never = allowance;
      throw new Error(`unknown target ${JSON.stringify(unreachable)}`);
    }
  }
}

function waitingOnClient(input: ResponsibilityInput, allowance: Target): Pick<ResponsibilityEvaluation, 'outcome' | 'reason' | 'tickets'> {
  const over: Contribution[] = [];
  let waited = 0;
  const limitWords = allowanceWords(allowance);
  for (const ticket of input.tickets) {
    const w = waitingOnClientInPeriod(ticket, input.calendar, input.period);
    if (!w.overlaps) continue;
    waited += 1;
    const limit = allowanceSeconds(input.calendar, ticket.createdAt, allowance);
    if (w.businessSeconds <= limit) continue;
    over.push({
      ticketId: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      outcome: 'breached',
      value: minutes2(w.businessSeconds),
      note: `waited ${durationWords(w.businessSeconds)} of business time on the client; allowance ${limitWords}`,
    });
  }
  over.sort((a, b) => a.number - b.number);
  if (over.length > 0) return { outcome: 'breached', reason: `${countWords(over.length, 'ticket')} waited on the client longer than ${limitWords}`, tickets: over };
  const reason = waited === 0 ? 'No ticket waited on the client in the period' : `${countWords(waited, 'ticket')} waited on the client, none longer than ${limitWords}`;
  return { outcome: 'kept', reason, tickets: [] };
}

export function evaluateResponsibility(input: ResponsibilityInput): ResponsibilityEvaluation {
  const r = input.responsibility;
  const base = { responsibilityId: r.responsibilityId, description: r.description, measure: r.measure.kind, excludeFromCompliance: r.excludeFromCompliance };
  const attestation = input.attestation ? { kept: input.attestation.kept, note: input.attestation.note, by: input.attestation.by, at: input.attestation.at.toISOString() } : undefined;
  switch (r.measure.kind) {
    case 'waiting_on_client':
      return { ...base, ...waitingOnClient(input, r.measure.allowance), ...(attestation ? { attestation } : {}) };
    case 'attested': {
      if (!attestation) return { ...base, outcome: 'not_assessed', reason: 'Not attested for the period', tickets: [] };
      const reason = `${attestation.kept ? 'Kept' : 'Not kept'}, attested by ${attestation.by}${attestation.note ? `: ${attestation.note}` : ''}`;
      return { ...base, outcome: attestation.kept ? 'kept' : 'breached', reason, tickets: [], attestation };
    }
    default: {
      const unreachable: never = r.measure;
      throw new Error(`unknown responsibility measure ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Tickets to leave out of compliance and time figures: those listed by a breached
 * responsibility that says so, with the first such responsibility as the reason.
 */
export function exclusionsFrom(evaluations: readonly ResponsibilityEvaluation[], periodKey: string, into = new Map<string, string>()): Map<string, string> {
  for (const e of evaluations) {
    if (!e.excludeFromCompliance || e.outcome !== 'breached') continue;
    for (const t of e.tickets) if (!into.has(t.ticketId)) into.set(t.ticketId, `client breached in ${periodKey}: ${e.description} (${t.note ?? 'over the allowance'})`);
  }
  return into;
}
