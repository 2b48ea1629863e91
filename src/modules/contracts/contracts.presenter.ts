import type { AmendmentRow } from '../../db/schema';
import type { ContractTerms } from '../../domain/pact/pact-types';
import type { Cursor } from '../../http/pagination';
import type { ContractListRow } from './contracts.repository';

/** Terms as the API shows them: goals and responsibilities always listed (terms agreed before goals existed have none). */
export function presentTerms(terms: ContractTerms): Record<string, unknown> {
  return { ...terms, goals: terms.goals ?? [], responsibilities: terms.responsibilities ?? [] };
}

export function presentAmendment(a: AmendmentRow, withTerms = true) {
  return {
    contractId: a.contract_id,
    number: a.number,
    summary: a.summary,
    changes: a.changes as unknown as Record<string, unknown>[],
    ...(withTerms ? { terms: presentTerms(a.terms) } : {}),
    effectiveAt: a.effective_at.toISOString(),
    status: a.status,
    inForceFrom: a.in_force_from ? a.in_force_from.toISOString() : null,
    proposedBy: a.proposed_by,
    proposedAt: a.proposed_at.toISOString(),
    decision: a.decided_at
      ? { byUserId: a.decided_by, byName: a.decided_by_name, at: a.decided_at.toISOString(), ip: a.decision_ip, reason: a.rejection_reason }
      : null,
  };
}

/** The list view; `terms` (the draft, or the terms in force now) give the plan and calendar. */
export function presentContractItem(c: ContractListRow, terms: ContractTerms | null) {
  return {
    id: c.id,
    clientId: c.client_id,
    clientName: c.client_name,
    name: c.name,
    status: c.status,
    startsAt: c.starts_at.toISOString(),
    endsAt: c.ends_at ? c.ends_at.toISOString() : null,
    planId: terms?.plan.planId ?? null,
    planName: terms?.plan.name ?? null,
    calendarId: terms?.calendarId ?? null,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    version: c.version,
  };
}

export const contractCursor = (c: ContractListRow): Cursor => ({ k: c.starts_at.toISOString(), id: c.id });
