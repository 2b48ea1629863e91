import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';

const id = z.uuid({ message: 'must be an id' });
const ids = (what: string) => z.array(z.uuid({ message: `must be ${what} ids` }), { message: `must be a list of ${what} ids` }).max(500, 'must list at most 500').transform((v) => [...new Set(v)]);

export const announcementKind = z.enum(['service_notice', 'newsletter'], { message: "must be 'service_notice' or 'newsletter'" });
export const contactRole = z.enum(['primary', 'billing', 'technical', 'approver'], { message: 'must be primary, billing, technical or approver' });

/** Who receives it: every given filter applies; an empty (or absent) list does not filter. */
export const audience = z.strictObject({
  clientIds: ids('client').optional(),
  planIds: ids('plan').optional(),
  siteIds: ids('site').optional(),
  contactRoles: z.array(contactRole).max(4).transform((v) => [...new Set(v)]).optional(),
});

const subject = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
// The sanitised HTML must still have text; the service checks that and names bodyHtml.
const bodyHtml = z.string().max(100_000, 'must be at most 100,000 characters');

export const createAnnouncementBody = z.strictObject({ kind: announcementKind, subject, bodyHtml, audience: audience.default({}) });
export const updateAnnouncementBody = z.strictObject({ kind: announcementKind.optional(), subject: subject.optional(), bodyHtml: bodyHtml.optional(), audience: audience.optional() });
export const sendBody = z.strictObject({ at: z.iso.datetime({ offset: true, message: 'must be a date and time, ISO 8601 (e.g. 2026-12-24T09:00:00Z)' }).optional() });
export const audiencePreviewBody = z.strictObject({ kind: announcementKind.default('service_notice'), audience: audience.default({}) });

export const announcementParams = z.object({ id });
export const listAnnouncementsQuery = z.strictObject({ ...pageQuery, status: z.enum(['draft', 'scheduled', 'sending', 'sent', 'cancelled'], { message: 'must be draft, scheduled, sending, sent or cancelled' }).optional() });
export const recipientsQuery = z.strictObject({ ...pageQuery, status: z.enum(['queued', 'sent', 'failed', 'unsubscribed'], { message: 'must be queued, sent, failed or unsubscribed' }).optional() });
export const portalListQuery = z.strictObject({ ...pageQuery });
export const tokenParams = z.object({ token: z.string().min(10, 'is not a valid link').max(200, 'is not a valid link') });

// ---------- views ----------

const status = z.enum(['draft', 'scheduled', 'sending', 'sent', 'cancelled']);
const counts = z.object({ total: z.number(), queued: z.number(), sent: z.number(), failed: z.number(), unsubscribed: z.number() });
const audienceView = z.object({ clientIds: z.array(z.string()), planIds: z.array(z.string()), siteIds: z.array(z.string()), contactRoles: z.array(contactRole) });

export const announcementSummary = z.object({
  id: z.string(),
  kind: announcementKind,
  subject: z.string(),
  status,
  scheduledFor: z.string().nullable(),
  sentAt: z.string().nullable(),
  counts,
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const announcementPage = pageOf(announcementSummary);

export const announcementView = announcementSummary.extend({ bodyHtml: z.string(), bodyText: z.string(), audience: audienceView });

export const previewView = z.object({
  count: z.number(),
  // Newsletters only: addresses that unsubscribed, which the count leaves out.
  unsubscribed: z.number(),
  sample: z.array(z.object({ client: z.string(), name: z.string(), email: z.string() })),
});

export const recipientView = z.object({
  id: z.string(),
  client: z.object({ id: z.string(), name: z.string() }),
  contact: z.object({ id: z.string(), name: z.string() }).nullable(),
  email: z.string(),
  status: z.enum(['queued', 'sent', 'failed', 'unsubscribed']),
  sentAt: z.string().nullable(),
  attempts: z.number(),
  error: z.string().nullable(),
});
export const recipientPage = pageOf(recipientView);

export const portalAnnouncementView = z.object({ id: z.string(), kind: announcementKind, subject: z.string(), bodyHtml: z.string(), sentAt: z.string() });
export const portalAnnouncementPage = pageOf(portalAnnouncementView);

export const publicUnsubscribeView = z.object({ organisation: z.string(), email: z.string(), subject: z.string(), unsubscribed: z.boolean() });

export type AudienceInput = z.infer<typeof audience>;
export type CreateAnnouncementInput = z.infer<typeof createAnnouncementBody>;
export type UpdateAnnouncementInput = z.infer<typeof updateAnnouncementBody>;
export type ListAnnouncementsInput = z.infer<typeof listAnnouncementsQuery>;
export type RecipientsInput = z.infer<typeof recipientsQuery>;
export type PortalListInput = z.infer<typeof portalListQuery>;
