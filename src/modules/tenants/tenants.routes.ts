import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import { presentTenant } from './tenants.presenter';
import { tenantPatchBody, tenantView } from './tenants.schema';
import * as tenants from './tenants.service';

export async function tenantRoutes(app: App) {
  const ctx = app.ctx;

  app.get('/tenant', { schema: { tags: ['tenant'], summary: 'The organisation and its security settings', response: { 200: tenantView } } }, async (request, reply) => {
    const tenant = await tenants.getTenant(ctx, requireActor(request.actor));
    setEtag(reply, tenant.version);
    return presentTenant(tenant);
  });

  app.patch(
    '/tenant',
    { schema: { tags: ['tenant'], summary: 'Change the organisation name and MFA requirements (honours If-Match)', body: tenantPatchBody, response: { 200: tenantView } } },
    async (request, reply) => {
      const tenant = await tenants.updateTenant(ctx, requireActor(request.actor), { ...request.body, expectedVersion: expectedVersion(request) });
      setEtag(reply, tenant.version);
      return presentTenant(tenant);
    },
  );
}
