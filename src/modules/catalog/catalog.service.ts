import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import type { CatalogItemRow } from '../../db/schema';
import { csvMode, parseCatalogCsv, renderCatalogCsv, type CatalogCsvItem, type CsvRowError } from '../../domain/pact/catalog-csv';
import type { Turnaround } from '../../domain/pact/pact-types';
import { validateTurnaround } from '../../domain/pact/plan-rules';
import type { FieldProblems } from '../../domain/pact/priority-matrix';
import { appendAudit } from '../audit/audit.repository';
import { uniqueViolation } from '../clients/unique-violation';
import { canConfigure, canReadConfig } from '../pact-defaults/config-policy';
import { findMatrix } from '../priority-matrix/priority-matrix.repository';
import * as repo from './catalog.repository';
import { presentItem } from './catalog.presenter';
import type { ItemInput, ListItemsInput, UpdateItemInput } from './catalog.schema';

const nameTaken = () => conflict('Another catalog item of this category already has this name', { name: 'is already used in this category' });
const mapUnique = (e: unknown): never => {
  if (uniqueViolation(e) === 'catalog_items_name_unique') throw nameTaken();
  throw e;
};
const denied = () => forbidden('Only owners and admins can change the catalog');

/** A rejected import: nothing was written; every bad row is named. */
export class CatalogImportError extends Error {
  constructor(readonly rows: CsvRowError[]) {
    super(`The file has ${rows.length} problem${rows.length === 1 ? '' : 's'}; nothing was imported. First: row ${rows[0]?.row}, ${rows[0]?.field}: ${rows[0]?.message}`);
  }
}

async function check(ctx: AppContext, tenantId: string, input: ItemInput) {
  const { matrix } = await findMatrix(ctx.db, tenantId);
  const problems: FieldProblems = {};
  if (!matrix.urgencies.some((u) => u.key === input.defaultUrgency)) problems.defaultUrgency = `must be one of ${matrix.urgencies.map((u) => u.key).join(', ')}`;
  if (!matrix.impacts.some((i) => i.key === input.defaultImpact)) problems.defaultImpact = `must be one of ${matrix.impacts.map((i) => i.key).join(', ')}`;
  const plans = new Set((await repo.planNames(ctx.db, tenantId)).map((p) => p.id));
  for (const [planId, t] of Object.entries(input.turnarounds ?? {})) {
    if (!plans.has(planId)) problems[`turnarounds.${planId}`] = 'is not a plan of this organisation';
    else validateTurnaround(t, `turnarounds.${planId}`, problems);
  }
  const entries = Object.entries(problems);
  if (entries.length) throw invalid(problems, `The catalog item is not valid: ${entries[0]![0]} ${entries[0]![1]}`);
}

const values = (input: ItemInput): repo.CatalogValues => ({
  category: input.category,
  name: input.name,
  description: input.description ?? '',
  defaultUrgency: input.defaultUrgency,
  defaultImpact: input.defaultImpact,
  deliveryMode: input.deliveryMode,
  complexity: input.complexity,
  expectedEffortMinutes: input.expectedEffortMinutes,
  turnarounds: input.turnarounds ?? {},
});

/** Staff see every item; client users (rule 7) the active catalog they are served by. */
export async function listItems(ctx: AppContext, actor: Actor, input: ListItemsInput) {
  if (!canReadConfig(actor, { clients: true })) throw forbidden();
  const status = actor.kind === 'client' ? 'active' : input.status;
  const rows = await repo.listItems(ctx.db, actor.tenantId, { category: input.category, q: input.q || undefined, status, limit: input.limit, after: decodeCursor(input.cursor) });
  return toPage(rows, input.limit, (r) => ({ k: r.sort_key, id: r.id }), presentItem);
}

async function itemRow(ctx: AppContext, actor: Actor, id: string) {
  if (!canReadConfig(actor)) throw forbidden();
  const row = await repo.findItem(ctx.db, actor.tenantId, id);
  if (!row) throw notFound('Catalog item');
  return row;
}

export const getItem = async (ctx: AppContext, actor: Actor, id: string) => presentItem(await itemRow(ctx, actor, id));

export async function createItem(ctx: AppContext, actor: Actor, input: ItemInput) {
  if (!canConfigure(actor)) throw denied();
  await check(ctx, actor.tenantId, input);
  if (await repo.itemNameTaken(ctx.db, actor.tenantId, input.category, input.name)) throw nameTaken();
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const [item] = await repo.insertItems(trx, actor.tenantId, [values(input)]);
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'catalog_item.created', targetType: 'catalog_item', targetId: item!.id, ip: actor.ip, details: { name: item!.name } });
      return item!;
    })
    .catch(mapUnique);
  return presentItem(row);
}

