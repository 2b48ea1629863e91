import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';

export const contactRole = z.enum(['primary', 'billing', 'technical', 'approver']);
const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
// Trimmed and lower-cased before the check, so pasted addresses with stray spaces are accepted.
const email = z.string().trim().toLowerCase().pipe(z.email({ message: 'must be a valid e-mail address' }).max(254, 'must be at most 254 characters'));
const phone = z.string().trim().max(50, 'must be at most 50 characters');
const roles = z
  .array(contactRole)
  .max(4)
  .transform((r) => [...new Set(r)]);

export const createContactBody = z.strictObject({ name, email, phone: phone.optional(), roles });
export const updateContactBody = z.strictObject({ name: name.optional(), email: email.optional(), phone: phone.optional(), roles: roles.optional() });
export const inviteContactBody = z.strictObject({ role: z.enum(['client_admin', 'client_user']) });

export const listContactsQuery = z.strictObject({ ...pageQuery });
export const contactListParams = z.object({ clientId: z.uuid({ message: 'must be an id' }) });
export const contactParams = z.object({ clientId: z.uuid({ message: 'must be an id' }), contactId: z.uuid({ message: 'must be an id' }) });

export const contactView = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  roles: z.array(contactRole),
  userId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const contactPage = pageOf(contactView);

export const invitationView = z.object({ id: z.string(), email: z.string(), role: z.string(), expiresAt: z.string() });
export const inviteResult = z.object({ invitation: invitationView, inviteUrl: z.string() });

export type CreateContactInput = z.infer<typeof createContactBody>;
export type UpdateContactInput = z.infer<typeof updateContactBody>;
export type ListContactsInput = z.infer<typeof listContactsQuery>;
