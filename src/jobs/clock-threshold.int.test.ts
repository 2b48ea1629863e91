import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database';
import type { AppContext } from '../http/context';
import { createTestApp, createUser, type TestApp } from '../../test/support/test-app';
import { TEST_POSTGRES_URL } from '../../test/support/test-database';
import { CLOCK_THRESHOLD_QUEUE } from './boss';
import { thresholdJob, type ClockThresholdJobData } from './clock-scheduler';
import { enqueueMissedTimers, processThresholdJobs } from './clock-threshold.worker';
import { eventually, retarget, sleep, ticketCreatedAgo, timerWorld } from './jobs.test-support';
import { startJobs, type Jobs } from './jobs';

// Real time throughout: pg-boss starts jobs by the database clock, so tickets are opened "in the
// past" (the app clock moved back for the call) on 1-minute targets, and thresholds come due
// seconds later.

let t: TestApp;
const running: Jobs[] = [];
const extraHandles: DatabaseHandle[] = [];

async function jobsFor(ctx: AppContext, opts: { recoverMissed?: boolean } = {}) {
  const j = await startJobs(ctx, { databaseUrl: TEST_POSTGRES_URL, recoverMissed: opts.recoverMissed ?? false, worker: { pollingIntervalSeconds: 0.5 } });
  running.push(j);
  return j;
}

async function notificationsOf(ticketId: string) {
  return t.ctx.db.selectFrom('notifications').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').execute();
}

beforeAll(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  while (running.length) await running.pop()!.stop({ graceful: true, timeoutMs: 2000 });
});
afterAll(async () => {
  for (const h of extraHandles) await h.close();
  await t.close();
});

