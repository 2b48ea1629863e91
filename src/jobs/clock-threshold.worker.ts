import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import type { TicketRow } from '../db/schema';
import type { AppContext } from '../http/context';
import { CLOCK_THRESHOLD_QUEUE } from './boss';
import type { BossClockScheduler, ClockThresholdJobData, ThresholdTimer } from './clock-scheduler';
import { evaluateStoredTickets } from './ticket-clock-evaluation';
import { loadTicketFacts, notifyCrossings, type TicketCrossings } from './threshold-notifications';

export type ThresholdBatchResult = {
  /** Tickets whose clocks were evaluated. */
  evaluated: number;
  /** Jobs for a target generation the ticket has left (or a ticket gone): nothing done. */
  superseded: number;
  /** New notifications (one per recipient). */
  notified: number;
  /** The next timers, scheduled after the commit. */
  next: ThresholdTimer[];
};

/**
 * Fires a batch of threshold timers: locks the tickets, re-evaluates each ticket's clocks at its
 * job's instant (or now, when the job runs late: every threshold crossed by then counts), records
 * a notification per crossed threshold and recipient (exactly once: see notifyCrossings) with its
 * e-mail, and stores the clocks' columns, in one transaction. A job whose generation is no longer
 * the ticket's does nothing; one whose instant a change superseded finds nothing new crossed.
 * Set-based throughout, so a batch of a thousand due thresholds costs a handful of statements.
 */
export async function processThresholdJobs(ctx: AppContext, jobs: readonly ClockThresholdJobData[]): Promise<ThresholdBatchResult> {
  const now = ctx.now();
  const result: ThresholdBatchResult = { evaluated: 0, superseded: 0, notified: 0, next: [] };
  if (jobs.length === 0) return result;
  // The latest instant among a ticket's jobs of one generation; several may come in one batch.
  const wanted = new Map<string, { tenantId: string; ticketId: string; generation: number; at: Date }>();
  for (const j of jobs) {
    const key = `${j.tenantId}/${j.ticketId}/${j.generation}`;
    const at = new Date(j.at);
    const prev = wanted.get(key);
    if (!prev || prev.at < at) wanted.set(key, { tenantId: j.tenantId, ticketId: j.ticketId, generation: j.generation, at });
  }
  const refs = [...wanted.values()];
  await ctx.db.transaction().execute(async (trx) => {
    // Row locks in a fixed order: evaluations of one ticket queue, and batches never deadlock.
    // Arrays, not IN lists: one parameter each, however large the batch.
    const rows = await trx
      .selectFrom('tickets')
      .selectAll()
      .where('tenant_id', '=', sql<string>`any(${[...new Set(refs.map((r) => r.tenantId))]}::uuid[])`)
      .where('id', '=', sql<string>`any(${[...new Set(refs.map((r) => r.ticketId))]}::uuid[])`)
      .orderBy('tenant_id')
      .orderBy('id')
      .forUpdate()
      .execute();
    const due = new Map<string, Date>();
    const tickets: TicketRow[] = [];
    for (const t of rows) {
      const w = wanted.get(`${t.tenant_id}/${t.id}/${t.target_generation}`);
      if (!w) continue;
      tickets.push(t);
      due.set(t.id, w.at > now ? w.at : now);
    }
    result.superseded = refs.length - tickets.length;
    const evaluations = await evaluateStoredTickets(trx, tickets, (t) => due.get(t.id)!);
    result.evaluated = evaluations.size;
    const zones = new Map([...evaluations].map(([id, e]) => [id, e.calendarZone]));
    const crossed = tickets.filter((t) => (evaluations.get(t.id)?.crossings.length ?? 0) > 0);
    const facts = await loadTicketFacts(
      trx,
      crossed.map((t) => ({ tenantId: t.tenant_id, ticketId: t.id })),
      zones,
    );
    const items: TicketCrossings[] = crossed.flatMap((t) => {
      const f = facts.get(t.id);
      return f ? [{ ticket: f, generation: t.target_generation, crossings: evaluations.get(t.id)!.crossings }] : [];
    });
    result.notified = await notifyCrossings(trx, items, ctx.config.publicUrl);
    for (const t of tickets) {
      const next = evaluations.get(t.id)?.nextThresholdAt;
      if (next) result.next.push({ ticket: { tenantId: t.tenant_id, ticketId: t.id }, at: next, generation: t.target_generation });
    }
  });
  return result;
}

