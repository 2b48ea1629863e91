import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';
import { configStatus, priceSchema, riderEffectSchema } from '../pact-defaults/pact-schemas';

const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');
const description = z.string().max(2000, 'must be at most 2000 characters');

export const createRiderBody = z.strictObject({ name, description: description.optional(), effect: riderEffectSchema, price: priceSchema });
export const updateRiderBody = createRiderBody.extend({ status: configStatus.optional() });
export const listRidersQuery = z.strictObject({ ...pageQuery, q: z.string().trim().max(200).optional(), status: configStatus.optional() });

export const riderView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: configStatus,
  effect: riderEffectSchema,
  price: priceSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const riderPage = pageOf(riderView);

export type CreateRiderInput = z.infer<typeof createRiderBody>;
export type UpdateRiderInput = z.infer<typeof updateRiderBody>;
export type ListRidersInput = z.infer<typeof listRidersQuery>;
