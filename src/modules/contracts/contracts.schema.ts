import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';
import { priorityTermsSchema, targetSchema, turnaroundSchema } from '../pact-defaults/pact-schemas';

const id = z.uuid({ message: 'must be an id' });
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant with an offset, e.g. 2026-12-01T09:00:00Z' });
const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');

export const contractStatus = z.enum(['draft', 'active', 'ended']);

export const listContractsQuery = z.strictObject({ ...pageQuery, clientId: id.optional(), status: contractStatus.optional() });
export const contractParams = z.object({ id });
export const amendmentParams = z.object({ id, number: z.coerce.number().int().min(1, 'must be an amendment number') });
export const scheduleQuery = z.strictObject({ amendment: z.coerce.number().int().min(1, 'must be an amendment number').optional() });

export const createContractBody = z.strictObject({ clientId: id, name, planId: id, calendarId: id.optional(), startsAt: instant, endsAt: instant.nullable().optional() });

// Goals and responsibilities: the shape here; the rules (target fits the metric's unit, penalties
// capped, scope within the matrix and the client's sites) in src/domain/pact/goal-rules.ts, so
// the answer names the field in the domain's words.
const longText = z.string().max(2000, 'must be at most 2000 characters');
const minor = z.number();
const moneyRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), amountMinor: minor }),
  z.strictObject({ kind: z.literal('percent_of_fee'), percent: z.number() }),
]);
// Caps are optional in the shape so that a missing cap is refused by the domain, naming the cap.
const caps = { capPerPeriodMinor: minor.optional(), capOverallMinor: minor.optional() };
const penaltyRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), amountMinor: minor, ...caps }),
  z.strictObject({ kind: z.literal('percent_of_fee'), percent: z.number(), ...caps }),
]);

export const goalSchema = z.strictObject({
  goalId: id.optional(),
  objective: longText,
  metric: z.strictObject({
    key: z.string().max(64),
    businessDays: z.number().optional(),
    manualName: z.string().max(200, 'must be at most 200 characters').optional(),
    manualUnit: z.enum(['percent', 'count', 'minutes', 'hours', 'number'], { error: 'must be percent, count, minutes, hours or number' }).optional(),
  }),
  scope: z
    .strictObject({
      priorities: z.array(z.string().max(32)).max(20).optional(),
      categories: z.array(z.string().max(32)).max(6).optional(),
      siteIds: z.array(z.string().max(64)).max(200).optional(),
    })
    .default({}),
  comparator: z.enum(['gte', 'gt', 'lte', 'lt'], { error: 'must be gte, gt, lte or lt' }),
  target: z.number(),
  period: z.enum(['monthly', 'quarterly'], { error: 'must be monthly or quarterly' }),
  minSample: z.number(),
  incentive: moneyRuleSchema.nullable().default(null),
  penalty: penaltyRuleSchema.nullable().default(null),
  method: longText,
});

export const responsibilitySchema = z.strictObject({
  responsibilityId: id.optional(),
  description: longText,
  measure: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('waiting_on_client'), allowance: targetSchema.optional() }),
    z.strictObject({ kind: z.literal('attested') }),
  ]),
  excludeFromCompliance: z.boolean().default(false),
});

export type GoalInput = z.infer<typeof goalSchema>;
export type ResponsibilityInput = z.infer<typeof responsibilitySchema>;

export const updateContractBody = z.strictObject({
  name: name.optional(),
  planId: id.optional(),
  calendarId: id.optional(),
  startsAt: instant.optional(),
  endsAt: instant.nullable().optional(),
  riderIds: z.array(id).max(20).optional(),
  catalogOverrides: z.record(id, turnaroundSchema).optional(),
  /** The draft's goals and responsibilities, each list replaced whole; entries without an id get one. */
  goals: z.array(goalSchema).max(50, 'must list at most 50 goals').optional(),
  responsibilities: z.array(responsibilitySchema).max(50, 'must list at most 50 responsibilities').optional(),
});

export const endContractBody = z.strictObject({ endsAt: instant });

export const amendmentChangeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('plan_changed'), fromPlanId: id.nullable().optional(), toPlanId: id }),
  z.strictObject({ type: z.literal('rider_added'), riderId: id }),
  z.strictObject({ type: z.literal('rider_removed'), riderId: id }),
  z.strictObject({ type: z.literal('catalog_override_set'), catalogItemId: id, turnaround: turnaroundSchema }),
  z.strictObject({ type: z.literal('catalog_override_removed'), catalogItemId: id }),
  z.strictObject({ type: z.literal('target_changed'), priority: z.string().min(1).max(32), terms: priorityTermsSchema }),
  z.strictObject({ type: z.literal('goal_set'), goal: goalSchema }),
  z.strictObject({ type: z.literal('goal_removed'), goalId: id }),
  z.strictObject({ type: z.literal('responsibility_set'), responsibility: responsibilitySchema }),
  z.strictObject({ type: z.literal('responsibility_removed'), responsibilityId: id }),
]);

export const proposeAmendmentBody = z.strictObject({ effectiveAt: instant, changes: z.array(amendmentChangeSchema).min(1, 'must list at least one change').max(50) });
export const rejectAmendmentBody = z.strictObject({ reason: z.string().trim().min(1, 'is required: say why the amendment is rejected').max(2000, 'must be at most 2000 characters') });

// Terms are the domain's documents; the API returns them as stored.
const termsView = z.record(z.string(), z.unknown());

export const amendmentView = z.object({
  contractId: z.string(),
  number: z.number(),
  summary: z.string(),
  changes: z.array(z.record(z.string(), z.unknown())),
  terms: termsView.optional(),
  effectiveAt: z.string(),
  status: z.enum(['proposed', 'accepted', 'rejected', 'withdrawn']),
  inForceFrom: z.string().nullable(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decision: z
    .object({
      byUserId: z.string().nullable(),
      byName: z.string().nullable(),
      at: z.string(),
      ip: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
});

const contractBase = {
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  name: z.string(),
  status: contractStatus,
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  planId: z.string().nullable(),
  planName: z.string().nullable(),
  calendarId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
};

export const contractListItem = z.object(contractBase);
export const contractPage = pageOf(contractListItem);

export const contractView = z.object({
  ...contractBase,
  termsNow: termsView.nullable(),
  termsVersion: z.number().nullable(),
  amendments: z.array(amendmentView),
  pendingAmendments: z.array(amendmentView),
});

export type ListContractsInput = z.infer<typeof listContractsQuery>;
export type CreateContractInput = z.infer<typeof createContractBody>;
export type UpdateContractInput = z.infer<typeof updateContractBody>;
export type ProposeAmendmentInput = z.infer<typeof proposeAmendmentBody>;
