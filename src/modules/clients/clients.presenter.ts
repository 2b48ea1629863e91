import type { Cursor } from '../../http/pagination';
import type { ClientRow } from './clients.repository';

export function presentClient(c: ClientRow) {
  return {
    id: c.id,
    name: c.name,
    code: c.code,
    status: c.status,
    notes: c.notes,
    siteCount: Number(c.site_count ?? 0),
    contactCount: Number(c.contact_count ?? 0),
    accountManagerId: c.account_manager_id,
    accountManager: c.account_manager_id && c.account_manager_name !== null ? { id: c.account_manager_id, name: c.account_manager_name } : null,
    mainSite: c.main_site_id && c.main_site_name !== null && c.main_site_time_zone !== null ? { id: c.main_site_id, name: c.main_site_name, timeZone: c.main_site_time_zone } : null,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    version: c.version,
  };
}

export const clientCursor = (c: ClientRow): Cursor => ({ k: c.sort_key, id: c.id });
