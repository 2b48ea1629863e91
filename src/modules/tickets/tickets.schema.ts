import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';
import { TICKET_STATUSES } from '../../domain/tickets';

const id = z.uuid({ message: 'must be an id' });
const status = z.enum(TICKET_STATUSES);
const tag = z.string().trim().min(1).max(50);
const mode = z.enum(['remote', 'onsite']);
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant with an offset' });

export const createTicketBody = z.strictObject({
  clientId: id,
  siteId: id.optional(),
  requesterContactId: id.optional(),
  catalogItemId: id.optional(),
  subject: z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters'),
  description: z.string().max(100_000).default(''),
  urgency: z.string().min(1).max(32).optional(),
  impact: z.string().min(1).max(32).optional(),
  deliveryMode: mode.optional(),
  tags: z.array(tag).max(20).optional(),
});

export const BULK_MAX_TICKETS = 100;
export const createTicketsBulkBody = z.strictObject({
  tickets: z.array(createTicketBody).min(1, 'needs at least one ticket').max(BULK_MAX_TICKETS, `takes at most ${BULK_MAX_TICKETS} tickets per request`),
});
export const bulkCreatedView = z.object({
  items: z.array(z.object({ id: z.string(), number: z.number(), reference: z.string(), priority: z.string(), noContract: z.boolean(), nextDueAt: z.string().nullable() })),
});

export const updateTicketBody = z.strictObject({
  subject: z.string().trim().min(1, 'is required').max(300).optional(),
  description: z.string().max(100_000).optional(),
  urgency: z.string().min(1).max(32).optional(),
  impact: z.string().min(1).max(32).optional(),
  priority: z.string().min(1).max(32).optional(),
  priorityReason: z.string().trim().min(1).max(500).optional(),
  catalogItemId: id.nullable().optional(),
  deliveryMode: mode.optional(),
  status: status.optional(),
  assigneeId: id.nullable().optional(),
  tags: z.array(tag).max(20).optional(),
});

const csv = z
  .string()
  .max(500)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

export const listTicketsQuery = z.strictObject({
  ...pageQuery,
  status: csv.pipe(z.array(z.enum([...TICKET_STATUSES, 'open']))).optional(),
  clientId: id.optional(),
  assigneeId: z.union([id, z.literal('none')]).optional(),
  priority: z.string().max(32).optional(),
  planId: id.optional(),
  risk: z.enum(['breached', 'at_risk']).optional(),
  q: z.string().trim().max(200).optional(),
  mine: z.enum(['true', 'false']).optional(),
  sort: z.enum(['due', 'created', 'number']).default('created'),
  order: z.enum(['asc', 'desc']).optional(),
});

export const ticketParams = z.object({ id });
export const attachmentParams = z.object({ id, attachmentId: id });
export const watcherParams = z.object({ id, userId: id });
export const timeEntryParams = z.object({ id, entryId: id });

export const commentBody = z.strictObject({ body: z.string().trim().min(1, 'is required').max(100_000), public: z.boolean().default(true) });
export const callBody = z.strictObject({ note: z.string().trim().min(1, 'is required').max(20_000) });
export const attachmentBody = z.strictObject({
  filename: z.string().trim().min(1, 'is required').max(255),
  contentType: z.string().trim().min(1).max(200),
  dataBase64: z.string().min(1, 'is required'),
  commentId: id.optional(),
  public: z.boolean().optional(),
});
export const watcherBody = z.strictObject({ userId: id });
export const timeEntryBody = z.strictObject({
  startedAt: instant,
  endedAt: instant.optional(),
  durationMinutes: z.number().int().min(1).max(24 * 60).optional(),
  note: z.string().max(5000).default(''),
  billable: z.boolean().default(true),
});

