import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { decodeCursor, toPage } from '../../http/pagination';
import { forbidden, invalid } from '../../errors';
import { can } from './audit.policy';
import { presentAuditEntry } from './audit.presenter';
import { listAudit } from './audit.repository';

export async function listAuditLog(ctx: AppContext, actor: Actor, input: { limit: number; cursor?: string; action?: string; actorUserId?: string }) {
  if (!can(actor, 'audit.list')) throw forbidden('Only owners can read the audit log');
  const c = decodeCursor(input.cursor);
  if (c && (typeof c.k !== 'string' || !/^\d+$/.test(c.id))) throw invalid({ cursor: 'is not a cursor this server issued' });
  const rows = await listAudit(ctx.db, actor.tenantId, {
    limit: input.limit + 1,
    action: input.action,
    actorUserId: input.actorUserId,
    before: c ? { at: c.k as string, id: c.id } : undefined,
  });
  return toPage(rows, input.limit, (r) => ({ k: r.at_key, id: String(r.id) }), presentAuditEntry);
}
