import { requireActor } from '../../http/actor';
import type { App } from '../../http/types';
import { auditPage, auditQuery } from './audit.schema';
import { listAuditLog } from './audit.service';

export async function auditRoutes(app: App) {
  const ctx = app.ctx;
  app.get(
    '/audit-log',
    { schema: { tags: ['audit'], summary: 'The audit log, newest first (owners)', querystring: auditQuery, response: { 200: auditPage } } },
    async (request) => listAuditLog(ctx, requireActor(request.actor), request.query),
  );
}
