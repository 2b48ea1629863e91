import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { AppContext } from '../../http/context';
import { bulkInsert, type BulkColumn } from './bulk-insert';
import { progressBar } from './progress';
import { Random } from './random';
import { TicketFactory, type SyntheticTicket } from './synthetic-tickets';
import { buildWorld, SYNTHETIC_PASSWORD } from './synthetic-world';

export type SyntheticOptions = {
  tickets: number;
  /** Default: one client per 500 tickets, between 5 and 2000. */
  clients?: number;
  seed?: number;
  /** The instant the data set ends at (default: now); with the same seed, the same data. */
  now?: Date;
  /** Share of tickets still open (default 0.1). */
  openShare?: number;
  /** Tickets per transaction (default 1000). */
  batchSize?: number;
  /** Progress on stderr (default: true). */
  progress?: boolean;
};

export type SyntheticResult = {
  created: boolean;
  tenantId: string;
  ownerEmail: string;
  dispatcherEmail: string;
  password: string;
  tickets: number;
  openTickets: number;
  clients: number;
  rows: number;
  seconds: number;
};

const TICKET_COLUMNS: BulkColumn[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'id', type: 'uuid' },
  { name: 'number', type: 'int' },
  { name: 'client_id', type: 'uuid' },
  { name: 'site_id', type: 'uuid' },
  { name: 'requester_contact_id', type: 'uuid' },
  { name: 'catalog_item_id', type: 'uuid' },
  { name: 'contract_id', type: 'uuid' },
  { name: 'subject', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'urgency', type: 'text' },
  { name: 'impact', type: 'text' },
  { name: 'priority', type: 'text' },
  { name: 'delivery_mode', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'assignee_id', type: 'uuid' },
  { name: 'tags', type: 'text[]' },
  { name: 'source', type: 'text' },
  { name: 'targets', type: 'jsonb' },
  { name: 'response_state', type: 'text' },
  { name: 'response_due_at', type: 'timestamptz' },
  { name: 'response_completed_at', type: 'timestamptz' },
  { name: 'resolution_state', type: 'text' },
  { name: 'resolution_due_at', type: 'timestamptz' },
  { name: 'resolution_completed_at', type: 'timestamptz' },
  { name: 'next_due_at', type: 'timestamptz' },
  { name: 'next_threshold_at', type: 'timestamptz' },
  { name: 'at_risk_at', type: 'timestamptz' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'resolved_at', type: 'timestamptz' },
  { name: 'closed_at', type: 'timestamptz' },
  { name: 'version', type: 'int' },
];
const EVENT_COLUMNS: BulkColumn[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'ticket_id', type: 'uuid' },
  { name: 'type', type: 'text' },
  { name: 'at', type: 'timestamptz' },
  { name: 'actor_user_id', type: 'uuid' },
  { name: 'actor_label', type: 'text' },
  { name: 'data', type: 'jsonb' },
];
const CLOCK_EVENT_COLUMNS: BulkColumn[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'ticket_id', type: 'uuid' },
  { name: 'clock', type: 'text' },
  { name: 'type', type: 'text' },
  { name: 'at', type: 'timestamptz' },
  { name: 'percent', type: 'numeric' },
  { name: 'reason', type: 'text' },
  { name: 'recorded_at', type: 'timestamptz' },
];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function insertBatch(db: Db, tenantId: string, batch: SyntheticTicket[]): Promise<number> {
  const tickets = batch.map((t) => {
    const c = t.columns;
    return [tenantId, t.id, t.number, t.clientId, t.siteId, t.contactId, t.catalogItemId, t.contractId, t.subject, t.description, t.urgency, t.impact, t.priority, t.deliveryMode, t.status, t.assigneeId, t.tags, t.source, t.targetsJson,
      c.response_state, iso(c.response_due_at), iso(c.response_completed_at), c.resolution_state, iso(c.resolution_due_at), iso(c.resolution_completed_at), iso(c.next_due_at), iso(c.next_threshold_at), iso(c.at_risk_at),
      iso(t.createdAt), iso(t.updatedAt), iso(t.resolvedAt), iso(t.closedAt), t.version];
  });
  const events = batch.flatMap((t) => t.events.map((e) => [tenantId, t.id, e.type, iso(e.at), e.actorUserId, e.actorLabel, JSON.stringify(e.data)]));
  const clockEvents = batch.flatMap((t) => t.clockEvents.map((e) => [tenantId, t.id, e.clock, e.type, iso(e.at), e.percent, e.reason, iso(e.at)]));
  await db.transaction().execute(async (trx) => {
    await bulkInsert(trx, 'tickets', TICKET_COLUMNS, tickets);
    await bulkInsert(trx, 'ticket_events', EVENT_COLUMNS, events);
    await bulkInsert(trx, 'clock_events', CLOCK_EVENT_COLUMNS, clockEvents, true);
  });
  return tickets.length + events.length + clockEvents.length;
}

