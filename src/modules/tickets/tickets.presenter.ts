import type { TicketCommentRow, TimeEntryRow } from '../../db/schema';
import { targetInWords } from '../../domain/pact/target-words';
import type { ClockEvent, ClockState } from '../../domain/sla';
import type { TicketClocks, TicketClockTargets, TicketTargetsDocument } from '../../domain/tickets';
import type { Cursor } from '../../http/pagination';
import type { AttachmentMeta, TicketViewRow } from './tickets.repository';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

function presentClockEvent(e: ClockEvent) {
  const base = { type: e.type, at: e.at.toISOString() };
  switch (e.type) {
    case 'paused':
    case 'resumed':
    case 'target_changed':
      return { ...base, reason: e.reason };
    case 'warned':
      return { ...base, percent: e.percent };
    case 'breached':
      return { ...base, percent: 100 };
    default:
      return base;
  }
}

function presentClock(state: ClockState, t: TicketClockTargets) {
  const travel = t.explanation.some((l) => l.includes('travel')) && t.target.unit === 'business_days' ? (t.target.plusMinutes ?? 0) : 0;
  return {
    state: state.state,
    target: targetInWords(t.target, travel),
    targetSeconds: state.targetSeconds,
    startedAt: state.startedAt.toISOString(),
    dueAt: state.dueAt.toISOString(),
    percentUsed: Math.round(state.percentUsed * 10) / 10,
    elapsedSeconds: state.elapsedSeconds,
    remainingSeconds: state.remainingSeconds,
    completedAt: iso(state.completedAt),
    nextThresholdAt: iso(state.nextThresholdAt),
    events: state.events.map(presentClockEvent),
  };
}

export function presentTicket(t: TicketViewRow, clocks: TicketClocks | null, watchers: { id: string; name: string; email: string }[]) {
  const doc = t.targets as TicketTargetsDocument | null;
  return {
    id: t.id,
    number: t.number,
    reference: `T-${t.number}`,
    client: { id: t.client_id, name: t.client_name },
    site: t.site_id && t.site_name !== null ? { id: t.site_id, name: t.site_name } : null,
    requester: { contactId: t.requester_contact_id, userId: t.requester_user_id, name: t.contact_name ?? t.requester_name, email: t.contact_email ?? t.requester_email },
    catalogItem: t.catalog_item_id && t.catalog_item_name !== null ? { id: t.catalog_item_id, name: t.catalog_item_name } : null,
    subject: t.subject,
    description: t.description,
    urgency: t.urgency,
    impact: t.impact,
    priority: t.priority,
    priorityOverride: t.priority_override_reason !== null ? { reason: t.priority_override_reason } : null,
    deliveryMode: t.delivery_mode,
    status: t.status,
    assignee: t.assignee_id && t.assignee_name !== null ? { id: t.assignee_id, name: t.assignee_name } : null,
    watchers,
    tags: t.tags,
    source: t.source,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
    resolvedAt: iso(t.resolved_at),
    closedAt: iso(t.closed_at),
    contract: doc && t.contract_id ? { id: t.contract_id, name: doc.contractName } : null,
    noContract: t.no_contract,
    clocks: clocks && doc ? { firstResponse: presentClock(clocks.first_response, doc.firstResponse), resolution: presentClock(clocks.resolution, doc.resolution) } : null,
    targetsExplanation: doc?.explanation ?? ['No active contract: this ticket has no service-level clocks'],
    targetGeneration: t.target_generation,
    version: t.version,
  };
}

export const ticketCursor = (t: TicketViewRow): Cursor => ({ k: t.sort_key, id: t.id });

export function presentComment(c: TicketCommentRow) {
  return {
    id: c.id,
    kind: c.kind,
    public: c.public,
    author: { userId: c.author_user_id, contactId: c.author_contact_id, name: c.author_name, email: c.author_email },
    body: c.body,
    bodyHtml: c.body_html,
    source: c.source,
    messageId: c.message_id,
    createdAt: c.created_at.toISOString(),
  };
}

export function presentAttachment(a: AttachmentMeta) {
  return { id: a.id, commentId: a.comment_id, public: a.public, filename: a.filename, contentType: a.content_type, size: a.size_bytes, sha256: a.sha256, createdAt: a.created_at.toISOString() };
}

export function presentTimeEntry(e: TimeEntryRow & { user_name?: string }) {
  return {
    id: e.id,
    userId: e.user_id,
    ...(e.user_name !== undefined ? { userName: e.user_name } : {}),
    startedAt: e.started_at.toISOString(),
    endedAt: e.ended_at.toISOString(),
    durationMinutes: Math.round(e.duration_seconds / 6) / 10,
    inCoverageMinutes: Math.round(e.in_coverage_seconds / 6) / 10,
    afterHoursMinutes: Math.round(e.after_hours_seconds / 6) / 10,
    note: e.note,
    billable: e.billable,
  };
}
