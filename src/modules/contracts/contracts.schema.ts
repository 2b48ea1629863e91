import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';
import { priorityTermsSchema, turnaroundSchema } from '../pact-defaults/pact-schemas';

const id = z.uuid({ message: 'must be an id' });
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant with an offset, e.g. 2026-12-01T09:00:00Z' });
const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');

export const contractStatus = z.enum(['draft', 'active', 'ended']);

export const listContractsQuery = z.strictObject({ ...pageQuery, clientId: id.optional(), status: contractStatus.optional() });
export const contractParams = z.object({ id });
export const amendmentParams = z.object({ id, number: z.coerce.number().int().min(1, 'must be an amendment number') });
export const scheduleQuery = z.strictObject({ amendment: z.coerce.number().int().min(1, 'must be an amendment number').optional() });

export const createContractBody = z.strictObject({ clientId: id, name, planId: id, calendarId: id.optional(), startsAt: instant, endsAt: instant.nullable().optional() });

export const updateContractBody = z.strictObject({
  name: name.optional(),
  planId: id.optional(),
  calendarId: id.optional(),
  startsAt: instant.optional(),
  endsAt: instant.nullable().optional(),
  riderIds: z.array(id).max(20).optional(),
  catalogOverrides: z.record(id, turnaroundSchema).optional(),
});

export const endContractBody = z.strictObject({ endsAt: instant });

export const amendmentChangeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('plan_changed'), fromPlanId: id.nullable().optional(), toPlanId: id }),
  z.strictObject({ type: z.literal('rider_added'), riderId: id }),
  z.strictObject({ type: z.literal('rider_removed'), riderId: id }),
  z.strictObject({ type: z.literal('catalog_override_set'), catalogItemId: id, turnaround: turnaroundSchema }),
  z.strictObject({ type: z.literal('catalog_override_removed'), catalogItemId: id }),
  z.strictObject({ type: z.literal('target_changed'), priority: z.string().min(1).max(32), terms: priorityTermsSchema }),
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
