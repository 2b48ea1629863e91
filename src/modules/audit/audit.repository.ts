import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { AuditEntry } from '../../db/schema';

export type AuditRecord = {
  tenantId: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

export async function appendAudit(db: Db, r: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: r.tenantId,
      actor_user_id: r.actorUserId,
      actor_label: r.actorLabel,
      action: r.action,
      target_type: r.targetType ?? null,
      target_id: r.targetId ?? null,
      ip: r.ip ?? null,
      details: JSON.stringify(r.details ?? {}),
    })
    .execute();
}

export type AuditRow = AuditEntry & { at_key: string };

/**
 * Newest first. `before` is the last row of the previous page; its `at` is the microsecond text
 * from `at_key` (a JS Date keeps only milliseconds, which would skip or repeat rows).
 */
export async function listAudit(
  db: Db,
  tenantId: string,
  opts: { limit: number; before?: { at: Date | string; id: string }; action?: string; actorUserId?: string },
): Promise<AuditRow[]> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .select(sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at_key'))
    .where('tenant_id', '=', tenantId);
  if (opts.action) q = q.where('action', 'like', `${opts.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (opts.actorUserId) q = q.where('actor_user_id', '=', opts.actorUserId);
  if (opts.before) {
    const { id } = opts.before;
    const at = typeof opts.before.at === 'string' ? sql<Date>`${opts.before.at}::timestamptz` : opts.before.at;
    q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}
