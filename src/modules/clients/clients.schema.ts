import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';

export const clientStatus = z.enum(['active', 'inactive']);

const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const code = z
  .string()
  .trim()
  .max(32, 'must be at most 32 characters')
  .transform((s) => (s === '' ? null : s));
const notes = z.string().max(10_000, 'must be at most 10000 characters');
// The staff member bad ratings and at-risk lists go to; null: the owners and admins.
const accountManagerId = z.uuid({ message: 'must be the id of a staff member' }).nullable();

export const createClientBody = z.strictObject({ name, code: code.nullable().optional(), notes: notes.optional(), accountManagerId: accountManagerId.optional() });
export const updateClientBody = z.strictObject({ name: name.optional(), code: code.nullable().optional(), notes: notes.optional(), status: clientStatus.optional(), accountManagerId: accountManagerId.optional() });

export const listClientsQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(200).optional(),
  status: clientStatus.optional(),
  sort: z.enum(['name', 'createdAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const clientParams = z.object({ clientId: z.uuid({ message: 'must be an id' }) });

export const clientView = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  status: clientStatus,
  notes: z.string(),
  accountManagerId: z.string().nullable(),
  accountManager: z.object({ id: z.string(), name: z.string() }).nullable(),
  siteCount: z.number(),
  contactCount: z.number(),
  mainSite: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const clientPage = pageOf(clientView);

export type CreateClientInput = z.infer<typeof createClientBody>;
export type UpdateClientInput = z.infer<typeof updateClientBody>;
export type ListClientsInput = z.infer<typeof listClientsQuery>;
