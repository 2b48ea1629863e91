import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors';
import type { PlanDocument } from '../../domain/pact/pact-documents';
import { validatePlanDocument } from '../../domain/pact/plan-rules';
import { priorityKeys } from '../../domain/pact/priority-matrix';
import { appendAudit } from '../audit/audit.repository';
import { uniqueViolation } from '../clients/unique-violation';
import { canConfigure, canReadConfig } from '../pact-defaults/config-policy';
import { contractsUsingPlan, nameList } from '../pact-defaults/config-usage';
import { findMatrix } from '../priority-matrix/priority-matrix.repository';
import * as repo from './plans.repository';
import { nameCursor, presentPlan } from './plans.presenter';
import type { CreatePlanInput, ListPlansInput, UpdatePlanInput } from './plans.schema';

const nameTaken = () => conflict('Another plan already has this name', { name: 'is already used by another plan' });
const mapUnique = (e: unknown): never => {
  if (uniqueViolation(e) === 'plans_name_unique') throw nameTaken();
  throw e;
};
const denied = () => forbidden('Only owners and admins can change plans');

/** Checks a plan against the tenant's matrix and calendars; 400 naming every bad field. */
async function checkTerms(ctx: AppContext, tenantId: string, terms: PlanDocument) {
  const { matrix } = await findMatrix(ctx.db, tenantId);
  const problems = validatePlanDocument(terms, { priorities: priorityKeys(matrix), calendarIds: await repo.calendarIds(ctx.db, tenantId) });
  const entries = Object.entries(problems);
  if (entries.length) throw invalid(problems, `The plan's terms are not valid: ${entries[0]![0]} ${entries[0]![1]}`);
}

export async function listPlans(ctx: AppContext, actor: Actor, input: ListPlansInput) {
  if (!canReadConfig(actor)) throw forbidden();
  const rows = await repo.listPlans(ctx.db, actor.tenantId, { q: input.q || undefined, status: input.status, limit: input.limit, after: decodeCursor(input.cursor) });
  return toPage(rows, input.limit, nameCursor, presentPlan);
}

async function planRow(ctx: AppContext, actor: Actor, id: string) {
  if (!canReadConfig(actor)) throw forbidden();
  const row = await repo.findPlan(ctx.db, actor.tenantId, id);
  if (!row) throw notFound('Plan');
  return row;
}

export async function getPlan(ctx: AppContext, actor: Actor, id: string) {
  return presentPlan(await planRow(ctx, actor, id));
}

export async function createPlan(ctx: AppContext, actor: Actor, input: CreatePlanInput) {
  if (!canConfigure(actor)) throw denied();
  await checkTerms(ctx, actor.tenantId, input.terms);
  if (await repo.planNameTaken(ctx.db, actor.tenantId, input.name)) throw nameTaken();
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const p = await repo.insertPlan(trx, actor.tenantId, { name: input.name, description: input.description ?? '', terms: input.terms });
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'plan.created', targetType: 'plan', targetId: p.id, ip: actor.ip, details: { name: p.name } });
      return p;
    })
    .catch(mapUnique);
  return presentPlan(row);
}

export async function updatePlan(ctx: AppContext, actor: Actor, id: string, input: UpdatePlanInput, expectedVersion: number | null) {
  await planRow(ctx, actor, id);
  if (!canConfigure(actor)) throw denied();
  await checkTerms(ctx, actor.tenantId, input.terms);
  if (await repo.planNameTaken(ctx.db, actor.tenantId, input.name, id)) throw nameTaken();
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const p = await repo.updatePlan(trx, actor.tenantId, id, { name: input.name, description: input.description ?? '', terms: input.terms, ...(input.status ? { status: input.status } : {}) }, expectedVersion);
      if (!p) throw staleWrite();
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'plan.updated', targetType: 'plan', targetId: id, ip: actor.ip, details: { name: p.name } });
      return p;
    })
    .catch(mapUnique);
  return presentPlan(row);
}

/** Retired plans stay on the contracts that use them but are no longer offered. */
export async function retirePlan(ctx: AppContext, actor: Actor, id: string, expectedVersion: number | null) {
  await planRow(ctx, actor, id);
  if (!canConfigure(actor)) throw denied();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const p = await repo.updatePlan(trx, actor.tenantId, id, { status: 'retired' }, expectedVersion);
    if (!p) throw staleWrite();
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'plan.retired', targetType: 'plan', targetId: id, ip: actor.ip, details: { name: p.name } });
    return p;
  });
  return presentPlan(row);
}

export async function deletePlan(ctx: AppContext, actor: Actor, id: string) {
  const existing = await planRow(ctx, actor, id);
  if (!canConfigure(actor)) throw denied();
  await ctx.db.transaction().execute(async (trx) => {
    // Lock the plan so a contract drafted from it meanwhile is either seen here or fails to find it.
    await trx.selectFrom('plans').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', id).forUpdate().execute();
    const users = await contractsUsingPlan(trx, actor.tenantId, id);
    if (users.length) {
      throw new AppError(
        'conflict',
        `The plan "${existing.name}" is used by ${users.length} contract${users.length === 1 ? '' : 's'} (${nameList(users.map((u) => u.name))}); retire it instead`,
      );
    }
    await repo.deletePlan(trx, actor.tenantId, id);
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'plan.deleted', targetType: 'plan', targetId: id, ip: actor.ip, details: { name: existing.name } });
  });
}
