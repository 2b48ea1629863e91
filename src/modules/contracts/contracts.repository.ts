import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { AmendmentRow, AmendmentStatus, CalendarRow, CatalogItemRow, ContractRow, PlanRow, RiderRow, Site } from '../../db/schema';
import type { AmendmentChange } from '../../domain/pact/pact-documents';
import type { ContractTerms } from '../../domain/pact/pact-types';
import type { Scope } from '../../http/actor';
import type { Cursor } from '../../http/pagination';
import { allItems, planNames } from '../catalog/catalog.repository';

export { planNames };

export type ContractStatus = 'draft' | 'active' | 'ended';
export type ContractListRow = ContractRow & { client_name: string; terms_now: ContractTerms | null };

/**
 * Contracts with their client's name and `terms_now`: the draft's terms, else the accepted
 * amendment in force at `at` (else the latest accepted one, for a contract not yet started).
 */
function selectContracts(db: Db, scope: Scope, at: Date = new Date()) {
  let q = db
    .selectFrom('contracts as k')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.client_id'))
    .selectAll('k')
    .select('c.name as client_name')
    .select(
      sql<ContractTerms | null>`coalesce(k.draft_terms, (select a.terms from amendments a where a.tenant_id = k.tenant_id and a.contract_id = k.id and a.status = 'accepted'
        order by (a.in_force_from <= ${at}) desc, a.in_force_from desc, a.number desc limit 1))`.as('terms_now'),
    )
    .where('k.tenant_id', '=', scope.tenantId);
  if (scope.clientId) q = q.where('k.client_id', '=', scope.clientId);
  return q;
}

/** Newest start first. */
export async function listContracts(db: Db, scope: Scope, opts: { clientId?: string; status?: ContractStatus; limit: number; after?: Cursor; at: Date }): Promise<ContractListRow[]> {
  let q = selectContracts(db, scope, opts.at);
  if (opts.clientId) q = q.where('k.client_id', '=', opts.clientId);
  if (opts.status) q = q.where('k.status', '=', opts.status);
  if (opts.after) q = q.where(sql<SqlBool>`(k.starts_at, k.id) < (${String(opts.after.k)}::timestamptz, ${opts.after.id}::uuid)` as Expression<SqlBool>);
  return q.orderBy('k.starts_at', 'desc').orderBy('k.id', 'desc').limit(opts.limit + 1).execute();
}

export async function findContract(db: Db, scope: Scope, id: string, at: Date): Promise<ContractListRow | undefined> {
  return selectContracts(db, scope, at).where('k.id', '=', id).executeTakeFirst();
}

/** Locks the contract row for the rest of the transaction. */
export async function lockContract(db: Db, tenantId: string, id: string): Promise<ContractRow | undefined> {
  return db.selectFrom('contracts').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Locks the client row: contract activations of one client queue behind each other. */
export async function lockClient(db: Db, tenantId: string, clientId: string): Promise<void> {
  await db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).where('id', '=', clientId).forUpdate().executeTakeFirst();
}

