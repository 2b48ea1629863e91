import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { validatePrice, validateRiderEffect } from '../../domain/pact/plan-rules';
import { priorityKeys } from '../../domain/pact/priority-matrix';
import { appendAudit } from '../audit/audit.repository';
import { uniqueViolation } from '../clients/unique-violation';
import { canConfigure, canReadConfig } from '../pact-defaults/config-policy';
import { nameCursor } from '../plans/plans.presenter';
import { findMatrix } from '../priority-matrix/priority-matrix.repository';
import * as repo from './riders.repository';
import { presentRider } from './riders.presenter';
import type { CreateRiderInput, ListRidersInput, UpdateRiderInput } from './riders.schema';

const nameTaken = () => conflict('Another rider already has this name', { name: 'is already used by another rider' });
const mapUnique = (e: unknown): never => {
  if (uniqueViolation(e) === 'riders_name_unique') throw nameTaken();
  throw e;
};
const denied = () => forbidden('Only owners and admins can change riders');

async function check(ctx: AppContext, tenantId: string, input: CreateRiderInput) {
  const { matrix } = await findMatrix(ctx.db, tenantId);
  const problems = validateRiderEffect(input.effect, priorityKeys(matrix));
  validatePrice(input.price, 'price', problems);
  const entries = Object.entries(problems);
  if (entries.length) throw invalid(problems, `The rider is not valid: ${entries[0]![0]} ${entries[0]![1]}`);
}

export async function listRiders(ctx: AppContext, actor: Actor, input: ListRidersInput) {
  if (!canReadConfig(actor)) throw forbidden();
  const rows = await repo.listRiders(ctx.db, actor.tenantId, { q: input.q || undefined, status: input.status, limit: input.limit, after: decodeCursor(input.cursor) });
  return toPage(rows, input.limit, nameCursor, presentRider);
}

async function riderRow(ctx: AppContext, actor: Actor, id: string) {
  if (!canReadConfig(actor)) throw forbidden();
  const row = await repo.findRider(ctx.db, actor.tenantId, id);
  if (!row) throw notFound('Rider');
  return row;
}

export const getRider = async (ctx: AppContext, actor: Actor, id: string) => presentRider(await riderRow(ctx, actor, id));

export async function createRider(ctx: AppContext, actor: Actor, input: CreateRiderInput) {
  if (!canConfigure(actor)) throw denied();
  await check(ctx, actor.tenantId, input);
  if (await repo.riderNameTaken(ctx.db, actor.tenantId, input.name)) throw nameTaken();
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const r = await repo.insertRider(trx, actor.tenantId, { ...input, description: input.description ?? '' });
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'rider.created', targetType: 'rider', targetId: r.id, ip: actor.ip, details: { name: r.name } });
      return r;
    })
    .catch(mapUnique);
  return presentRider(row);
}

export async function updateRider(ctx: AppContext, actor: Actor, id: string, input: UpdateRiderInput, expectedVersion: number | null) {
  await riderRow(ctx, actor, id);
  if (!canConfigure(actor)) throw denied();
  await check(ctx, actor.tenantId, input);
  if (await repo.riderNameTaken(ctx.db, actor.tenantId, input.name, id)) throw nameTaken();
  const { status, ...values } = input;
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const r = await repo.updateRider(trx, actor.tenantId, id, { ...values, description: values.description ?? '' }, status, expectedVersion);
      if (!r) throw staleWrite();
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'rider.updated', targetType: 'rider', targetId: id, ip: actor.ip, details: { name: r.name } });
      return r;
    })
    .catch(mapUnique);
  return presentRider(row);
}

export async function retireRider(ctx: AppContext, actor: Actor, id: string, expectedVersion: number | null) {
  await riderRow(ctx, actor, id);
  if (!canConfigure(actor)) throw denied();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.updateRider(trx, actor.tenantId, id, null, 'retired', expectedVersion);
    if (!r) throw staleWrite();
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'rider.retired', targetType: 'rider', targetId: id, ip: actor.ip, details: { name: r.name } });
    return r;
  });
  return presentRider(row);
}
