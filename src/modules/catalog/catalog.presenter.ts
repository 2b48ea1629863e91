import type { CatalogItemRow } from '../../db/schema';

export function presentItem(r: CatalogItemRow) {
  return {
    id: r.id,
    category: r.category,
    name: r.name,
    description: r.description,
    defaultUrgency: r.default_urgency,
    defaultImpact: r.default_impact,
    deliveryMode: r.delivery_mode,
    complexity: r.complexity,
    expectedEffortMinutes: r.expected_effort_minutes,
    turnarounds: r.turnarounds,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}
