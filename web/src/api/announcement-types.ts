// Shapes of the announcements API (docs/api-communication.md, "Announcements").
import type { ContactRole } from './types';

export type AnnouncementKind = 'service_notice' | 'newsletter';
export type AnnouncementStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';
export type RecipientStatus = 'queued' | 'sent' | 'failed' | 'unsubscribed';

export type Audience = { clientIds: string[]; planIds: string[]; siteIds: string[]; contactRoles: ContactRole[] };
export type RecipientCounts = { total: number; queued: number; sent: number; failed: number; unsubscribed: number };

export type AnnouncementSummary = {
  id: string;
  kind: AnnouncementKind;
  subject: string;
  status: AnnouncementStatus;
  scheduledFor: string | null;
  sentAt: string | null;
  counts: RecipientCounts;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type Announcement = AnnouncementSummary & { bodyHtml: string; bodyText: string; audience: Audience };

export type AnnouncementInput = { kind: AnnouncementKind; subject: string; bodyHtml: string; audience: Audience };

export type AudiencePreview = { count: number; unsubscribed: number; sample: Array<{ client: string; name: string; email: string }> };

export type Recipient = {
  id: string;
  client: { id: string; name: string };
  contact: { id: string; name: string } | null;
  email: string;
  status: RecipientStatus;
  sentAt: string | null;
  attempts: number;
  error: string | null;
};

export type PortalAnnouncement = { id: string; kind: AnnouncementKind; subject: string; bodyHtml: string; sentAt: string };

export type PublicUnsubscribe = { organisation: string; email: string; subject: string; unsubscribed: boolean };
