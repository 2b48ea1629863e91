import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../http/context';
import { createTenant } from '../../../test/support/test-app';

/** A tenant with a support address, one client and a contact at that client. */
export async function mailTenant(ctx: AppContext, unknownSenders: 'triage' | 'refuse' = 'triage') {
  const { tenant, owner } = await createTenant(ctx);
  const tag = randomUUID().slice(0, 8);
  const supportAddress = `help-${tag}@msp.test`;
  await ctx.db.updateTable('tenants').set({ support_address: supportAddress, unknown_senders: unknownSenders }).where('id', '=', tenant.id).execute();
  const client = await ctx.db.insertInto('clients').values({ tenant_id: tenant.id, name: `Client ${tag}` }).returningAll().executeTakeFirstOrThrow();
  const contact = await addContact(ctx, tenant.id, client.id, `ann-${tag}@client.test`, 'Ann Client');
  return { tenant, owner, supportAddress, client, contact };
}

export async function addContact(ctx: AppContext, tenantId: string, clientId: string, email: string, name: string) {
  return ctx.db.insertInto('contacts').values({ tenant_id: tenantId, client_id: clientId, name, email, roles: [], user_id: null }).returningAll().executeTakeFirstOrThrow();
}
