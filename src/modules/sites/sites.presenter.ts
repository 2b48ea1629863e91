import type { Site } from '../../db/schema';
import type { Cursor } from '../../http/pagination';

export function presentSite(s: Site) {
  return {
    id: s.id,
    clientId: s.client_id,
    name: s.name,
    address: s.address,
    timeZone: s.time_zone,
    travelMinutes: s.travel_minutes,
    isMain: s.is_main,
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
    version: s.version,
  };
}

export const siteCursor = (s: Site & { sort_key: string }): Cursor => ({ k: s.sort_key, id: s.id });