describe('clock threshold timers', () => {
  it('notifies the 50 % warning once, at the instant it is crossed', async () => {
    const jobs = await jobsFor(t.ctx);
    const w = await timerWorld(t);
    const ticket = await ticketCreatedAgo(t, w, 27_000);
    const due = new Date(ticket.clocks!.firstResponse.nextThresholdAt!);
    expect(due.getTime() - Date.now()).toBeGreaterThan(1000);
    expect(await notificationsOf(ticket.id)).toEqual([]);

    const rows = await eventually(() => notificationsOf(ticket.id), (r) => r.length > 0, 10_000, 50);
    const seenAt = Date.now();
    expect(rows).toHaveLength(1);
    const n = rows[0]!;
    expect(n).toMatchObject({ user_id: w.dispatcherIds[0], kind: 'clock_warning', clock: 'first_response', title: `${ticket.reference}: 50 % of the first response time used` });
    expect(Number(n.percent)).toBe(50);
    expect(n.dedupe_key).toBe(`${ticket.id}:first_response:50:0`);
    // At the instant (the worker is woken by this process's timer), not on a polling tick.
    expect(n.created_at.getTime()).toBeGreaterThanOrEqual(due.getTime());
    expect(n.created_at.getTime() - due.getTime()).toBeLessThan(1500);
    expect(seenAt - due.getTime()).toBeLessThan(2500);

    // One e-mail to the dispatcher, in plain words, with the link.
    const mails = await t.ctx.db.selectFrom('outbox_emails').selectAll().where('tenant_id', '=', w.tenantId).where('kind', '=', 'clock_warning').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(`[${ticket.reference}] 50 % of the first response time used`);
    expect(mails[0]!.body_text).toContain(`${t.ctx.config.publicUrl}/tickets/${ticket.id}`);
    expect(mails[0]!.body_text).toMatch(/due .*\(Europe\/Berlin\)/);

    // The clock event is recorded and the next threshold (75 %) is the ticket's next timer.
    const row = await t.ctx.db.selectFrom('tickets').select(['next_threshold_at']).where('id', '=', ticket.id).executeTakeFirstOrThrow();
    // Clocks keep second precision.
    expect(Math.abs(row.next_threshold_at!.getTime() - (new Date(ticket.createdAt).getTime() + 45_000))).toBeLessThan(1000);
    const warned = await t.ctx.db.selectFrom('clock_events').select(['type', 'percent']).where('ticket_id', '=', ticket.id).where('type', '=', 'warned').execute();
    expect(warned.map((e) => Number(e.percent))).toEqual([50]);
    const next = thresholdJob({ ticket: { tenantId: w.tenantId, ticketId: ticket.id }, at: row.next_threshold_at!, generation: 0 });
    expect((await jobs.boss.getJobById(CLOCK_THRESHOLD_QUEUE, next.id))?.state).toBe('created');

    // Scheduling the same timer again (every clock change reschedules) adds no job.
    await jobs.scheduler.schedule({ tenantId: w.tenantId, ticketId: ticket.id }, row.next_threshold_at!, 0);
    const count = await t.ctx.db
      .selectFrom('pgboss.job' as 'tickets')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(({ eb, ref }) => eb(ref('singleton_key' as 'id'), 'like', `${w.tenantId}:${ticket.id}:%`))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('reschedules on a re-target: the old timer fires and does nothing', async () => {
    const jobs = await jobsFor(t.ctx);
    const w = await timerWorld(t, { P1: 4, P2: 1, P3: 1, P4: 1 });
    const ticket = await ticketCreatedAgo(t, w, 27_000);
    expect(ticket.priority).not.toBe('P1');
    const oldDue = new Date(ticket.clocks!.firstResponse.nextThresholdAt!);
    const updated = await retarget(t.ctx, w, ticket.id, 'P1');
    const newDue = new Date(updated.clocks!.firstResponse.nextThresholdAt!);
    expect(Math.abs(newDue.getTime() - (new Date(ticket.createdAt).getTime() + 120_000))).toBeLessThan(1000);

    const old = thresholdJob({ ticket: { tenantId: w.tenantId, ticketId: ticket.id }, at: oldDue, generation: 0 });
    const fresh = thresholdJob({ ticket: { tenantId: w.tenantId, ticketId: ticket.id }, at: newDue, generation: 1 });
    const oldJob = await eventually(
      () => jobs.boss.getJobById(CLOCK_THRESHOLD_QUEUE, old.id),
      (j) => j?.state === 'completed',
      10_000,
    );
    expect(oldJob?.state).toBe('completed');
    await sleep(300);
    expect(await notificationsOf(ticket.id)).toEqual([]);
    expect((await jobs.boss.getJobById(CLOCK_THRESHOLD_QUEUE, fresh.id))?.state).toBe('created');
    // Fired directly, the stale job is recognised as superseded.
    const stale: ClockThresholdJobData = old.data;
    expect(await processThresholdJobs(t.ctx, [stale])).toMatchObject({ superseded: 1, evaluated: 0, notified: 0 });
  });

  it('two instances on one database process the same due thresholds and notify each exactly once', async () => {
    // A second "server": its own database pool on PostgreSQL, its own pg-boss and worker.
    let ctxB: AppContext = { ...t.ctx, clockScheduler: undefined };
    if (t.ctx.dbKind === 'postgres') {
      const h = await openDatabase({ kind: 'postgres', url: TEST_POSTGRES_URL, poolSize: 5 });
      extraHandles.push(h);
      ctxB = { ...ctxB, db: h.db };
    }
    const a = await jobsFor(t.ctx);
    const b = await jobsFor(ctxB);
    const w = await timerWorld(t, {}, { dispatchers: 2 });
    const tickets = [];
    for (let i = 0; i < 12; i++) tickets.push(await ticketCreatedAgo(t, w, 26_000));
    // Both servers schedule every timer (the same job), and B adds a job of its own for each
    // (as a missed-timer scan would), so both workers race for the same thresholds.
    const timers = tickets.map((tk) => ({ ticket: { tenantId: w.tenantId, ticketId: tk.id }, at: new Date(tk.clocks!.firstResponse.nextThresholdAt!), generation: 0 }));
    await b.scheduler.scheduleMany(timers);
    await b.scheduler.scheduleMany(timers, { variant: 'second-server' });
    await a.scheduler.scheduleMany(timers, { variant: 'third' });

    const read = () =>
      t.ctx.db.selectFrom('notifications').select(['ticket_id', 'user_id', 'clock', 'percent', 'dedupe_key']).where('tenant_id', '=', w.tenantId).where(sql<boolean>`percent = 50`).execute();
    const rows = await eventually(read, (r) => r.length >= 24, 15_000);
    await sleep(1500);
    const final = await read();
    // Two dispatchers x 12 tickets, one row each; no threshold twice.
    expect(final).toHaveLength(24);
    expect(new Set(final.map((r) => `${r.ticket_id}/${r.user_id}`)).size).toBe(24);
    expect(rows.length).toBe(24);
    const mails = await t.ctx.db.selectFrom('outbox_emails').select('to_address').where('tenant_id', '=', w.tenantId).where('kind', '=', 'clock_warning').execute();
    expect(mails).toHaveLength(24);
    // Every job ran somewhere; none failed.
    const states = await t.ctx.db
      .selectFrom('pgboss.job' as 'tickets')
      .select([(eb) => eb.ref('state' as 'id').as('state'), (eb) => eb.fn.countAll<string>().as('n')])
      .where(({ eb, ref }) => eb(ref('singleton_key' as 'id'), 'like', `${w.tenantId}:%`))
      .groupBy('state' as 'id')
      .execute();
    expect(states.find((s) => (s as { state: string }).state === 'failed')).toBeUndefined();
  });

  it('enqueues a timer missed while no server ran at the next start: late, and once', async () => {
    const w = await timerWorld(t);
    // Opened 40 s ago with no timers running: its 50 % instant passed 10 s ago unnoticed.
    const ticket = await ticketCreatedAgo(t, w, 40_000);
    const stored = await t.ctx.db.selectFrom('tickets').select('next_threshold_at').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(stored.next_threshold_at!.getTime()).toBeLessThan(Date.now());
    expect(await notificationsOf(ticket.id)).toEqual([]);

    const jobs = await jobsFor(t.ctx);
    // Scoped to this test's tenant: the shared test database holds other suites' tickets.
    expect(await enqueueMissedTimers(t.ctx, jobs.scheduler, { tenantIds: [w.tenantId] })).toBe(1);
    const rows = await eventually(() => notificationsOf(ticket.id), (r) => r.length > 0, 10_000);
    expect(rows.map((r) => Number(r.percent))).toEqual([50]);
    // A second start (another server, or a restart) enqueues it again: still one notification.
    expect(await enqueueMissedTimers(t.ctx, jobs.scheduler, { tenantIds: [w.tenantId] })).toBe(0);
    const again = await processThresholdJobs(t.ctx, [{ tenantId: w.tenantId, ticketId: ticket.id, generation: 0, at: stored.next_threshold_at!.toISOString() }]);
    expect(again).toMatchObject({ evaluated: 1, notified: 0 });
    expect((await notificationsOf(ticket.id)).filter((r) => Number(r.percent) === 50)).toHaveLength(1);
  });

  it('a breach goes to the assignee and the escalation user, with the breach template', async () => {
    const w = await timerWorld(t);
    const ticket = await ticketCreatedAgo(t, w, 70_000);
    const escalation = w.dispatcherIds[0]!;
    await t.ctx.db.updateTable('tenants').set({ escalation_user_id: escalation }).where('id', '=', w.tenantId).execute();
    const assignee = await createUser(t.ctx, w.tenantId, 'technician', { name: 'Tess Technician' });
    await t.ctx.db.updateTable('tickets').set({ assignee_id: assignee.id }).where('id', '=', ticket.id).execute();
    const r = await processThresholdJobs(t.ctx, [{ tenantId: w.tenantId, ticketId: ticket.id, generation: 0, at: new Date().toISOString() }]);
    // First response crossed 50/75/90/100 %, resolution (2 min) 50 %: warnings to the assignee,
    // the breach to the assignee and the escalation user.
    const rows = await notificationsOf(ticket.id);
    const summary = rows.map((n) => `${n.clock}:${Number(n.percent)}:${n.user_id === assignee.id ? 'assignee' : n.user_id === escalation ? 'escalation' : n.user_id}`).sort();
    expect(summary).toEqual(
      ['first_response:100:assignee', 'first_response:100:escalation', 'first_response:50:assignee', 'first_response:75:assignee', 'first_response:90:assignee', 'resolution:50:assignee'].sort(),
    );
    expect(r.notified).toBe(6);
    const breachMail = await t.ctx.db.selectFrom('outbox_emails').selectAll().where('tenant_id', '=', w.tenantId).where('kind', '=', 'clock_breach').execute();
    expect(breachMail.map((m) => m.to_address).sort()).toHaveLength(2);
    expect(breachMail[0]!.subject).toContain(`[${ticket.reference}] Breached: first response target`);
    // Evaluating again notifies nobody.
    expect((await processThresholdJobs(t.ctx, [{ tenantId: w.tenantId, ticketId: ticket.id, generation: 0, at: new Date().toISOString() }])).notified).toBe(0);
  });
});
