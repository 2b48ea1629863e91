import type { z } from 'zod';
import type { RiderRow } from '../../db/schema';
import type { riderEffectSchema } from '../pact-defaults/pact-schemas';

export function presentRider(r: RiderRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status,
    // Partial<Record> in the domain type allows undefined entries; stored effects never hold any.
    effect: r.effect as z.infer<typeof riderEffectSchema>,
    price: { amountMinor: r.price_minor, currency: r.currency, basis: r.price_basis },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}
