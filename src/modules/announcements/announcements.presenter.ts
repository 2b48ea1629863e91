import type { Cursor } from '../../http/pagination';
import type { AnnouncementRow, PortalAnnouncementRow, RecipientRow } from './announcements.repository';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function presentAnnouncementSummary(a: AnnouncementRow) {
  return {
    id: a.id,
    kind: a.kind,
    subject: a.subject,
    status: a.status,
    scheduledFor: iso(a.scheduled_for),
    sentAt: iso(a.sent_at),
    counts: a.counts,
    createdBy: { id: a.created_by, name: a.created_by_name },
    createdAt: iso(a.created_at)!,
    updatedAt: iso(a.updated_at)!,
    version: a.version,
  };
}

export function presentAnnouncement(a: AnnouncementRow) {
  return {
    ...presentAnnouncementSummary(a),
    bodyHtml: a.body_html,
    bodyText: a.body_text,
    audience: { clientIds: a.audience.clientIds ?? [], planIds: a.audience.planIds ?? [], siteIds: a.audience.siteIds ?? [], contactRoles: a.audience.contactRoles ?? [] },
  };
}

export const announcementCursor = (a: AnnouncementRow): Cursor => ({ k: iso(a.created_at), id: a.id });

export function presentRecipient(r: RecipientRow) {
  return {
    id: r.id,
    client: { id: r.client_id, name: r.client_name },
    contact: r.contact_id && r.contact_name !== null ? { id: r.contact_id, name: r.contact_name } : null,
    email: r.email,
    status: r.status,
    sentAt: iso(r.sent_at),
    attempts: r.attempts,
    error: r.status === 'sent' ? null : r.last_error,
  };
}

export const recipientCursor = (r: RecipientRow): Cursor => ({ k: r.email.toLowerCase(), id: r.id });

export function presentPortalAnnouncement(a: PortalAnnouncementRow) {
  return { id: a.id, kind: a.kind, subject: a.subject, bodyHtml: a.body_html, sentAt: iso(a.sent_at)! };
}

export const portalCursor = (a: PortalAnnouncementRow): Cursor => ({ k: iso(a.sent_at), id: a.id });
