import { periodLabel } from '../../domain/summaries';
import { MAX_ATTEMPTS } from '../../mail/outbox-deliverer';
import type { BatchRow, DeliveryRow, ScheduleRow, SummaryListRow, SummaryRow } from './summaries.repository';

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? 'Former user' } : null);

export function presentListItem(r: SummaryListRow) {
  return {
    id: r.id,
    periodKey: r.period_key,
    periodLabel: periodLabel(r.period_key, true),
    status: r.status,
    generatedAt: r.generated_at.toISOString(),
    publishedAt: iso(r.published_at),
    headline: r.headline,
  };
}

export function presentSummary(r: SummaryRow) {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    periodKey: r.period_key,
    periodLabel: periodLabel(r.period_key, true),
    status: r.status,
    document: r.document as unknown as Record<string, unknown>,
    narrative: r.narrative,
    narrativeBy: person(r.narrative_by, r.narrative_by_name),
    generatedAt: r.generated_at.toISOString(),
    generatedBy: person(r.generated_by, r.generated_by_name),
    publishedAt: iso(r.published_at),
    publishedBy: person(r.published_by, r.published_by_name),
    version: r.version,
    pdfUrl: `/api/v1/clients/${r.client_id}/summaries/${r.period_key}.pdf`,
  };
}

/** Queued until the deliverer sends it (retrying after errors); failed once it gave up. */
export function deliveryStatus(r: Pick<DeliveryRow, 'sent_at' | 'attempts' | 'outbox_email_id'>): 'queued' | 'sent' | 'failed' {
  if (r.sent_at) return 'sent';
  if (r.outbox_email_id === null || (r.attempts ?? 0) >= MAX_ATTEMPTS) return 'failed';
  return 'queued';
}

export function presentDelivery(r: DeliveryRow) {
  return {
    id: r.id,
    email: r.email,
    contact: r.contact_id ? { id: r.contact_id, name: r.contact_name ?? r.email } : null,
    status: deliveryStatus(r),
    requestedAt: r.created_at.toISOString(),
    requestedBy: r.requested_by_name,
    sentAt: iso(r.sent_at),
    error: r.sent_at ? null : r.last_error,
  };
}

export const DEFAULT_DAYS_AFTER = 3;

export function presentSchedule(period: 'monthly' | 'quarterly', r: ScheduleRow | undefined) {
  return {
    period,
    daysAfter: r?.days_after ?? DEFAULT_DAYS_AFTER,
    contactIds: r?.contact_ids ?? [],
    enabled: r?.enabled ?? false,
    configured: r !== undefined,
    version: r?.version ?? 0,
    updatedAt: iso(r?.updated_at),
  };
}

export function presentBatch(b: BatchRow) {
  return {
    id: b.id,
    periodKey: b.period_key,
    status: b.status,
    total: b.total,
    done: b.done,
    failed: b.failed,
    errors: b.errors,
    createdAt: b.created_at.toISOString(),
    startedAt: iso(b.started_at),
    finishedAt: iso(b.finished_at),
  };
}