export async function updateItem(ctx: AppContext, actor: Actor, id: string, input: UpdateItemInput, expectedVersion: number | null) {
  await itemRow(ctx, actor, id);
  if (!canConfigure(actor)) throw denied();
  await check(ctx, actor.tenantId, input);
  if (await repo.itemNameTaken(ctx.db, actor.tenantId, input.category, input.name, id)) throw nameTaken();
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const item = await repo.updateItem(trx, actor.tenantId, id, values(input), input.status, expectedVersion);
      if (!item) throw staleWrite();
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'catalog_item.updated', targetType: 'catalog_item', targetId: id, ip: actor.ip, details: { name: item.name } });
      return item;
    })
    .catch(mapUnique);
  return presentItem(row);
}

export async function retireItem(ctx: AppContext, actor: Actor, id: string, expectedVersion: number | null) {
  await itemRow(ctx, actor, id);
  if (!canConfigure(actor)) throw denied();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const item = await repo.updateItem(trx, actor.tenantId, id, null, 'retired', expectedVersion);
    if (!item) throw staleWrite();
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'catalog_item.retired', targetType: 'catalog_item', targetId: id, ip: actor.ip, details: { name: item.name } });
    return item;
  });
  return presentItem(row);
}

/** The active catalog as CSV with a response and a resolution column per active plan. */
export async function exportCsv(ctx: AppContext, actor: Actor): Promise<string> {
  if (!canConfigure(actor)) throw forbidden('Only owners and admins can export the catalog');
  const plans = (await repo.planNames(ctx.db, actor.tenantId)).filter((p) => p.status === 'active');
  const items = (await repo.allItems(ctx.db, actor.tenantId)).filter((i) => i.status === 'active');
  const csvItems: CatalogCsvItem[] = items.map((i) => {
    const mode = csvMode(i.delivery_mode);
    const turnarounds: CatalogCsvItem['turnarounds'] = {};
    for (const p of plans) {
      const pair = i.turnarounds[p.id]?.[mode];
      if (pair && (pair.response || pair.resolution)) turnarounds[p.name] = { ...pair };
    }
    return {
      category: i.category,
      name: i.name,
      description: i.description,
      defaultUrgency: i.default_urgency,
      defaultImpact: i.default_impact,
      deliveryMode: i.delivery_mode,
      complexity: i.complexity,
      expectedEffortMinutes: i.expected_effort_minutes,
      turnarounds,
    };
  });
  return renderCatalogCsv(
    csvItems,
    plans.map((p) => p.name),
  );
}

/**
 * All or nothing: rows are matched to items by category and name (updated) or added. For each
 * plan with columns in the file, the turnaround of the item's own delivery mode is set from the
 * row (empty cells remove it); other plans and the other mode keep what they had.
 */
export async function importCsv(ctx: AppContext, actor: Actor, text: string) {
  if (!canConfigure(actor)) throw forbidden('Only owners and admins can import the catalog');
  const { matrix } = await findMatrix(ctx.db, actor.tenantId);
  const plans = await repo.planNames(ctx.db, actor.tenantId);
  const parsed = parseCatalogCsv(text, { planNames: plans.map((p) => p.name), urgencies: matrix.urgencies.map((u) => u.key), impacts: matrix.impacts.map((i) => i.key) });
  if (!parsed.ok) throw new CatalogImportError(parsed.errors);
  const planIdByName = new Map(plans.map((p) => [p.name, p.id]));
  const header = text.split(/\r?\n/, 1)[0]!.toLowerCase();
  const plansInFile = plans.filter((p) => header.includes(`${p.name.toLowerCase()} response`) || header.includes(`${p.name.toLowerCase()} resolution`));
  return ctx.db.transaction().execute(async (trx) => {
    const existing = new Map<string, CatalogItemRow>();
    for (const i of await repo.allItems(trx, actor.tenantId)) existing.set(`${i.category}/${i.name.toLowerCase()}`, i);
    const inserts: repo.CatalogValues[] = [];
    let updated = 0;
    for (const row of parsed.rows) {
      const current = existing.get(`${row.category}/${row.name.toLowerCase()}`);
      const mode = csvMode(row.deliveryMode);
      const turnarounds: Record<string, Turnaround> = structuredClone(current?.turnarounds ?? {});
      for (const p of plansInFile) {
        const t = row.turnarounds[p.name];
        const entry: Turnaround = { ...(turnarounds[p.id] ?? {}) };
        if (t) entry[mode] = { ...t };
        else delete entry[mode];
        if (Object.keys(entry).length) turnarounds[p.id] = entry;
        else delete turnarounds[p.id];
      }
      for (const planName of Object.keys(row.turnarounds)) if (!planIdByName.has(planName)) throw new Error(`unknown plan ${planName}`);
      const v: repo.CatalogValues = { ...row, turnarounds };
      if (current) {
        await repo.updateItem(trx, actor.tenantId, current.id, v, undefined, null);
        updated += 1;
      } else inserts.push(v);
    }
    await repo.insertItems(trx, actor.tenantId, inserts);
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'catalog.imported', targetType: 'catalog', targetId: null, ip: actor.ip, details: { created: inserts.length, updated } });
    return { created: inserts.length, updated, total: parsed.rows.length };
  });
}
