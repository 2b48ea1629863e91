import type { Db } from '../../db/database';
import type { AmendmentRow, CatalogItemRow, Site } from '../../db/schema';
import type { CalendarDefinition } from '../../domain/calendar';
import type { PriorityMatrixDocument } from '../../domain/pact/pact-documents';
import { findItem } from '../catalog/catalog.repository';
import { findMatrix } from '../priority-matrix/priority-matrix.repository';

/** A contract of a client that has been activated, with its accepted amendments. */
export type ClientContract = { id: string; name: string; status: 'active' | 'ended'; starts_at: Date; ends_at: Date | null; amendments: AmendmentRow[] };

/** What targets depend on for one client: its name, activated contracts and sites. */
export type ClientPact = { client: { id: string; name: string }; contracts: ClientContract[]; sites: Site[] };

/** The configuration `loadTargets` reads: from the database each time, or from the intake cache. */
export interface PactSource {
  client(clientId: string): Promise<ClientPact | undefined>;
  item(id: string): Promise<CatalogItemRow | undefined>;
  matrix(): Promise<PriorityMatrixDocument>;
  calendars(): Promise<Map<string, CalendarDefinition>>;
}

/** The contract in force at `at`: activated, started, not yet ended; the latest start wins. */
export function contractAt(contracts: readonly ClientContract[], at: Date): ClientContract | undefined {
  let found: ClientContract | undefined;
  for (const k of contracts) {
    if (k.starts_at > at || (k.ends_at !== null && k.ends_at <= at)) continue;
    if (!found || k.starts_at > found.starts_at) found = k;
  }
  return found;
}

async function loadClientPact(db: Db, tenantId: string, clientId: string): Promise<ClientPact | undefined> {
  const client = await db.selectFrom('clients').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', '=', clientId).executeTakeFirst();
  if (!client) return undefined;
  const [contracts, sites] = await Promise.all([
    db
      .selectFrom('contracts')
      .select(['id', 'name', 'status', 'starts_at', 'ends_at'])
      .where('tenant_id', '=', tenantId)
      .where('client_id', '=', clientId)
      .where('status', 'in', ['active', 'ended'])
      .execute(),
    db.selectFrom('sites').selectAll().where('tenant_id', '=', tenantId).where('client_id', '=', clientId).execute(),
  ]);
  const amendments = contracts.length
    ? await db
        .selectFrom('amendments')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('contract_id', 'in', contracts.map((k) => k.id))
        .where('status', '=', 'accepted')
        .orderBy('number')
        .execute()
    : [];
  return {
    client,
    contracts: contracts.map((k) => ({ ...k, status: k.status as 'active' | 'ended', amendments: amendments.filter((a) => a.contract_id === k.id) })),
    sites,
  };
}

async function loadCalendars(db: Db, tenantId: string): Promise<Map<string, CalendarDefinition>> {
  const rows = await db.selectFrom('calendars').select(['id', 'definition']).where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((r) => [r.id, r.definition]));
}

/** Reads the database on every call (the simulator, re-targets inside a transaction). */
export function livePactSource(db: Db, tenantId: string): PactSource {
  return {
    client: (clientId) => loadClientPact(db, tenantId, clientId),
    item: (id) => findItem(db, tenantId, id),
    matrix: async () => (await findMatrix(db, tenantId)).matrix,
    calendars: () => loadCalendars(db, tenantId),
  };
}

// ---------- the intake cache ----------

type TenantEntry = {
  version: bigint;
  // one entry each (key ''), memoised like the others
  matrix: Map<string, Promise<PriorityMatrixDocument>>;
  calendars: Map<string, Promise<Map<string, CalendarDefinition>>>;
  items: Map<string, Promise<CatalogItemRow | undefined>>;
  clients: Map<string, Promise<ClientPact | undefined>>;
};

const MAX_TENANTS = 500;
const MAX_ENTRIES_PER_MAP = 20_000;
const tenants = new Map<string, TenantEntry>();

/** Memoises `load` in `map` under `key`; a failed load is forgotten so the next call retries. */
function memo<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    if (map.size >= MAX_ENTRIES_PER_MAP) map.clear();
    p = load();
    map.set(key, p);
    p.catch(() => map.delete(key));
  }
  return p;
}

function entryFor(tenantId: string, version: bigint): TenantEntry | null {
  const current = tenants.get(tenantId);
  if (current && current.version === version) {
    // Most recently used last, so the first key is the one to evict.
    tenants.delete(tenantId);
    tenants.set(tenantId, current);
    return current;
  }
  // A request that read an older version than one already cached reads the database instead.
  if (current && current.version > version) return null;
  if (!current && tenants.size >= MAX_TENANTS) tenants.delete(tenants.keys().next().value!);
  const fresh: TenantEntry = { version, matrix: new Map(), calendars: new Map(), items: new Map(), clients: new Map() };
  tenants.set(tenantId, fresh);
  return fresh;
}

/**
 * The tenant's configuration as of `pactVersion` (tenants.pact_version, read in the request's
 * first query), shared by every request of this process that read the same version. Triggers bump
 * the version on every change of the tables read here (migration 041), so a change is seen by the
 * first request that starts after it commits, on every server.
 */
export function cachedPactSource(db: Db, tenantId: string, pactVersion: string): PactSource {
  const entry = entryFor(tenantId, BigInt(pactVersion));
  if (!entry) return livePactSource(db, tenantId);
  const live = livePactSource(db, tenantId);
  return {
    client: (clientId) => memo(entry.clients, clientId, () => live.client(clientId)),
    item: (id) => memo(entry.items, id, () => live.item(id)),
    matrix: () => memo(entry.matrix, '', live.matrix),
    calendars: () => memo(entry.calendars, '', live.calendars),
  };
}
