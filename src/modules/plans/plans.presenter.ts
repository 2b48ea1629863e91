import type { PlanRow } from '../../db/schema';
import type { Cursor } from '../../http/pagination';

export function presentPlan(p: PlanRow) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    status: p.status,
    terms: p.terms,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    version: p.version,
  };
}

export const nameCursor = (r: { name: string; id: string }): Cursor => ({ k: r.name.toLowerCase(), id: r.id });
