import type { User, UserRole } from '../../db/schema';
import { scopeOf, type Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { findClient } from '../clients/clients.repository';
import { createInvitation } from '../invitations/invitations.service';
import { can, isClientRole, type UsersAction, type UsersResource } from './users.policy';
import { presentAdminUser } from './users.presenter';
import * as repo from './users.repository';

const resourceOf = (u: User, newRole?: UserRole): UsersResource => ({ role: u.role, clientId: u.client_id, newRole });

function authorise(actor: Actor, action: UsersAction, resource?: UsersResource): void {
  if (!can(actor, action, resource)) throw forbidden();
}

/** A user the actor may see at all; anything outside its scope is indistinguishable from absent. */
async function visibleUser(ctx: AppContext, actor: Actor, id: string): Promise<User> {
  authorise(actor, 'users.list');
  const user = await repo.findUserInScope(ctx.db, scopeOf(actor), id);
  if (!user || !can(actor, 'users.read', resourceOf(user))) throw notFound('User');
  return user;
}

const audit = (ctx: AppContext, actor: Actor, action: string, target: User, details?: Record<string, unknown>) =>
  appendAudit(ctx.db, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action, targetType: 'user', targetId: target.id, ip: actor.ip, details });

export async function listUsers(
  ctx: AppContext,
  actor: Actor,
  input: { limit: number; cursor?: string; kind?: 'staff' | 'client'; clientId?: string; role?: UserRole; q?: string },
) {
  authorise(actor, 'users.list');
  const c = decodeCursor(input.cursor);
  if (c && typeof c.k !== 'string') throw invalid({ cursor: 'is not a cursor this server issued' });
  const rows = await repo.listUsers(
    ctx.db,
    scopeOf(actor),
    { kind: input.kind, clientId: input.clientId, role: input.role, q: input.q || undefined },
    input.limit,
    c ? { name: c.k as string, id: c.id } : undefined,
  );
  return toPage(rows, input.limit, (r) => ({ k: r.name, id: r.id }), presentAdminUser);
}

export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<User> {
  return visibleUser(ctx, actor, id);
}

export async function inviteUser(ctx: AppContext, actor: Actor, input: { email: string; name: string; role: UserRole; clientId?: string }) {
  authorise(actor, 'users.list');
  // A client admin invites into its own client; naming it is optional.
  const clientId = input.clientId ?? (actor.kind === 'client' && isClientRole(input.role) ? actor.clientId : undefined);
  if (isClientRole(input.role) && !clientId) throw invalid({ clientId: 'is required for client roles' });
  if (!isClientRole(input.role) && clientId) throw invalid({ clientId: 'must be empty for staff roles' });
  authorise(actor, 'users.invite', { role: input.role, clientId: clientId ?? null, newRole: input.role });
  if (clientId && !(repo.isUuid(clientId) && (await findClient(ctx.db, scopeOf(actor), clientId)))) {
    throw invalid({ clientId: 'is not a client of this organisation' });
  }
  if (await repo.emailInUse(ctx.db, input.email)) throw conflict('This e-mail address already has an account', { email: 'already has an account' });
  return createInvitation(ctx, actor, { email: input.email, name: input.name, role: input.role, clientId: clientId ?? null });
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { name?: string; role?: UserRole; status?: 'active' | 'disabled'; expectedVersion: number | null },
): Promise<User> {
  const target = await visibleUser(ctx, actor, id);
  if (input.role !== undefined && isClientRole(input.role) !== isClientRole(target.role)) {
    throw invalid({ role: isClientRole(target.role) ? 'must stay a client role' : 'must stay a staff role' });
  }
  authorise(actor, 'users.update', resourceOf(target, input.role));
  if (input.expectedVersion !== null && input.expectedVersion !== target.version) throw staleWrite();
  const patch: repo.UserPatch = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.role !== undefined) patch.role = input.role;
  if (input.status !== undefined) patch.status = input.status;
  const losesOwner = target.role === 'owner' && target.status === 'active' && ((patch.role !== undefined && patch.role !== 'owner') || patch.status === 'disabled');
  const disables = patch.status === 'disabled' && target.status !== 'disabled';

  const updated = await ctx.db.transaction().execute(async (trx) => {
    if (losesOwner) {
      const owners = await repo.lockActiveOwnerIds(trx, actor.tenantId);
      if (!owners.some((o) => o !== target.id)) {
        throw conflict('This is the last active owner; make someone else an owner first', { [patch.status === 'disabled' ? 'status' : 'role']: 'would leave no active owner' });
      }
    }
    const row = await repo.updateUser(trx, scopeOf(actor), target.id, patch, input.expectedVersion, ctx.now());
    if (!row) throw staleWrite();
    if (disables) await repo.deleteSessionsOfUser(trx, actor.tenantId, target.id);
    return row;
  });

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of ['name', 'role', 'status'] as const) if (patch[k] !== undefined && patch[k] !== target[k]) changes[k] = { from: target[k], to: updated[k] };
  await audit(ctx, actor, 'user.updated', target, { changes });
  return updated;
}

export async function signOutUserEverywhere(ctx: AppContext, actor: Actor, id: string): Promise<number> {
  const target = await visibleUser(ctx, actor, id);
  authorise(actor, 'users.signOutEverywhere', resourceOf(target));
  const n = await repo.deleteSessionsOfUser(ctx.db, actor.tenantId, target.id);
  await audit(ctx, actor, 'user.signed_out_everywhere', target, { sessions: n });
  return n;
}

export async function resetUserMfa(ctx: AppContext, actor: Actor, id: string): Promise<User> {
  const target = await visibleUser(ctx, actor, id);
  authorise(actor, 'users.resetMfa', resourceOf(target));
  const updated = await ctx.db.transaction().execute(async (trx) => {
    await repo.clearMfa(trx, actor.tenantId, target.id, ctx.now());
    await repo.deleteSessionsOfUser(trx, actor.tenantId, target.id);
    return repo.findUserInScope(trx, { tenantId: actor.tenantId }, target.id);
  });
  if (!updated) throw notFound('User');
  await audit(ctx, actor, 'user.mfa_reset', target);
  return updated;
}

