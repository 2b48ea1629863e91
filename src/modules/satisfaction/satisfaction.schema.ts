import { z } from 'zod';
import { JOURNEY_STAGES } from '../../domain/satisfaction/satisfaction-types';

const id = z.uuid({ message: 'must be an id' });
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date, YYYY-MM-DD');

export const SUMMARY_DIMENSIONS = ['client', 'technician', 'plan', 'category'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

export const summaryQuery = z.strictObject({
  from: day.optional().describe('first day of the period (UTC), inclusive; default: 89 days before `to`'),
  to: day.optional().describe('last day of the period (UTC), inclusive; default: today'),
  by: z.enum(SUMMARY_DIMENSIONS, { message: 'must be client, technician, plan or category' }).optional().describe('default: client for staff, category for client admins'),
  clientId: id.optional(),
});

const figures = {
  csat: z.object({
    average: z.number().nullable().describe('mean score 1-5 of the answers given in the period'),
    positivePercent: z.number().nullable(),
    responses: z.number().int(),
    sent: z.number().int().describe('surveys sent in the period'),
    responseRate: z.number().nullable().describe("answered by the period's end / sent x 100"),
  }),
  nps: z.object({ nps: z.number().nullable(), responses: z.number().int() }).nullable().describe('by client and in the total only'),
};

export const summaryRow = z.object({ key: z.string().nullable(), label: z.string(), ...figures });

export const summaryView = z.object({
  by: z.enum(SUMMARY_DIMENSIONS),
  from: z.string(),
  to: z.string(),
  rows: z.array(summaryRow),
  total: summaryRow,
});

const text = z.string();
export const riskReason = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('satisfaction_trend'), text, previous: z.number(), current: z.number() }),
  z.object({ rule: z.literal('nps_drop'), text, previous: z.number(), current: z.number() }),
  z.object({ rule: z.literal('bad_rating_streak'), text, count: z.number().int(), ticketIds: z.array(z.string()) }),
  z.object({ rule: z.literal('intractable_problem'), text, problemId: z.string(), openDays: z.number().int() }),
  z.object({ rule: z.literal('goals_missed_twice'), text, goalId: z.string(), periods: z.tuple([z.string(), z.string()]) }),
]);

export const atRiskQuery = z.strictObject({ accountManagerId: id.optional() });

const person = z.object({ id: z.string(), name: z.string() });

export const atRiskItem = z.object({
  client: z.object({ id: z.string(), name: z.string() }),
  accountManager: person.nullable(),
  stage: z.enum(JOURNEY_STAGES).nullable(),
  stageLabel: z.string().nullable(),
  reasons: z.array(riskReason),
  score: z.number().int(),
});

export const atRiskList = z.array(atRiskItem);

export const clientParams = z.object({ clientId: id });

export const clientRiskView = z.object({ reasons: z.array(riskReason), score: z.number().int(), evaluatedAt: z.string() });
