import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';
import { configStatus, planDocumentSchema } from '../pact-defaults/pact-schemas';

const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');
const description = z.string().max(2000, 'must be at most 2000 characters');

export const createPlanBody = z.strictObject({ name, description: description.optional(), terms: planDocumentSchema });
export const updatePlanBody = z.strictObject({ name, description: description.optional(), terms: planDocumentSchema, status: configStatus.optional() });
export const listPlansQuery = z.strictObject({ ...pageQuery, q: z.string().trim().max(200).optional(), status: configStatus.optional() });

export const planView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: configStatus,
  terms: planDocumentSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const planPage = pageOf(planView);

export type CreatePlanInput = z.infer<typeof createPlanBody>;
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;
export type ListPlansInput = z.infer<typeof listPlansQuery>;
