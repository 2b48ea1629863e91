import { problemReference, ticketReference } from '../../domain/satisfaction/journey-suggestions';
import type { Cursor } from '../../http/pagination';
import type { MilestoneRow, ProblemRow, RecurringGroup, TicketHead } from './problems.repository';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export const presentMilestone = (m: MilestoneRow) => ({ id: m.id, title: m.title, dueOn: m.due_on, doneOn: m.done_on });

export function presentProblemItem(p: ProblemRow) {
  return {
    id: p.id,
    number: p.number,
    reference: problemReference(p.number),
    client: { id: p.client_id, name: p.client_name },
    title: p.title,
    status: p.status,
    ticketCount: Number(p.ticket_count),
    openedAt: p.opened_at.toISOString(),
    resolvedAt: iso(p.resolved_at),
    nextMilestone: p.next_milestone ? presentMilestone(p.next_milestone) : null,
  };
}

const presentTicket = (t: { id: string; number: number; subject: string; status: string; created_at: Date | string }) => ({
  id: t.id,
  number: t.number,
  reference: ticketReference(t.number),
  subject: t.subject,
  status: t.status,
  createdAt: new Date(t.created_at).toISOString(),
});

export function presentProblem(p: ProblemRow, tickets: readonly TicketHead[], milestones: readonly MilestoneRow[]) {
  return {
    ...presentProblemItem(p),
    description: p.description,
    rootCause: p.root_cause,
    workaround: p.workaround,
    plan: p.plan,
    estimatedCost: p.estimated_cost_minor !== null && p.currency !== null ? { amountMinor: Number(p.estimated_cost_minor), currency: p.currency } : null,
    tickets: tickets.map(presentTicket),
    milestones: milestones.map(presentMilestone),
    createdBy: { id: p.created_by, name: p.created_by_name },
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    version: p.version,
  };
}

export const problemCursor = (p: ProblemRow): Cursor => ({ k: p.number, id: p.id });

export function presentRecurringGroup(g: RecurringGroup) {
  return {
    clientId: g.client_id,
    client: { id: g.client_id, name: g.client_name },
    catalogItem: { id: g.catalog_item_id, name: g.catalog_item_name },
    site: g.site_id && g.site_name !== null ? { id: g.site_id, name: g.site_name } : null,
    tickets: g.tickets.map(presentTicket),
  };
}
