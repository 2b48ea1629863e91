import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { ClockName, NotificationRow } from '../../db/schema';

/** Every query here takes the tenant and the user: a notification belongs to one person. */
export type Owner = { tenantId: string; userId: string };

export type NotificationListRow = NotificationRow & { at_key: string; ticket_number: number | null; ticket_subject: string | null };

/** Newest first; `before` is the last row of the previous page (microsecond text key, then id). */
export async function listNotifications(db: Db, owner: Owner, opts: { limit: number; unread?: boolean; before?: { at: string; id: string } }): Promise<NotificationListRow[]> {
  let q = db
    .selectFrom('notifications as n')
    .leftJoin('tickets as t', (j) => j.onRef('t.tenant_id', '=', 'n.tenant_id').onRef('t.id', '=', 'n.ticket_id'))
    .selectAll('n')
    .select(['t.number as ticket_number', 't.subject as ticket_subject'])
    .select(sql<string>`to_char(n.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at_key'))
    .where('n.tenant_id', '=', owner.tenantId)
    .where('n.user_id', '=', owner.userId);
  if (opts.unread) q = q.where('n.read_at', 'is', null);
  if (opts.before) {
    const at = sql<Date>`${opts.before.at}::timestamptz`;
    const id = opts.before.id;
    q = q.where((eb) => eb.or([eb('n.created_at', '<', at), eb.and([eb('n.created_at', '=', at), eb('n.id', '<', id)])]));
  }
  return q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(opts.limit).execute();
}

export async function findNotification(db: Db, owner: Owner, id: string): Promise<NotificationListRow | undefined> {
  return db
    .selectFrom('notifications as n')
    .leftJoin('tickets as t', (j) => j.onRef('t.tenant_id', '=', 'n.tenant_id').onRef('t.id', '=', 'n.ticket_id'))
    .selectAll('n')
    .select(['t.number as ticket_number', 't.subject as ticket_subject'])
    .select(sql<string>`''`.as('at_key'))
    .where('n.tenant_id', '=', owner.tenantId)
    .where('n.user_id', '=', owner.userId)
    .where('n.id', '=', id)
    .executeTakeFirst();
}

export async function countUnread(db: Db, owner: Owner): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', owner.tenantId)
    .where('user_id', '=', owner.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one notification read (keeps the first reading instant); false when it is not the owner's. */
export async function markRead(db: Db, owner: Owner, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, ${at})` })
    .where('tenant_id', '=', owner.tenantId)
    .where('user_id', '=', owner.userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markAllRead(db: Db, owner: Owner, at: Date): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('tenant_id', '=', owner.tenantId)
    .where('user_id', '=', owner.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export type NewNotification = {
  tenantId: string;
  userId: string;
  ticketId: string | null;
  kind: string;
  clock: ClockName | null;
  percent: number | null;
  title: string;
  body: string;
  dedupeKey: string;
  createdAt?: Date;
};

/**
 * Inserts unless a notification with the same (tenant, dedupe key) exists; returns the new row's
 * id, or null when it already existed. The unique index decides, so concurrent inserters (two
 * processes, a retry) get exactly one row: the later one waits for the first to commit, then
 * conflicts.
 */
export async function insertNotificationOnce(db: Db, n: NewNotification): Promise<string | null> {
  const row = await db
    .insertInto('notifications')
    .values({
      tenant_id: n.tenantId,
      user_id: n.userId,
      ticket_id: n.ticketId,
      kind: n.kind,
      clock: n.clock,
      percent: n.percent,
      title: n.title,
      body: n.body,
      dedupe_key: n.dedupeKey,
      ...(n.createdAt ? { created_at: n.createdAt } : {}),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
