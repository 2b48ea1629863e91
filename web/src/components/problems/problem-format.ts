import { PROBLEM_STATUSES, type ProblemStatus } from '../../../../src/domain/satisfaction/satisfaction-types';
import type { Money } from '../../api/journey-types';

export { PROBLEM_STATUSES };

export const problemStatusLabels: Record<ProblemStatus, string> = {
  open: 'Open',
  known_error: 'Known error',
  plan_agreed: 'Plan agreed',
  resolved: 'Resolved',
};

/** What each status means, for the status select and the client. */
export const problemStatusHelp: Record<ProblemStatus, string> = {
  open: 'Recorded; the cause is being investigated.',
  known_error: 'The root cause is known; a workaround may keep users going.',
  plan_agreed: 'A long-term plan to remove the cause is agreed with the client.',
  resolved: 'The cause is removed; linked tickets should not come back.',
};

export const problemStatusColours: Record<ProblemStatus, string> = { open: 'red', known_error: 'orange', plan_agreed: 'blue', resolved: 'teal' };

export const problemStatusLabel = (s: string) => (s in problemStatusLabels ? problemStatusLabels[s as ProblemStatus] : s);

export function moneyText(m: Money | null | undefined): string {
  if (!m) return 'Not estimated';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency }).format(m.amountMinor / 100);
  } catch {
    return `${(m.amountMinor / 100).toFixed(2)} ${m.currency}`;
  }
}

export const ticketRef = (t: { number: number; reference?: string }) => t.reference ?? `T-${t.number}`;