export const ticketSettingsBody = z.strictObject({
  pausingStatuses: z.array(z.enum(['new', 'assigned', 'in_progress', 'waiting_on_client', 'waiting_on_third_party'])).max(5).optional(),
  commentOnClosed: z.enum(['reopen', 'refuse']).optional(),
  unknownSenders: z.enum(['triage', 'refuse']).optional(),
  supportAddress: z.email({ message: 'must be an e-mail address' }).nullable().optional(),
  escalationUserId: id.nullable().optional(),
});

// ---------- views ----------

const clockEventView = z.object({ type: z.string(), at: z.string(), reason: z.string().optional(), percent: z.number().optional() });
export const clockView = z.object({
  state: z.enum(['running', 'paused', 'met', 'breached', 'not_started']),
  target: z.string(),
  targetSeconds: z.number(),
  startedAt: z.string(),
  dueAt: z.string(),
  percentUsed: z.number(),
  elapsedSeconds: z.number(),
  remainingSeconds: z.number(),
  completedAt: z.string().nullable(),
  nextThresholdAt: z.string().nullable(),
  events: z.array(clockEventView),
});
const person = z.object({ id: z.string(), name: z.string() });

export const ticketView = z.object({
  id: z.string(),
  number: z.number(),
  reference: z.string(),
  client: person,
  site: person.nullable(),
  requester: z.object({ contactId: z.string().nullable(), userId: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable() }),
  catalogItem: person.nullable(),
  subject: z.string(),
  description: z.string(),
  urgency: z.string(),
  impact: z.string(),
  priority: z.string(),
  priorityOverride: z.object({ reason: z.string() }).nullable(),
  deliveryMode: mode,
  status,
  assignee: person.nullable(),
  watchers: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  tags: z.array(z.string()),
  source: z.enum(['portal', 'email', 'api', 'staff']),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  contract: person.nullable(),
  noContract: z.boolean(),
  clocks: z.object({ firstResponse: clockView, resolution: clockView }).nullable(),
  targetsExplanation: z.array(z.string()),
  targetGeneration: z.number(),
  version: z.number(),
});
export const ticketPage = pageOf(ticketView);

export const commentView = z.object({
  id: z.string(),
  kind: z.enum(['comment', 'call']),
  public: z.boolean(),
  author: z.object({ userId: z.string().nullable(), contactId: z.string().nullable(), name: z.string(), email: z.string().nullable() }),
  body: z.string(),
  bodyHtml: z.string().nullable(),
  source: z.string(),
  messageId: z.string().nullable(),
  createdAt: z.string(),
});
export const commentList = z.object({ items: z.array(commentView) });

export const attachmentView = z.object({ id: z.string(), commentId: z.string().nullable(), public: z.boolean(), filename: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), createdAt: z.string() });
export const attachmentList = z.object({ items: z.array(attachmentView) });
export const watcherList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })) });
export const timeEntryView = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string().optional(),
  startedAt: z.string(),
  endedAt: z.string(),
  durationMinutes: z.number(),
  inCoverageMinutes: z.number(),
  afterHoursMinutes: z.number(),
  note: z.string(),
  billable: z.boolean(),
});
export const timeEntryList = z.object({ items: z.array(timeEntryView) });
export const timerView = z.object({ ticketId: z.string(), startedAt: z.string() });
export const ticketSettingsView = z.object({
  pausingStatuses: z.array(z.string()),
  commentOnClosed: z.enum(['reopen', 'refuse']),
  unknownSenders: z.enum(['triage', 'refuse']),
  supportAddress: z.string().nullable(),
  escalationUserId: z.string().nullable(),
});

export type CreateTicketInput = z.input<typeof createTicketBody>;
export type UpdateTicketInput = z.infer<typeof updateTicketBody>;
export type ListTicketsInput = z.infer<typeof listTicketsQuery>;
export type TimeEntryInput = z.infer<typeof timeEntryBody>;
export type AttachmentInput = z.infer<typeof attachmentBody>;
export type TicketSettingsInput = z.infer<typeof ticketSettingsBody>;