/**
 * A synthetic MSP with `tickets` tickets and their histories, for load tests and benchmarks:
 * clients, sites, contacts and contracts through the services, tickets bulk inserted in
 * transactions of `batchSize` tickets with their events and clock events. Deterministic for a
 * seed and `now`. When the data set of this seed is already there, nothing is written.
 */
export async function seedSynthetic(ctx: AppContext, opts: SyntheticOptions): Promise<SyntheticResult> {
  const started = Date.now();
  const seed = opts.seed ?? 1;
  const total = opts.tickets;
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('tickets must be a whole number, 0 or more');
  const clientCount = opts.clients ?? Math.max(5, Math.min(2000, Math.round(total / 500)));
  const domain = `synthetic-${seed}.servicepact.test`;
  const ownerEmail = `owner@${domain}`;
  const dispatcherEmail = `dispatcher1@${domain}`;
  const db = ctx.db;

  const existing = await db.selectFrom('users').select('tenant_id').where(sql`lower(email)`, '=', ownerEmail).executeTakeFirst();
  if (existing) {
    const counts = await db
      .selectFrom('tickets')
      .select([sql<string>`count(*)`.as('n'), sql<string>`count(*) filter (where status not in ('resolved', 'closed'))`.as('open')])
      .where('tenant_id', '=', existing.tenant_id)
      .executeTakeFirstOrThrow();
    const clients = await db.selectFrom('clients').select(sql<string>`count(*)`.as('n')).where('tenant_id', '=', existing.tenant_id).executeTakeFirstOrThrow();
    return { created: false, tenantId: existing.tenant_id, ownerEmail, dispatcherEmail, password: SYNTHETIC_PASSWORD, tickets: Number(counts.n), openTickets: Number(counts.open), clients: Number(clients.n), rows: 0, seconds: (Date.now() - started) / 1000 };
  }

  const now = opts.now ?? new Date();
  const rng = new Random(seed);
  const spanDays = 365;
  const world = await buildWorld(ctx, rng, { domain, organisation: `Synthetic MSP ${seed}`, clientCount, contractsFrom: new Date(now.getTime() - (spanDays + 30) * 86_400_000) });
  const factory = new TicketFactory(world, rng, now, spanDays);

  const batchSize = opts.batchSize ?? 1000;
  const openShare = opts.openShare ?? 0.1;
  // Recent tickets are mostly open; the rest of the open share is spread over older ones (the backlog).
  const recentDays = 30;
  const recentShare = recentDays / spanDays;
  const recentOpen = Math.min(0.6, openShare / recentShare);
  const olderOpen = Math.max(0, (openShare - recentShare * recentOpen) / (1 - recentShare));
  const start = now.getTime() - spanDays * 86_400_000;
  const step = (spanDays * 86_400_000 - 60_000) / Math.max(1, total);
  const parallel = ctx.dbKind === 'postgres' ? 3 : 1;
  const bar = progressBar('tickets', total, opts.progress === false ? null : process.stderr);
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  let rows = 0;
  let open = 0;
  let failure: unknown = null;

  for (let from = 0; from < total; from += batchSize) {
    const batch: SyntheticTicket[] = [];
    for (let i = from; i < Math.min(total, from + batchSize); i++) {
      const created = new Date(Math.floor(start + (i + rng.float()) * step));
      const age = now.getTime() - created.getTime();
      const isOpen = rng.chance(age < recentDays * 86_400_000 ? recentOpen : olderOpen);
      const t = factory.make(i + 1, created, isOpen);
      if (t.status !== 'resolved' && t.status !== 'closed') open++;
      batch.push(t);
    }
    while (inFlight.size >= parallel) await Promise.race(inFlight);
    if (failure) throw failure;
    const p: Promise<void> = insertBatch(db, world.tenantId, batch)
      .then((n) => {
        done += batch.length;
        rows += n;
        bar.tick(done, rows);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  await db
    .insertInto('ticket_counters')
    .values({ tenant_id: world.tenantId, next_number: total + 1 })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ next_number: total + 1 }))
    .execute();
  bar.finish();
  if (ctx.dbKind === 'postgres') await sql`analyze tickets`.execute(db);
  return {
    created: true,
    tenantId: world.tenantId,
    ownerEmail,
    dispatcherEmail: world.dispatchers[0]!.email,
    password: SYNTHETIC_PASSWORD,
    tickets: total,
    openTickets: open,
    clients: clientCount,
    rows,
    seconds: (Date.now() - started) / 1000,
  };
}
