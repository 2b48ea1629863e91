import type { AppContext } from '../../http/context';
import { AppError } from '../../errors';
import { safeEqual } from '../auth/secrets';
import { countTenants } from '../tenants/tenants.repository';
import { createTenantWithOwner, type TenantWithOwnerInput } from '../tenants/tenant-creator';

export async function setupRequired(ctx: AppContext): Promise<boolean> {
  return (await countTenants(ctx.db)) === 0;
}

/** First run: the holder of the set-up token printed at start creates the MSP and its owner. */
export async function completeSetup(ctx: AppContext, input: TenantWithOwnerInput & { setupToken: string }, ip: string | null) {
  if (!(await setupRequired(ctx))) throw new AppError('conflict', 'servicepact is already set up; sign in instead');
  if (!ctx.setupToken || !safeEqual(input.setupToken.trim(), ctx.setupToken)) {
    throw new AppError('validation_failed', 'The set-up code does not match the one printed when the server started', {
      setupToken: 'does not match the code printed in the server log',
    });
  }
  return createTenantWithOwner(ctx.db, input, ip);
}
