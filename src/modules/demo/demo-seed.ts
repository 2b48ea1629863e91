import type { Db } from '../../db/database';
import { emailInUse } from '../users/users.repository';
import { createTenantWithOwner } from '../tenants/tenant-creator';

export const DEMO_PASSWORD = 'demo-pact-2026';
const OWNER = 'owner@demo.servicepact.test';

export type DemoAccount = { email: string; role: string };

/** A demo MSP to click around in. Idempotent: a second run reports the existing accounts. */
export async function seedDemo(db: Db): Promise<{ created: boolean; password: string; accounts: DemoAccount[] }> {
  const accounts: DemoAccount[] = [{ email: OWNER, role: 'owner' }];
  if (await emailInUse(db, OWNER)) return { created: false, password: DEMO_PASSWORD, accounts };
  await createTenantWithOwner(db, { organisation: 'Northwind IT Services', ownerName: 'Olivia Owner', ownerEmail: OWNER, password: DEMO_PASSWORD });
  return { created: true, password: DEMO_PASSWORD, accounts };
}
