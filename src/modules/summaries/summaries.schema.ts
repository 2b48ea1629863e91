import { z } from 'zod';

const id = z.uuid({ message: 'must be an id' });
const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
export const periodKey = z.string().regex(PERIOD, 'must be a month (YYYY-MM, e.g. 2026-10) or a quarter (YYYY-Qn, e.g. 2026-Q3)');

export const clientParams = z.object({ id });
/** `2026-10` or `2026-Q3`, optionally with `.pdf` for the PDF. */
export const summaryParams = z.object({ id, periodKey: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])(\.pdf)?$/, 'must be a month (YYYY-MM) or a quarter (YYYY-Qn), optionally with .pdf') });
export const scheduleParams = z.object({ id, period: z.enum(['monthly', 'quarterly'], { message: "must be 'monthly' or 'quarterly'" }) });
export const batchParams = z.object({ id });

export const generateBody = z.strictObject({ periodKey });
export const NARRATIVE_MAX = 20_000;
export const narrativeBody = z.strictObject({
  narrative: z.string().max(NARRATIVE_MAX, `must be at most ${NARRATIVE_MAX} characters`).describe('plain text; paragraphs separated by a blank line'),
});
export const deliverBody = z.strictObject({
  contactIds: z.array(id).min(1, 'choose at least one contact').max(50, 'at most 50 contacts at once'),
});
export const scheduleBody = z.strictObject({
  daysAfter: z.number({ message: 'must be a number' }).int('must be a whole number of business days').min(0, 'must be between 0 and 20').max(20, 'must be between 0 and 20'),
  contactIds: z.array(id).max(50, 'at most 50 contacts'),
  enabled: z.boolean({ message: 'must be true or false' }),
});
export const batchBody = z.strictObject({ periodKey });

const figure = z.object({ value: z.number().nullable(), sample: z.number() });

export const summaryListItem = z.object({
  id: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  status: z.enum(['draft', 'published']),
  generatedAt: z.string(),
  publishedAt: z.string().nullable(),
  headline: z
    .object({ opened: z.number(), firstResponseCompliance: figure, resolutionCompliance: figure, csatAverage: figure, nps: figure, goalsMet: z.number(), goalsEvaluated: z.number() })
    .passthrough()
    .nullable(),
});
export const summaryList = z.object({ items: z.array(summaryListItem) });

const person = z.object({ id: z.string(), name: z.string() }).nullable();
export const summaryView = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  status: z.enum(['draft', 'published']),
  document: z.record(z.string(), z.unknown()),
  narrative: z.string(),
  narrativeBy: person,
  generatedAt: z.string(),
  generatedBy: person,
  publishedAt: z.string().nullable(),
  publishedBy: person,
  version: z.number(),
  pdfUrl: z.string(),
});

export const deliveryView = z.object({
  id: z.string(),
  email: z.string(),
  contact: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: z.enum(['queued', 'sent', 'failed']),
  requestedAt: z.string(),
  requestedBy: z.string().nullable(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
});
export const deliveryList = z.object({ items: z.array(deliveryView) });

export const scheduleView = z.object({
  period: z.enum(['monthly', 'quarterly']),
  daysAfter: z.number(),
  contactIds: z.array(z.string()),
  enabled: z.boolean(),
  configured: z.boolean(),
  version: z.number(),
  updatedAt: z.string().nullable(),
});
export const scheduleList = z.object({ items: z.array(scheduleView) });

export const batchView = z.object({
  id: z.string(),
  periodKey: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  errors: z.array(z.object({ clientId: z.string(), message: z.string() })),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
