import type { Contact } from '../../db/schema';
import type { Cursor } from '../../http/pagination';

export function presentContact(c: Contact) {
  return {
    id: c.id,
    clientId: c.client_id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    roles: c.roles,
    userId: c.user_id,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    version: c.version,
  };
}

export const contactCursor = (c: Contact & { sort_key: string }): Cursor => ({ k: c.sort_key, id: c.id });
