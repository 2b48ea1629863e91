import type { Db } from '../../db/database';
import type { BoardViewRow } from '../../db/schema';

/** Views are always read through their owner: another user's view does not exist for the caller. */
export type ViewOwner = { tenantId: string; userId: string };

// A user keeps a handful of views; the cap keeps the list one unpaged response.
export const MAX_VIEWS_PER_USER = 100;

export async function listViews(db: Db, owner: ViewOwner): Promise<BoardViewRow[]> {
  return db
    .selectFrom('board_views')
    .selectAll()
    .where('tenant_id', '=', owner.tenantId)
    .where('user_id', '=', owner.userId)
    .orderBy('name')
    .orderBy('created_at')
    .limit(MAX_VIEWS_PER_USER)
    .execute();
}

export async function countViews(db: Db, owner: ViewOwner): Promise<number> {
  const r = await db
    .selectFrom('board_views')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', owner.tenantId)
    .where('user_id', '=', owner.userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertView(db: Db, owner: ViewOwner, v: { name: string; filters: Record<string, unknown> }): Promise<BoardViewRow> {
  return db
    .insertInto('board_views')
    .values({ tenant_id: owner.tenantId, user_id: owner.userId, name: v.name, filters: JSON.stringify(v.filters) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteView(db: Db, owner: ViewOwner, id: string): Promise<boolean> {
  const r = await db.deleteFrom('board_views').where('tenant_id', '=', owner.tenantId).where('user_id', '=', owner.userId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
