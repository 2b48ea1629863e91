import type { Actor } from '../../http/actor';
import { scopeOf } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { decodeCursor, toPage } from '../../http/pagination';
import { staleWrite } from '../../http/etag';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { can } from './clients.policy';
import * as repo from './clients.repository';
import { clientCursor, presentClient } from './clients.presenter';
import type { CreateClientInput, ListClientsInput, UpdateClientInput } from './clients.schema';
import { uniqueViolation } from './unique-violation';

const nameTaken = () => conflict('Another client already has this name', { name: 'is already used by another client' });
const codeTaken = () => conflict('Another client already has this code', { code: 'is already used by another client' });

/** 400 naming accountManagerId unless it is null or an active staff member of the tenant. */
async function checkAccountManager(ctx: AppContext, tenantId: string, id: string | null | undefined): Promise<void> {
  if (!id) return;
  if (!(await repo.isActiveStaff(ctx.db, tenantId, id))) throw invalid({ accountManagerId: 'must be an active staff member of this organisation' });
}

function mapUnique(error: unknown): never {
  const index = uniqueViolation(error);
  if (index === 'clients_name_unique') throw nameTaken();
  if (index === 'clients_code_unique') throw codeTaken();
  throw error;
}

export async function listClients(ctx: AppContext, actor: Actor, input: ListClientsInput) {
  if (!can(actor, 'read')) throw forbidden();
  const rows = await repo.listClients(ctx.db, scopeOf(actor), {
    q: input.q || undefined,
    status: input.status,
    sort: input.sort,
    order: input.order,
    limit: input.limit,
    after: decodeCursor(input.cursor),
  });
  return toPage(rows, input.limit, clientCursor, presentClient);
}

/** The client, or 404 when it is missing, in another tenant, or another client's. */
export async function getClientRow(ctx: AppContext, actor: Actor, clientId: string) {
  const row = await repo.findClient(ctx.db, scopeOf(actor), clientId);
  if (!row) throw notFound('Client');
  if (!can(actor, 'read', row)) throw notFound('Client');
  return row;
}

export async function getClient(ctx: AppContext, actor: Actor, clientId: string) {
  return presentClient(await getClientRow(ctx, actor, clientId));
}

export async function createClient(ctx: AppContext, actor: Actor, input: CreateClientInput) {
  if (!can(actor, 'create')) throw forbidden('Only owners, admins, account managers and dispatchers can add clients');
  const code = input.code ?? null;
  if (await repo.clientNameTaken(ctx.db, actor.tenantId, input.name)) throw nameTaken();
  if (code && (await repo.clientCodeTaken(ctx.db, actor.tenantId, code))) throw codeTaken();
  await checkAccountManager(ctx, actor.tenantId, input.accountManagerId);
  const client = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const c = await repo.insertClient(trx, actor.tenantId, { name: input.name, code, notes: input.notes ?? '', account_manager_id: input.accountManagerId ?? null });
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'client.created', targetType: 'client', targetId: c.id, ip: actor.ip, details: { name: c.name } });
      return c;
    })
    .catch(mapUnique);
  return getClient(ctx, actor, client.id);
}

export async function updateClient(ctx: AppContext, actor: Actor, clientId: string, input: UpdateClientInput, expectedVersion: number | null) {
  const existing = await getClientRow(ctx, actor, clientId);
  if (!can(actor, 'update', existing)) throw forbidden('Only owners, admins, account managers and dispatchers can change clients');
  if (input.name !== undefined && (await repo.clientNameTaken(ctx.db, actor.tenantId, input.name, clientId))) throw nameTaken();
  if (input.code && (await repo.clientCodeTaken(ctx.db, actor.tenantId, input.code, clientId))) throw codeTaken();
  await checkAccountManager(ctx, actor.tenantId, input.accountManagerId);
  const { accountManagerId, ...fields } = input;
  const patch = accountManagerId === undefined ? fields : { ...fields, account_manager_id: accountManagerId };
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const updated = await repo.updateClient(trx, scopeOf(actor), clientId, patch, expectedVersion);
      if (!updated) throw staleWrite();
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'client.updated', targetType: 'client', targetId: clientId, ip: actor.ip, details: { changed: Object.keys(input) } });
    })
    .catch(mapUnique);
  return getClient(ctx, actor, clientId);
}
