import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';

const id = z.uuid({ message: 'must be an id' });
const day = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });

export const COMMENT_MAX = 2000;

// ---------- public (by link) ----------

export const tokenParams = z.object({ token: z.string().min(1, 'is required').max(1000, 'is not a survey link') });

/** The rating is checked against the survey's scale in the service, so the message can name the scale. */
export const answerBody = z.strictObject({
  rating: z.number({ message: 'must be a whole number' }).int('must be a whole number'),
  comment: z.string().trim().max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`).optional(),
});

export const responseView = z.object({ rating: z.number(), comment: z.string(), respondedAt: z.string() });

export const publicSurveyView = z.object({
  kind: z.enum(['csat', 'nps']),
  organisation: z.string(),
  scale: z.enum(['three', 'five', 'nps']),
  ticket: z.object({ number: z.number(), subject: z.string() }).nullable(),
  response: responseView.nullable(),
  expiresAt: z.string(),
});

// ---------- a ticket's survey (signed in) ----------

export const ticketParams = z.object({ id });

export const ticketSatisfactionView = z.object({
  survey: z
    .object({
      scale: z.enum(['three', 'five']),
      rating: z.number().nullable(),
      score: z.number().nullable(),
      comment: z.string(),
      respondedAt: z.string().nullable(),
      sentAt: z.string(),
      expiresAt: z.string(),
    })
    .nullable(),
  canRespond: z.boolean(),
});

// ---------- CSAT responses ----------

export const csatListQuery = z.strictObject({
  clientId: id.optional(),
  technicianId: id.optional(),
  from: day.optional().describe('first day of answers (UTC), included'),
  to: day.optional().describe('last day of answers (UTC), included'),
  rating: z.enum(['negative', 'positive'], { message: "must be 'negative' or 'positive'" }).optional(),
  ...pageQuery,
});

const person = z.object({ id: z.string(), name: z.string() });

export const csatResponseView = z.object({
  id: z.string(),
  ticket: z.object({ id: z.string(), number: z.number(), subject: z.string() }),
  client: person,
  technician: person.nullable(),
  scale: z.enum(['three', 'five']),
  rating: z.number(),
  score: z.number(),
  comment: z.string(),
  respondedAt: z.string(),
  followUpTicketId: z.string().nullable(),
});
export const csatResponsePage = pageOf(csatResponseView);

// ---------- settings ----------

export const settingsView = z.object({
  csatScale: z.enum(['three', 'five']),
  csatLinkDays: z.number(),
  csatFollowUp: z.enum(['notify', 'ticket']),
  npsEnabled: z.boolean(),
  npsMonthOfQuarter: z.number(),
  npsDayOfMonth: z.number(),
  npsTimeZone: z.string(),
  risk: z.object({ windowDays: z.number(), csatDrop: z.number(), badStreak: z.number(), problemDays: z.number() }),
  version: z.number(),
});

const whole = (min: number, max: number) =>
  z.number({ message: 'must be a whole number' }).int('must be a whole number').min(min, `must be from ${min} to ${max}`).max(max, `must be from ${min} to ${max}`);

export const settingsBody = z.strictObject({
  csatScale: z.enum(['three', 'five'], { message: "must be 'three' or 'five'" }).optional(),
  csatLinkDays: whole(1, 90).optional(),
  csatFollowUp: z.enum(['notify', 'ticket'], { message: "must be 'notify' or 'ticket'" }).optional(),
  npsEnabled: z.boolean({ message: 'must be true or false' }).optional(),
  npsMonthOfQuarter: whole(1, 3).optional(),
  npsDayOfMonth: whole(1, 28).optional(),
  // Checked against the zone database in the service.
  npsTimeZone: z.string().trim().min(1, 'is required').max(100, 'is not a time zone').optional(),
  risk: z
    .strictObject({
      windowDays: whole(14, 730).optional(),
      csatDrop: z
        .number({ message: 'must be a number' })
        .gt(0, 'must be more than 0 and at most 4')
        .max(4, 'must be more than 0 and at most 4')
        // Stored as numeric(4, 2): more decimals would be rounded away silently.
        .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'must have at most 2 decimals')
        .optional(),
      badStreak: whole(2, 20).optional(),
      problemDays: whole(1, 3650).optional(),
    })
    .optional(),
});

// ---------- NPS ----------

export const npsRoundBody = z.strictObject({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter, YYYY-Qn (e.g. 2026-Q4)') });
export const roundParams = z.object({ id });

export const npsRoundView = z.object({
  id: z.string(),
  quarter: z.string(),
  startedAt: z.string(),
  startedBy: person.nullable(),
  expiresAt: z.string(),
  recipientCount: z.number(),
  responseCount: z.number(),
  responseRate: z.number().nullable(),
  nps: z.number().nullable(),
});
export const npsRoundList = z.object({ items: z.array(npsRoundView) });

export const npsResponsesQuery = z.strictObject({ ...pageQuery });
export const npsResponseView = z.object({ id: z.string(), client: person, email: z.string(), score: z.number(), comment: z.string(), respondedAt: z.string() });
export const npsResponsePage = pageOf(npsResponseView);

export type AnswerInput = z.infer<typeof answerBody>;
export type CsatListInput = z.infer<typeof csatListQuery>;
export type SettingsInput = z.infer<typeof settingsBody>;