export type ThresholdWorkerOptions = {
  /** Jobs taken per fetch; all due thresholds of a batch are evaluated together. */
  batchSize?: number;
  /** How often an idle worker looks for due jobs (timers of this process also wake it at their instant). */
  pollingIntervalSeconds?: number;
  onBatch?: (r: ThresholdBatchResult) => void;
  onError?: (err: unknown) => void;
};

/** Starts this process's worker on the clock-threshold queue; returns its id. */
export async function startThresholdWorker(ctx: AppContext, boss: PgBoss, scheduler: BossClockScheduler, opts: ThresholdWorkerOptions = {}): Promise<string> {
  const batchSize = opts.batchSize ?? 500;
  let workerId: string | null = null;
  const id = await boss.work<ClockThresholdJobData>(
    CLOCK_THRESHOLD_QUEUE,
    { batchSize, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 },
    async (jobs) => {
      try {
        const r = await processThresholdJobs(
          ctx,
          jobs.map((j) => j.data),
        );
        // After the commit: the next timers (idempotent, so a retry of this batch adds none).
        await scheduler.scheduleMany(r.next);
        opts.onBatch?.(r);
        // A full batch means more are due: fetch again at once instead of waiting out the polling
        // interval (a burst of 60,000 thresholds would otherwise take 120 intervals).
        if (jobs.length === batchSize && workerId) boss.notifyWorker(workerId);
      } catch (err) {
        opts.onError?.(err);
        // pg-boss retries the batch; the notifications' unique keys keep the retry from repeating any.
        throw err;
      }
    },
  );
  workerId = id;
  scheduler.attachWorker(id);
  return id;
}

/**
 * Timers missed while no server ran: tickets whose next threshold instant has passed get a job
 * due now, distinct from the job of that instant (which may have failed for good). Late, but once:
 * the notifications' keys make a threshold notify once however often it is evaluated.
 * Returns how many tickets were enqueued.
 */
export async function enqueueMissedTimers(ctx: AppContext, scheduler: BossClockScheduler, opts: { tenantIds?: readonly string[] } = {}): Promise<number> {
  const now = ctx.now();
  // Servers starting in the same minute enqueue the same jobs; a later start enqueues afresh.
  const variant = `missed:${now.toISOString().slice(0, 16)}`;
  let total = 0;
  let after: { at: Date; tenantId: string; id: string } | null = null;
  for (;;) {
    let q = ctx.db
      .selectFrom('tickets')
      .select(['tenant_id', 'id', 'target_generation', 'next_threshold_at'])
      .where('next_threshold_at', 'is not', null)
      .where('next_threshold_at', '<=', now);
    if (opts.tenantIds) q = q.where('tenant_id', 'in', opts.tenantIds.length ? [...opts.tenantIds] : ['00000000-0000-0000-0000-000000000000']);
    if (after) {
      const a = after;
      q = q.where(sql<boolean>`(next_threshold_at, tenant_id, id) > (${a.at}, ${a.tenantId}::uuid, ${a.id}::uuid)`);
    }
    const rows = await q.orderBy('next_threshold_at').orderBy('tenant_id').orderBy('id').limit(10_000).execute();
    if (rows.length === 0) break;
    await scheduler.scheduleMany(
      rows.map((r) => ({ ticket: { tenantId: r.tenant_id, ticketId: r.id }, at: r.next_threshold_at!, generation: r.target_generation })),
      { variant },
    );
    total += rows.length;
    const last = rows[rows.length - 1]!;
    after = { at: last.next_threshold_at!, tenantId: last.tenant_id, id: last.id };
    if (rows.length < 10_000) break;
  }
  return total;
}
