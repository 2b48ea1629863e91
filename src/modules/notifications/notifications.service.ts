import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { decodeCursor, toPage } from '../../http/pagination';
import { forbidden, invalid, notFound } from '../../errors';
import { can } from './notifications.policy';
import { presentNotification } from './notifications.presenter';
import * as repo from './notifications.repository';

const ownerOf = (actor: Actor): repo.Owner => ({ tenantId: actor.tenantId, userId: actor.userId });

export async function listNotifications(ctx: AppContext, actor: Actor, input: { limit: number; cursor?: string; unread?: 'true' | 'false' }) {
  if (!can(actor, 'notifications.read')) throw forbidden('This token may not read notifications');
  const c = decodeCursor(input.cursor);
  if (c && (typeof c.k !== 'string' || Number.isNaN(Date.parse(c.k)) || !/^[0-9a-f-]{36}$/.test(c.id))) throw invalid({ cursor: 'is not a cursor this server issued' });
  const rows = await repo.listNotifications(ctx.db, ownerOf(actor), {
    limit: input.limit + 1,
    unread: input.unread === 'true',
    before: c ? { at: c.k as string, id: c.id } : undefined,
  });
  return toPage(rows, input.limit, (r) => ({ k: r.at_key, id: r.id }), presentNotification);
}

export async function unreadCount(ctx: AppContext, actor: Actor) {
  if (!can(actor, 'notifications.read')) throw forbidden('This token may not read notifications');
  return { count: await repo.countUnread(ctx.db, ownerOf(actor)) };
}

/** Another user's notification answers 404, exactly like one that does not exist. */
export async function markRead(ctx: AppContext, actor: Actor, id: string) {
  if (!can(actor, 'notifications.markRead')) throw forbidden('This token may not change notifications');
  const owner = ownerOf(actor);
  if (!(await repo.markRead(ctx.db, owner, id, ctx.now()))) throw notFound('Notification');
  const row = await repo.findNotification(ctx.db, owner, id);
  if (!row) throw notFound('Notification');
  return presentNotification(row);
}

export async function markAllRead(ctx: AppContext, actor: Actor) {
  if (!can(actor, 'notifications.markRead')) throw forbidden('This token may not change notifications');
  return { updated: await repo.markAllRead(ctx.db, ownerOf(actor), ctx.now()) };
}