/** Active or ended contracts of the client whose period overlaps [startsAt, endsAt) (endsAt null: open-ended). */
export async function overlappingContracts(db: Db, tenantId: string, clientId: string, startsAt: Date, endsAt: Date | null, exceptId: string): Promise<ContractRow[]> {
  let q = db
    .selectFrom('contracts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .where('status', 'in', ['active', 'ended'])
    .where('id', '<>', exceptId)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', startsAt)]));
  if (endsAt) q = q.where('starts_at', '<', endsAt);
  return q.orderBy('starts_at').execute();
}

export async function insertContract(
  db: Db,
  tenantId: string,
  c: { client_id: string; name: string; starts_at: Date; ends_at: Date | null; draft_terms: ContractTerms; created_by: string },
): Promise<ContractRow> {
  return db
    .insertInto('contracts')
    .values({ tenant_id: tenantId, ...c, draft_terms: JSON.stringify(c.draft_terms) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateContract(
  db: Db,
  tenantId: string,
  id: string,
  patch: { name?: string; status?: ContractStatus; starts_at?: Date; ends_at?: Date | null; draft_terms?: ContractTerms | null },
  expectedVersion: number | null,
): Promise<ContractRow | undefined> {
  const { draft_terms, ...rest } = patch;
  let q = db
    .updateTable('contracts')
    .set((eb) => ({ ...rest, ...(draft_terms !== undefined ? { draft_terms: draft_terms === null ? sql<string>`null` : JSON.stringify(draft_terms) } : {}), updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function listAmendments(db: Db, tenantId: string, contractId: string): Promise<AmendmentRow[]> {
  return db.selectFrom('amendments').selectAll().where('tenant_id', '=', tenantId).where('contract_id', '=', contractId).orderBy('number').execute();
}

export async function findAmendment(db: Db, tenantId: string, contractId: string, number: number, lock = false): Promise<AmendmentRow | undefined> {
  const q = db.selectFrom('amendments').selectAll().where('tenant_id', '=', tenantId).where('contract_id', '=', contractId).where('number', '=', number);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function nextAmendmentNumber(db: Db, tenantId: string, contractId: string): Promise<number> {
  const r = await db
    .selectFrom('amendments')
    .select(sql<number>`coalesce(max(number), 0)::int`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where('contract_id', '=', contractId)
    .executeTakeFirstOrThrow();
  return Number(r.n) + 1;
}

export async function insertAmendment(
  db: Db,
  a: {
    tenant_id: string;
    contract_id: string;
    number: number;
    summary: string;
    changes: AmendmentChange[];
    terms: ContractTerms;
    effective_at: Date;
    status: AmendmentStatus;
    in_force_from: Date | null;
    proposed_by: string;
    proposed_at?: Date;
    decided_by?: string | null;
    decided_by_name?: string | null;
    decided_at?: Date | null;
    decision_ip?: string | null;
  },
): Promise<AmendmentRow> {
  return db
    .insertInto('amendments')
    .values({ ...a, changes: JSON.stringify(a.changes), terms: JSON.stringify(a.terms) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function decideAmendment(
  db: Db,
  tenantId: string,
  id: string,
  d: { status: Exclude<AmendmentStatus, 'proposed'>; decided_by: string; decided_by_name: string; decided_at: Date; decision_ip: string | null; in_force_from?: Date | null; rejection_reason?: string | null },
): Promise<AmendmentRow> {
  return db.updateTable('amendments').set(d).where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', 'proposed').returningAll().executeTakeFirstOrThrow();
}

// --- Reads of the tenant's configuration and of clients that this module needs. ---
// Plans, the matrix and catalog items come from their own modules; these cover reads those
// modules have no function for (active riders, riders by id, every calendar unpaged, main site).

export async function activePlans(db: Db, tenantId: string): Promise<PlanRow[]> {
  return db.selectFrom('plans').selectAll().where('tenant_id', '=', tenantId).where('status', '=', 'active').execute();
}

/** Every rider, retired ones included (an amendment may drop a rider that is no longer sold). */
export async function allRiders(db: Db, tenantId: string): Promise<RiderRow[]> {
  return db.selectFrom('riders').selectAll().where('tenant_id', '=', tenantId).execute();
}

export async function activeRiders(db: Db, tenantId: string): Promise<RiderRow[]> {
  return db.selectFrom('riders').selectAll().where('tenant_id', '=', tenantId).where('status', '=', 'active').orderBy('name').execute();
}

export async function ridersByIds(db: Db, tenantId: string, ids: readonly string[]): Promise<RiderRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('riders').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).execute();
}

export async function activeCatalogItems(db: Db, tenantId: string): Promise<CatalogItemRow[]> {
  return (await allItems(db, tenantId)).filter((i) => i.status === 'active');
}

export async function tenantCalendars(db: Db, tenantId: string): Promise<CalendarRow[]> {
  return db.selectFrom('calendars').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
}

/** The calendar with this name (any letter case), created with `definition` when missing. */
export async function ensureCalendar(db: Db, tenantId: string, name: string, definition: unknown): Promise<CalendarRow> {
  await db
    .insertInto('calendars')
    .values({ tenant_id: tenantId, name, definition: JSON.stringify(definition) })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return db.selectFrom('calendars').selectAll().where('tenant_id', '=', tenantId).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirstOrThrow();
}

export async function findClientRow(db: Db, scope: Scope, clientId: string): Promise<{ id: string; name: string } | undefined> {
  let q = db.selectFrom('clients').select(['id', 'name']).where('tenant_id', '=', scope.tenantId).where('id', '=', clientId);
  if (scope.clientId) q = q.where('id', '=', scope.clientId);
  return q.executeTakeFirst();
}

export async function mainSite(db: Db, tenantId: string, clientId: string): Promise<Site | undefined> {
  return db.selectFrom('sites').selectAll().where('tenant_id', '=', tenantId).where('client_id', '=', clientId).where('is_main', '=', true).executeTakeFirst();
}

/** Every site of the client, by name: goal scopes name them. */
export async function clientSites(db: Db, tenantId: string, clientId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('sites').select(['id', 'name']).where('tenant_id', '=', tenantId).where('client_id', '=', clientId).orderBy('name').execute();
}

export async function siteOfClient(db: Db, tenantId: string, clientId: string, siteId: string): Promise<Site | undefined> {
  return db.selectFrom('sites').selectAll().where('tenant_id', '=', tenantId).where('client_id', '=', clientId).where('id', '=', siteId).executeTakeFirst();
}

export async function tenantName(db: Db, tenantId: string): Promise<string> {
  return (await db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirstOrThrow()).name;
}

export async function userName(db: Db, tenantId: string, userId: string): Promise<string | null> {
  return (await db.selectFrom('users').select('name').where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst())?.name ?? null;
}
