import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { conflict, forbidden, notFound } from '../../errors';
import { can } from './board.policy';
import { presentView } from './board.presenter';
import * as repo from './board.repository';
import type { CreateBoardViewInput } from './board.schema';

const owner = (actor: Actor): repo.ViewOwner => ({ tenantId: actor.tenantId, userId: actor.userId });

/** Throws unless the caller may watch the board's stream of ticket changes. */
export function assertCanWatch(actor: Actor): void {
  if (!can(actor, 'watch')) throw forbidden('Only staff can watch the board');
}

export async function listViews(ctx: AppContext, actor: Actor) {
  if (!can(actor, 'readViews')) throw forbidden('Only staff keep board views');
  return { items: (await repo.listViews(ctx.db, owner(actor))).map(presentView) };
}

export async function createView(ctx: AppContext, actor: Actor, input: CreateBoardViewInput) {
  if (!can(actor, 'writeViews')) throw forbidden('Only staff keep board views');
  if ((await repo.countViews(ctx.db, owner(actor))) >= repo.MAX_VIEWS_PER_USER) {
    throw conflict(`You already keep ${repo.MAX_VIEWS_PER_USER} views; delete one first`);
  }
  return presentView(await repo.insertView(ctx.db, owner(actor), { name: input.name, filters: input.filters }));
}

/** Another user's view is not found, the same as a missing one. */
export async function deleteView(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!can(actor, 'writeViews')) throw forbidden('Only staff keep board views');
  if (!(await repo.deleteView(ctx.db, owner(actor), id))) throw notFound('Board view');
}
