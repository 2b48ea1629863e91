import { z } from 'zod';

const id = z.uuid({ message: 'must be an id' });
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const QUARTER = /^\d{4}-Q[1-4]$/;
export const monthKey = z.string().regex(MONTH, 'must be a month, YYYY-MM (e.g. 2026-10)');
/** A goal's own period: a month, or a quarter for quarterly goals. */
export const goalPeriodKey = z.string().regex(new RegExp(`${MONTH.source}|${QUARTER.source}`), 'must be a month (YYYY-MM) or a quarter (YYYY-Qn)');
const revision = z.coerce.number().int('must be a revision number').min(1, 'must be a revision number').max(10_000, 'must be a revision number');
const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

export const contractParams = z.object({ id });
export const periodParams = z.object({ id, periodKey: monthKey });
export const goalParams = z.object({ id, periodKey: monthKey, goalId: z.string().min(1).max(100) });
export const manualValueParams = z.object({ id, valueId: id });
/** `2026-10`, `2026-10.csv` or `2026-10.pdf`: the statement as JSON, CSV or PDF. */
export const statementParams = z.object({ id, periodKey: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(\.(csv|pdf))?$/, 'must be a month, YYYY-MM, optionally with .csv or .pdf') });

export const revisionQuery = z.strictObject({ revision: revision.optional() });
export const trendQuery = z.strictObject({ periods: z.coerce.number().int('must be a whole number').min(1, 'must be between 1 and 60').max(60, 'must be between 1 and 60').default(12) });
export const periodQuery = z.strictObject({ periodKey: goalPeriodKey.optional() });
export const monthQuery = z.strictObject({ periodKey: monthKey.optional() });

export const evaluateBody = z.strictObject({ periodKey: monthKey });
export const reopenBody = z.strictObject({ reason: text(2000).describe('why the final scorecard is re-opened (kept with the new revision and in the audit log)') });

// The largest evidence file, base64 (4 characters per 3 bytes), with room for the JSON around it.
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const MANUAL_VALUE_BODY_LIMIT = Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 64 * 1024;

export const manualValueBody = z.strictObject({
  goalId: z.string().trim().min(1, 'is required').max(100),
  periodKey: goalPeriodKey,
  value: z.number({ message: 'must be a number' }).finite('must be a finite number').min(-1e12, 'is out of range').max(1e12, 'is out of range'),
  // Checked in the service too, so a blank note names evidenceNote whatever else is wrong.
  evidenceNote: z.string().max(2000, 'must be at most 2000 characters').optional(),
  evidenceUrl: z
    .string()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .regex(/^https?:\/\/\S+$/i, 'must be an http(s) address')
    .optional(),
  evidenceFile: z
    .strictObject({
      filename: z.string().trim().min(1, 'is required').max(255, 'must be at most 255 characters'),
      contentType: z.string().trim().min(1, 'is required').max(200),
      dataBase64: z.string().min(1, 'is required'),
    })
    .optional(),
});

export const attestationBody = z.strictObject({
  responsibilityId: z.string().trim().min(1, 'is required').max(100),
  periodKey: monthKey,
  kept: z.boolean(),
  note: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
});

export const countBody = z.strictObject({
  kind: z.enum(['users', 'devices'], { message: "must be 'users' or 'devices'" }),
  count: z.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(10_000_000, 'must be at most 10,000,000'),
  effectiveFrom: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }),
  note: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
});

// ---------- views ----------

const person = z.object({ id: z.string(), name: z.string() }).nullable();
const status = z.enum(['draft', 'final']);
// The documents are the domain's types (src/domain/goals/goal-types.ts), sent as stored.
const documentView = z.record(z.string(), z.unknown());

export const scorecardSummary = z.object({
  periodKey: z.string(),
  revision: z.number(),
  status,
  evaluatedAt: z.string(),
  finalisedAt: z.string().nullable(),
  goals: z.object({ met: z.number(), missed: z.number(), notEvaluable: z.number() }),
  creditMinor: z.number(),
  incentiveMinor: z.number(),
  currency: z.string(),
});
export const scorecardList = z.object({ items: z.array(scorecardSummary) });

export const scorecardView = z.object({
  id: z.string(),
  contractId: z.string(),
  periodKey: z.string(),
  revision: z.number(),
  status,
  revisions: z.array(z.object({ revision: z.number(), status, finalisedAt: z.string().nullable(), reopenReason: z.string().nullable() })),
  document: documentView,
  evaluatedAt: z.string(),
  finalisedBy: person,
  finalisedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  reopenedBy: person,
  version: z.number(),
});

export const goalTicket = z.object({
  ticketId: z.string(),
  number: z.number(),
  reference: z.string(),
  subject: z.string(),
  outcome: z.enum(['met', 'breached', 'counted', 'excluded']),
  value: z.number().nullable(),
  note: z.string().nullable(),
  priority: z.string().nullable(),
  createdAt: z.string().nullable(),
});
/** The goal's evaluation as stored, its contributions joined to the tickets, and the scorecard it belongs to. */
export const goalView = z
  .object({ goalId: z.string(), contributions: z.array(goalTicket), scorecard: z.object({ periodKey: z.string(), revision: z.number(), status }) })
  .catchall(z.unknown());

const trendGoal = z.object({
  goalId: z.string(),
  objective: z.string(),
  unit: z.string(),
  target: z.number(),
  comparator: z.string(),
  points: z.array(z.object({ periodKey: z.string(), monthKey: z.string(), value: z.number().nullable(), outcome: z.string(), status })),
});
export const trendView = z.object({ goals: z.array(trendGoal) });

export const manualValueView = z.object({
  id: z.string(),
  goalId: z.string(),
  periodKey: z.string(),
  value: z.number(),
  evidenceNote: z.string(),
  evidenceUrl: z.string().nullable(),
  hasFile: z.boolean(),
  evidenceFilename: z.string().nullable(),
  evidenceContentType: z.string().nullable(),
  enteredBy: person,
  enteredAt: z.string(),
  current: z.boolean(),
});
export const manualValueList = z.object({ items: z.array(manualValueView) });

export const attestationView = z.object({
  id: z.string(),
  responsibilityId: z.string(),
  periodKey: z.string(),
  kept: z.boolean(),
  note: z.string(),
  attestedBy: person,
  attestedAt: z.string(),
  current: z.boolean(),
});
export const attestationList = z.object({ items: z.array(attestationView) });

export const countView = z.object({ id: z.string(), kind: z.enum(['users', 'devices']), count: z.number(), effectiveFrom: z.string(), note: z.string(), recordedBy: person, recordedAt: z.string() });
export const countList = z.object({ items: z.array(countView) });

export const statementView = z.object({
  contractId: z.string(),
  contractName: z.string(),
  organisation: z.string(),
  clientName: z.string(),
  periodKey: z.string(),
  revision: z.number(),
  status,
  statement: documentView,
});

export const reviewPackView = z.object({
  contract: z.object({ id: z.string(), name: z.string(), clientId: z.string(), clientName: z.string(), status: z.string(), startsAt: z.string(), endsAt: z.string().nullable() }),
  latest: scorecardSummary.nullable(),
  trend: trendView,
  openResponsibilities: z.array(documentView),
  goalsMissedTwiceRunning: z.array(z.object({ goalId: z.string(), objective: z.string(), periods: z.array(z.string()) })),
});

export type ManualValueInput = z.infer<typeof manualValueBody>;
export type AttestationInput = z.infer<typeof attestationBody>;
export type CountInput = z.infer<typeof countBody>;
