import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';
import { configStatus, turnaroundSchema } from '../pact-defaults/pact-schemas';

export const category = z.enum(['hardware', 'software', 'network', 'security', 'account', 'other']);
const deliveryMode = z.enum(['remote', 'onsite', 'either']);
const complexity = z.enum(['low', 'medium', 'high']);

export const itemBody = z.strictObject({
  category,
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  description: z.string().max(5000, 'must be at most 5000 characters').optional(),
  defaultUrgency: z.string().max(32),
  defaultImpact: z.string().max(32),
  deliveryMode,
  complexity,
  expectedEffortMinutes: z.number().int('must be a whole number of minutes').min(1, 'must be greater than 0').max(100_000),
  turnarounds: z.record(z.string(), turnaroundSchema).optional().describe('per plan id'),
});
export const updateItemBody = itemBody.extend({ status: configStatus.optional() });

export const listItemsQuery = z.strictObject({ ...pageQuery, category: category.optional(), q: z.string().trim().max(200).optional(), status: configStatus.optional() });

export const itemView = z.object({
  id: z.string(),
  category,
  name: z.string(),
  description: z.string(),
  defaultUrgency: z.string(),
  defaultImpact: z.string(),
  deliveryMode,
  complexity,
  expectedEffortMinutes: z.number(),
  turnarounds: z.record(z.string(), turnaroundSchema),
  status: configStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const itemPage = pageOf(itemView);
export const importResult = z.object({ created: z.number(), updated: z.number(), total: z.number() });

export type ItemInput = z.infer<typeof itemBody>;
export type UpdateItemInput = z.infer<typeof updateItemBody>;
export type ListItemsInput = z.infer<typeof listItemsQuery>;
export const importErrorView = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    rows: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })).optional(),
  }),
});
